import { Card, Col, Row, Statistic } from 'antd';
import type { Dashboard } from '../../types/dashboard';

export function StatCards({ stats }: { stats: Dashboard['stats'] }) {
  const years = [...stats.calendarYears].sort((a, b) => a - b);
  const cards = [
    { title: '机关数', value: stats.agencies, suffix: '个' },
    { title: '用户数', value: stats.users, suffix: '人' },
    { title: '审计事件', value: stats.auditEvents, suffix: '条' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.title} xs={24} sm={12} xl={6}>
          <Card size="small">
            <Statistic title={c.title} value={c.value} suffix={c.suffix} />
          </Card>
        </Col>
      ))}
      <Col xs={24} sm={12} xl={6}>
        <Card size="small">
          <Statistic
            title="已录入工作日历的年度"
            value={years.length > 0 ? years.join('、') : '尚未录入'}
            styles={{ content: { fontSize: years.length > 2 ? 18 : undefined } }}
          />
        </Card>
      </Col>
    </Row>
  );
}
