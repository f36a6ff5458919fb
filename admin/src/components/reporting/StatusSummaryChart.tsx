import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import type { EChartOption } from '../EChart';
import type { ReportOverviewItem } from '../../types/reporting';

const EChart = lazy(() => import('../EChart').then((m) => ({ default: m.EChart })));

/** The labels in workflow order; 未编制 = nothing saved yet. */
const STATUS_ORDER = ['未编制', '草稿', '待审批', '已审批待发布', '已发布'] as const;
const STATUS_BAR_COLORS: Record<string, string> = {
  未编制: '#bfbfbf',
  草稿: '#8c8c8c',
  待审批: '#1677ff',
  已审批待发布: '#faad14',
  已发布: '#52c41a',
};

/** Counts per status as statistic cards and a bar chart. */
export function StatusSummary({ items }: { items: ReportOverviewItem[] }) {
  const counts = useMemo(() => {
    const map = new Map<string, number>(STATUS_ORDER.map((s) => [s, 0]));
    for (const item of items) map.set(item.statusLabel, (map.get(item.statusLabel) ?? 0) + 1);
    return [...map.entries()].map(([label, count]) => ({ label, count }));
  }, [items]);
  const overdue = items.filter((i) => i.overdue).length;

  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: counts.map((c) => c.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '机关数',
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: counts.map((c) => ({ value: c.count, itemStyle: { color: STATUS_BAR_COLORS[c.label] } })),
        },
      ],
    }),
    [counts],
  );

  const published = counts.find((c) => c.label === '已发布')?.count ?? 0;
  const withProblems = items.filter((i) => i.problems > 0).length;
  const cards = [
    { title: '应编报机关', value: items.length, note: '人民政府和部门' },
    {
      title: '已发布',
      value: published,
      note: items.length > 0 ? `占 ${Math.round((published / items.length) * 100)}%` : '—',
    },
    {
      title: '已超期未发布',
      value: overdue,
      danger: overdue > 0,
      note: overdue > 0 ? '请督促尽快发布' : '均未超期',
    },
    {
      title: '勾稽关系未通过',
      value: withProblems,
      danger: withProblems > 0,
      note: withProblems > 0 ? '请督促核对数据' : '全部通过',
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Row gutter={[12, 12]}>
          {cards.map((c) => (
            <Col key={c.title} span={12}>
              <Card size="small">
                <Statistic
                  title={c.title}
                  value={c.value}
                  suffix="个"
                  styles={{ content: c.danger ? { color: '#cf1322' } : undefined }}
                />
                <Typography.Text type={c.danger ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {c.note}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title="各状态机关数" style={{ height: '100%' }}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
            <EChart
              option={option}
              height={200}
              ariaLabel={`各状态机关数柱状图：${counts.map((c) => `${c.label} ${c.count} 个`).join('，')}`}
            />
          </Suspense>
        </Card>
      </Col>
    </Row>
  );
}
