import { Card, Empty, Skeleton } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useApiData } from '../../hooks/useApiData';
import type { DailyCount } from '../../types/audit';
import type { EChartOption } from '../EChart';

// ECharts is large: fetch it only when a chart is actually drawn, after the dashboard has rendered.
const EChart = lazy(() => import('../EChart').then((m) => ({ default: m.EChart })));

export function AuditTrendChart() {
  const { data, error, loading } = useApiData<DailyCount[]>('/admin/audit/daily?days=14');

  const option = useMemo<EChartOption | null>(() => {
    if (!data || data.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: data.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '审计事件',
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.15 },
          data: data.map((d) => d.count),
        },
      ],
    };
  }, [data]);

  const total = data?.reduce((sum, d) => sum + d.count, 0) ?? 0;
  return (
    <Card title="审计事件（近 14 天）" size="small" loading={loading && !data}>
      {option ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>
          <EChart option={option} height={240} ariaLabel={`近 14 天审计事件折线图，共 ${total} 条`} />
        </Suspense>
      ) : (
        <Empty description={error ? `无法加载：${error.message}` : '暂无数据'} />
      )}
    </Card>
  );
}
