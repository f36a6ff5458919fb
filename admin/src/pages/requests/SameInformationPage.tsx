import { Alert, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import type { SameInformationList } from '../../types/requests';
import { useRequestAgency } from './RequestSettingsPage';

type Row = SameInformationList['items'][number];

/** R.44: information several applicants asked for — candidates for proactive publication. */
export default function SameInformationPage() {
  const { agencyId, picker } = useRequestAgency();
  const { data, error, loading, reload } = useApiData<SameInformationList>(
    agencyId ? `/admin/requests/same-information/${agencyId}` : null,
  );
  return (
    <>
      <PageHeader
        title="多人申请的相同信息"
        description="条例第四十四条：多个申请人就相同政府信息向同一机关提出公开申请，且该信息属于可以公开的，可以纳入主动公开的范围。"
        extra={<Link to="/requests">返回队列</Link>}
      />
      <Space style={{ marginBottom: 16 }} wrap>
        {picker}
        {data && (
          <Typography.Text type="secondary">
            统计范围：{data.since} 至 {data.today}（近 {data.windowMonths} 个月），至少 {data.minApplicants}{' '}
            个不同申请人申请的信息。按文号、信息名称或申请内容的相似度归并。
          </Typography.Text>
        )}
      </Space>
      {data?.truncated && (
        <Alert type="warning" showIcon title="申请数量较多，只统计了最早的 5000 个申请事项。" />
      )}
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Row>
          rowKey={(r) => r.applications[0]!.id}
          loading={loading}
          dataSource={data?.items}
          locale={{ emptyText: '没有达到条件的信息' }}
          pagination={false}
          expandable={{
            expandedRowRender: (r) => (
              <Space wrap>
                {r.applications.map((a) => (
                  <Link key={a.id} to={`/requests/${a.id}`}>
                    {a.registrationNo}（{a.applicantName}，{a.submittedOn}）
                  </Link>
                ))}
              </Space>
            ),
          }}
          columns={[
            {
              title: '申请的信息',
              key: 'info',
              render: (_: unknown, r) => (
                <span>
                  {r.description}
                  {r.title ? <Typography.Text type="secondary">《{r.title}》</Typography.Text> : null}
                  {r.docNo ? <Typography.Text type="secondary">（{r.docNo}）</Typography.Text> : null}
                </span>
              ),
            },
            { title: '申请人数', dataIndex: 'applicants' },
            { title: '申请件数', dataIndex: 'requests' },
            { title: '首次申请', dataIndex: 'firstOn' },
            { title: '最近申请', dataIndex: 'lastOn' },
            {
              title: '建议',
              key: 'hint',
              render: (_: unknown, r) =>
                r.disclosedBefore ? (
                  <Tag color="green">已依申请公开过：建议转为主动公开</Tag>
                ) : (
                  <Tag>审查是否可以公开</Tag>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
