import { Alert, Table, Tag } from 'antd';
import { useApiData } from '../../hooks/useApiData';
import type { HistoryItem, ReportHistoryData } from '../../types/reporting';
import type { EChartOption } from '../EChart';
import { ChartCard } from './ChartCard';

const SOURCE_LABELS: Record<string, string> = { computed: '平台计算', imported: '导入', entered: '人工录入' };

/** The figures shown as table columns (every comparable figure is in the API answer; these fit a row). */
const COLUMNS = [
  'newApplications',
  'carriedIn',
  'disclosed',
  'partial',
  'withheld',
  'unable',
  'notProcessed',
  'otherHandling',
  'handled',
  'carriedOut',
  'appeals',
  'normativeIssued',
  'licensingDecisions',
];

const num = (item: HistoryItem, key: string) => Number(item[key] ?? 0);

/**
 * Year-on-year comparison of the key figures (computed years and entered or imported past years, in
 * the 2019 or 2021 format): only figures with the same meaning in both formats, and a plain note of
 * what is left out when the years mix formats.
 */
export function ReportHistory({ agencyId }: { agencyId: number }) {
  const { data } = useApiData<ReportHistoryData>(`/admin/reports/${agencyId}/history?years=5`);
  const items = data?.items ?? [];
  const labels = Object.fromEntries((data?.figures ?? []).map((f) => [f.key, f.label]));
  const option: EChartOption = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      data: items.map((i) => `${i.year}年${i.format === '2019' ? '（2019 格式）' : ''}`),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '新收申请', type: 'bar', data: items.map((i) => num(i, 'newApplications')) },
      { name: '办结', type: 'bar', data: items.map((i) => num(i, 'handled')) },
      { name: '制发规范性文件', type: 'bar', data: items.map((i) => num(i, 'normativeIssued')) },
    ],
  };
  return (
    <>
      <ChartCard
        title="历年对比"
        option={option}
        hasData={items.some(
          (i) => num(i, 'newApplications') + num(i, 'handled') + num(i, 'normativeIssued') > 0,
        )}
        ariaLabel="近五年新收申请、办结和制发规范性文件数量柱状图"
        emptyText="近五年暂无数据"
        height={240}
      />
      {data?.mixedFormats && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title="所列年度既有 2019 格式也有 2021 格式的报告，下表只比较两种格式口径相同的数据"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {data.notComparable.map((n) => (
                <li key={n}>未比较：{n}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<HistoryItem>
        size="small"
        rowKey="year"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={items}
        columns={[
          { title: '年度', dataIndex: 'year', fixed: 'left' },
          {
            title: '格式',
            dataIndex: 'format',
            render: (f: string) => <Tag color={f === '2019' ? 'orange' : 'blue'}>{f} 格式</Tag>,
          },
          { title: '数据来源', dataIndex: 'source', render: (s: string) => SOURCE_LABELS[s] ?? s },
          ...COLUMNS.map((key) => ({ title: labels[key] ?? key, dataIndex: key })),
        ]}
      />
    </>
  );
}
