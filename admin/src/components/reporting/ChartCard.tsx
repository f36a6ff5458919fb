import { Card, Empty, Skeleton } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import type { EChartOption } from '../EChart';

// ECharts is large: fetch it only when a chart is actually drawn.
const EChart = lazy(() => import('../EChart').then((m) => ({ default: m.EChart })));

interface ChartCardProps {
  title: string;
  option: EChartOption;
  /** false: show a friendly empty state instead of an empty chart */
  hasData: boolean;
  ariaLabel: string;
  emptyText?: string;
  height?: number;
  extra?: ReactNode;
}

export function ChartCard({
  title,
  option,
  hasData,
  ariaLabel,
  emptyText,
  height = 280,
  extra,
}: ChartCardProps) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      {hasData ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <EChart option={option} height={height} ariaLabel={ariaLabel} />
        </Suspense>
      ) : (
        <div
          style={{
            height: Math.min(height, 170),
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? '本年度暂无数据'} />
        </div>
      )}
    </Card>
  );
}
