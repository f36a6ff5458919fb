import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Spin,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { ReportFilterBar } from '../../components/reporting/ReportFilterBar';
import { downloadUrl } from '../../components/reporting/reportLayout';
import { StatisticsCharts } from '../../components/reporting/StatisticsCharts';
import { StatisticsKpis } from '../../components/reporting/StatisticsKpis';
import { useReportFilters } from '../../components/reporting/useReportFilters';
import { useApiData } from '../../hooks/useApiData';
import type { AgencyStatisticsRow, Statistics } from '../../types/reporting';

const percent = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

const AGENCY_COLUMNS: TableColumnsType<AgencyStatisticsRow> = [
  {
    title: '机关',
    dataIndex: 'agencyName',
    sorter: (a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN'),
  },
  { title: '新收申请', dataIndex: 'received', align: 'right', sorter: (a, b) => a.received - b.received },
  { title: '办结', dataIndex: 'closed', align: 'right', sorter: (a, b) => a.closed - b.closed },
  {
    title: '按期率',
    dataIndex: 'onTimeRate',
    align: 'right',
    sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
    render: percent,
  },
  { title: '主动公开', dataIndex: 'published', align: 'right', sorter: (a, b) => a.published - b.published },
  {
    title: '超期公开',
    dataIndex: 'publicationsLate',
    align: 'right',
    sorter: (a, b) => a.publicationsLate - b.publicationsLate,
    render: (late: number) => (late > 0 ? <Tag color="error">{late} 条超期</Tag> : 0),
  },
];

function isAllZero(s: Statistics): boolean {
  return (
    s.applicationsByMonth.every((m) => m.received === 0 && m.closed === 0) &&
    s.publicationsByMonth.every((m) => m.count === 0) &&
    s.openByDue.every((b) => b.count === 0)
  );
}

export default function StatisticsPage() {
  const { agencyId, year, setAgencyId, setYear } = useReportFilters();
  const [params, setParams] = useSearchParams();
  // no choice in the address: the server's default (a supervising office includes the agencies it supervises)
  const chosen = params.get('includeSupervised');
  const choice = chosen === 'true' ? true : chosen === 'false' ? false : undefined;
  const setIncludeSupervised = (on: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('includeSupervised', String(on));
        return next;
      },
      { replace: true },
    );

  const query = { agencyId, year, includeSupervised: choice };
  const { data, error, loading, reload } = useApiData<Statistics>(
    agencyId === null ? null : withQuery('/admin/statistics', query),
  );
  const stats = data?.year === year ? data : undefined;
  const includeSupervised = choice ?? data?.includeSupervised ?? false;
  const empty = useMemo(() => (stats ? isAllZero(stats) : false), [stats]);

  return (
    <>
      <PageHeader
        title="统计分析"
        description="依申请公开和主动公开工作的统计：申请量、渠道、申请人类型、办理结果、办理时效与到期分布，主动公开的类别、月度分布和超期情况。"
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={agencyId === null ? undefined : downloadUrl(withQuery('/admin/statistics/export', query))}
            disabled={agencyId === null}
          >
            导出 Excel
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <ReportFilterBar
            idPrefix="statistics"
            agencyId={agencyId}
            onAgencyChange={setAgencyId}
            year={year}
            onYearChange={setYear}
          >
            <Form.Item label="含被监督机关" htmlFor="statistics-supervised">
              <Switch
                id="statistics-supervised"
                checked={includeSupervised}
                onChange={setIncludeSupervised}
                checkedChildren="含"
                unCheckedChildren="不含"
              />
            </Form.Item>
          </ReportFilterBar>
        </Card>
        {agencyId === null && (
          <Card>
            <Empty description="请选择机关" />
          </Card>
        )}
        {error && <LoadError error={error} onRetry={reload} />}
        {agencyId !== null && !stats && !error && (
          <Card>
            <Spin spinning description="正在加载…">
              <div style={{ minHeight: 160 }} />
            </Spin>
          </Card>
        )}
        {stats && (
          <Spin spinning={loading}>
            <Flex vertical gap={16}>
              {includeSupervised && (
                <Alert
                  type="info"
                  showIcon
                  title={`统计范围：本机关及所监督机关，共 ${stats.agencies} 个机关`}
                />
              )}
              {empty && (
                <Alert
                  type="info"
                  showIcon
                  title={`${year} 年暂无申请和主动公开记录`}
                  description="有办理记录后，这里会显示各项统计图表。可切换年度或机关查看其他数据。"
                />
              )}
              {(stats.guide?.overdue || stats.catalogEntriesOverdue > 0) && (
                <Alert
                  type="warning"
                  showIcon
                  title="公开指南或目录需要更新"
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {stats.guide?.overdue && (
                        <li>
                          政府信息公开指南已超过复核日期（应于 {stats.guide.nextReviewOn ?? '—'} 前复核）
                        </li>
                      )}
                      {stats.catalogEntriesOverdue > 0 && (
                        <li>{stats.catalogEntriesOverdue} 个公开目录条目超期未更新</li>
                      )}
                    </ul>
                  }
                />
              )}
              <StatisticsKpis stats={stats} />
              <StatisticsCharts stats={stats} />
              {includeSupervised && (
                <Card size="small" title="各机关情况">
                  <Table<AgencyStatisticsRow>
                    rowKey="agencyId"
                    size="middle"
                    columns={AGENCY_COLUMNS}
                    dataSource={stats.byAgency}
                    pagination={stats.byAgency.length > 20 ? { pageSize: 20 } : false}
                    scroll={{ x: 720 }}
                  />
                </Card>
              )}
            </Flex>
          </Spin>
        )}
      </Flex>
    </>
  );
}
