import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import type { PublicationItem } from '../../types/publication';

const QUEUES = [
  { key: 'drafts', label: '我的草稿' },
  { key: 'leader_review', label: '待我审核' },
  { key: 'office_review', label: '待保密审查' },
  { key: 'approval', label: '待我审批' },
  { key: 'due_soon', label: '即将到期' },
  { key: 'overdue', label: '已逾期' },
  { key: 'published', label: '已发布' },
  { key: 'all', label: '全部' },
] as const;

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  leader_review: 'processing',
  office_review: 'processing',
  approval: 'processing',
  scheduled: 'cyan',
  published: 'success',
  deferred: 'warning',
  referred: 'warning',
  withheld: 'default',
  revoked: 'error',
};

/** Work queues per role (issue 4, staff side): drafts, reviews, approvals, due soon and overdue (R.26). */
export default function PublicationListPage() {
  const [queue, setQueue] = useState<string>('drafts');
  const [page, setPage] = useState(1);
  const navigate = useNavigate();
  const counts = useApiData<Record<string, number>>('/admin/publication/queue-counts');
  const { data, error, loading, reload } = useApiData<{ total: number; items: PublicationItem[] }>(
    `/admin/publication/items?queue=${queue}&page=${page}&pageSize=20`,
  );
  return (
    <>
      <PageHeader
        title="主动公开"
        description="公开信息的起草、保密审查、审批与发布；法定期限按《政府信息公开条例》第二十六条自动计算。"
        extra={
          <Space>
            <Link to="/proactive/catalog">目录管理</Link>
            <Link to="/proactive/import">批量导入</Link>
            <Link to="/proactive/subjects">主题分类</Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/proactive/new')}>
              新建公开信息
            </Button>
          </Space>
        }
      />
      <Tabs
        activeKey={queue}
        onChange={(k) => {
          setQueue(k);
          setPage(1);
        }}
        items={QUEUES.map((q) => ({
          key: q.key,
          label: (
            <Space size={4}>
              {q.label}
              {counts.data?.[q.key] ? (
                <Badge count={counts.data[q.key]} color={q.key === 'overdue' ? 'red' : 'blue'} />
              ) : null}
            </Space>
          ),
        }))}
      />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<PublicationItem>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/proactive/${r.id}`}>{t}</Link>,
            },
            { title: '机关', dataIndex: 'agencyName', width: 180 },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              width: 200,
              render: (l: string, r) => <Tag color={STATUS_COLORS[r.status]}>{l}</Tag>,
            },
            {
              title: '敏感信息',
              width: 100,
              render: (_: unknown, r) =>
                r.findings.length > 0 ? (
                  <Tag color={r.scanOverride ? 'gold' : 'red'}>{r.findings.length} 处</Tag>
                ) : (
                  <Typography.Text type="secondary">无</Typography.Text>
                ),
            },
            {
              title: '公开期限',
              dataIndex: 'publishDueOn',
              width: 120,
              render: (d: string | null) => d ?? '—',
            },
            { title: '索引号', dataIndex: 'indexNo', width: 240, render: (d: string | null) => d ?? '—' },
          ]}
        />
      )}
    </>
  );
}
