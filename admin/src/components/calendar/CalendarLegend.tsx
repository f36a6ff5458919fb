/** Colour plus a written mark, so the legend does not depend on colour alone. */
export function CalendarLegend() {
  const items = [
    { className: 'cal-day cal-day--holiday', mark: '休', text: '法定节假日（放假）' },
    { className: 'cal-day cal-day--workday', mark: '班', text: '调休上班' },
    { className: 'cal-day cal-day--weekend', mark: '', text: '周末' },
    { className: 'cal-day', mark: '', text: '工作日' },
    { className: 'cal-day cal-day--holiday cal-day--local', mark: '休', text: '虚线边框：地方安排' },
  ];
  return (
    <ul className="cal-legend" aria-label="图例">
      {items.map((item) => (
        <li key={item.text}>
          <span
            className={item.className}
            style={{ display: 'inline-flex', alignItems: 'center', justifyContent: 'center' }}
            aria-hidden
          >
            8{item.mark && <span className="cal-mark">{item.mark}</span>}
          </span>
          {item.mark ? `“${item.mark}”` : ''}
          {item.text}
        </li>
      ))}
    </ul>
  );
}
