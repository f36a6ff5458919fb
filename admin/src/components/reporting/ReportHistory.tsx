import { Table } from 'antd';
import { useApiData } from '../../hooks/useApiData';
import type { EChartOption } from '../EChart';
import { ChartCard } from './ChartCard';

interface HistoryItem {
  year: number;
  status: string;
  source: string;
  newApplications: number;
  carriedIn: number;
  handled: number;
  disclosed: number;
  partial: number;
  carriedOut: number;
  normativeIssued: number;
  appeals: number;
}

const SOURCE_LABELS: Record<string, string> = { computed: '平台计算', imported: '导入', entered: '人工录入' };

/** Year-on-year comparison of the key figures (computed years and entered or imported past years). */
export function ReportHistory({ agencyId }: { agencyId: number }) {
  const { data } = useApiData<{ items: HistoryItem[] }>(`/admin/reports/${agencyId}/history?years=5`);
  const items = data?.items ?? [];
  const option: EChartOption = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: items.map((i) => `${i.year}年`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '新收申请', type: 'bar', data: items.map((i) => i.newApplications) },
      { name: '办结', type: 'bar', data: items.map((i) => i.handled) },
      { name: '制发规范性文件', type: 'bar', data: items.map((i) => i.normativeIssued) },
    ],
  };
  return (
    <>
      <ChartCard
        title="历年对比"
        option={option}
        hasData={items.some((i) => i.newApplications + i.handled + i.normativeIssued > 0)}
        ariaLabel="近五年新收申请、办结和制发规范性文件数量柱状图"
        emptyText="近五年暂无数据"
        height={240}
      />
      <Table<HistoryItem>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={items}
        columns={[
          { title: '年度', dataIndex: 'year' },
          { title: '数据来源', dataIndex: 'source', render: (s: string) => SOURCE_LABELS[s] ?? s },
          { title: '新收申请', dataIndex: 'newApplications' },
          { title: '上年结转', dataIndex: 'carriedIn' },
          { title: '办结', dataIndex: 'handled' },
          { title: '予以公开', dataIndex: 'disclosed' },
          { title: '部分公开', dataIndex: 'partial' },
          { title: '结转下年', dataIndex: 'carriedOut' },
          { title: '复议诉讼', dataIndex: 'appeals' },
        ]}
      />
    </>
  );
}
