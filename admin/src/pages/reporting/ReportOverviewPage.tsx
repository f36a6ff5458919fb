import { Card, Flex, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { ReportFilterBar } from '../../components/reporting/ReportFilterBar';
import { OverdueTag, ReportStatusTag } from '../../components/reporting/ReportStatusTags';
import { StatusSummary } from '../../components/reporting/StatusSummaryChart';
import { useReportFilters } from '../../components/reporting/useReportFilters';
import { useApiData } from '../../hooks/useApiData';
import { withQuery } from '../../api';
import { KIND_LABELS } from '../../lib/agencyTree';
import type { AgencyKind } from '../../types/agency';
import type { ReportOverview, ReportOverviewItem } from '../../types/reporting';

const STATUS_RANK: Record<string, number> = { 未编制: 0, 草稿: 1, 待审批: 2, 已审批待发布: 3, 已发布: 4 };

export default function ReportOverviewPage() {
  const { year, setYear } = useReportFilters();
  const { data, error, loading, reload } = useApiData<ReportOverview>(
    withQuery('/admin/reports/overview', { year }),
  );
  const items = data?.items ?? [];

  const columns = useMemo<TableColumnsType<ReportOverviewItem>>(
    () => [
      {
        title: '机关',
        dataIndex: 'agencyName',
        sorter: (a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN'),
        render: (name: string, row) => (
          <Link to={withQuery('/reporting/annual-report', { agencyId: row.agencyId, year })}>{name}</Link>
        ),
      },
      {
        title: '类型',
        dataIndex: 'kind',
        width: 100,
        render: (kind: string) => KIND_LABELS[kind as AgencyKind] ?? kind,
        filters: [
          { text: '人民政府', value: 'government' },
          { text: '部门', value: 'department' },
        ],
        onFilter: (value, row) => row.kind === value,
      },
      {
        title: '状态',
        dataIndex: 'statusLabel',
        width: 130,
        sorter: (a, b) => (STATUS_RANK[a.statusLabel] ?? 0) - (STATUS_RANK[b.statusLabel] ?? 0),
        filters: Object.keys(STATUS_RANK).map((s) => ({ text: s, value: s })),
        onFilter: (value, row) => row.statusLabel === value,
        render: (_: string, row) => <ReportStatusTag status={row.status} label={row.statusLabel} />,
      },
      {
        title: '公布期限',
        dataIndex: 'dueOn',
        width: 230,
        sorter: (a, b) =>
          a.dueOn.localeCompare(b.dueOn) ||
          Number(a.overdue || a.publishedLate) - Number(b.overdue || b.publishedLate),
        render: (dueOn: string, row) => (
          <Space size={4} wrap>
            <span>{dueOn}</span>
            {row.overdue && <OverdueTag />}
            {row.publishedLate && (
              <Tag color="orange" title={`${row.publishedOn} 发布，晚于公布期限`}>
                逾期发布（{row.publishedOn}）
              </Tag>
            )}
          </Space>
        ),
      },
      {
        title: '本年新收申请',
        dataIndex: 'newApplications',
        align: 'right',
        width: 120,
        sorter: (a, b) => a.newApplications - b.newApplications,
      },
      {
        title: '办结',
        dataIndex: 'handled',
        align: 'right',
        width: 90,
        sorter: (a, b) => a.handled - b.handled,
      },
      {
        title: '结转下年',
        dataIndex: 'carriedOut',
        align: 'right',
        width: 100,
        sorter: (a, b) => a.carriedOut - b.carriedOut,
      },
      {
        title: '勾稽问题',
        dataIndex: 'problems',
        width: 110,
        sorter: (a, b) => a.problems - b.problems,
        render: (problems: number) =>
          problems > 0 ? <Tag color="error">{problems} 项未通过</Tag> : <Tag color="success">通过</Tag>,
      },
      {
        title: '操作',
        key: 'actions',
        width: 90,
        render: (_: unknown, row) => (
          <Link
            to={withQuery('/reporting/annual-report', { agencyId: row.agencyId, year })}
            aria-label={`查看${row.agencyName}${year}年度报告`}
          >
            查看报告
          </Link>
        ),
      },
    ],
    [year],
  );

  return (
    <>
      <PageHeader
        title="年报总览"
        description="本机关及所监督机关年度报告的编制、审批和公布进度。政府部门应于每年 1 月 31 日前、县级以上人民政府应于 3 月 31 日前公布上一年度报告。"
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <ReportFilterBar idPrefix="report-overview" year={year} onYearChange={setYear} />
        </Card>
        {error && <LoadError error={error} onRetry={reload} />}
        {data && <StatusSummary items={items} />}
        <Card size="small" title={`${year} 年度报告编制情况`}>
          <Table<ReportOverviewItem>
            rowKey="agencyId"
            size="middle"
            loading={loading}
            columns={columns}
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: true } : false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '没有需要编报年度报告的机关' }}
            summary={() =>
              items.length > 1 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={4}>
                    <Typography.Text strong>合计</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {items.reduce((s, i) => s + i.newApplications, 0)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {items.reduce((s, i) => s + i.handled, 0)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    {items.reduce((s, i) => s + i.carriedOut, 0)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={7} colSpan={2}>
                    {items.filter((i) => i.problems > 0).length} 个机关存在勾稽问题
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </Card>
      </Flex>
    </>
  );
}
