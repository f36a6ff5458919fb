import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { Statistics } from '../../types/reporting';

/** The headline figures above the statistics charts. */
export function StatisticsKpis({ stats }: { stats: Statistics }) {
  const received = stats.applicationsByMonth.reduce((s, m) => s + m.received, 0);
  const published = stats.publicationsByMonth.reduce((s, m) => s + m.count, 0);
  const t = stats.timeliness;
  const cards = [
    { title: '新收申请', value: received, suffix: '件' },
    {
      title: '办结',
      value: t.closed,
      suffix: '件',
      note: t.closed > 0 ? `按期 ${t.onTime} 件，逾期 ${t.late} 件` : undefined,
    },
    {
      title: '按期率',
      value: t.onTimeRate === null ? '—' : t.onTimeRate,
      suffix: t.onTimeRate === null ? undefined : '%',
      precision: t.onTimeRate === null ? undefined : 1,
      note: t.onTimeRate === null ? '暂无办结申请' : t.late > 0 ? `逾期办结 ${t.late} 件` : '全部按期办结',
      danger: t.late > 0,
    },
    {
      title: '平均用时（工作日）',
      value: t.avgWorkingDays === null ? '—' : t.avgWorkingDays,
      suffix: t.avgWorkingDays === null ? undefined : '个工作日',
      precision: t.avgWorkingDays === null ? undefined : 1,
      note: t.avgWorkingDays === null ? '暂无办结申请' : undefined,
    },
    {
      title: '补正告知',
      value: stats.correctionNotices.total,
      suffix: '件',
      danger: stats.correctionNotices.late > 0,
      note:
        stats.correctionNotices.late > 0
          ? `超过7个工作日告知 ${stats.correctionNotices.late} 件（条例第三十条）`
          : stats.correctionNotices.total > 0
            ? '均在7个工作日内告知'
            : undefined,
    },
    { title: '主动公开', value: published, suffix: '条' },
    {
      title: '超期公开',
      value: stats.publicationsLate,
      suffix: '条',
      danger: stats.publicationsLate > 0,
      note: stats.publicationsLate > 0 ? '超过法定20个工作日' : '均在法定期限内',
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xxl={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={c.value}
              suffix={c.suffix}
              precision={c.precision}
              styles={{ content: c.danger ? { color: '#cf1322' } : undefined }}
            />
            {c.note && (
              <Typography.Text type={c.danger ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {c.note}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
