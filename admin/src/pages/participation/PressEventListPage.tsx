import { PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { withQuery } from '../../api';
import { useMe } from '../../auth/useAuth';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import {
  PRESS_STATUS_OPTIONS,
  type PressEventList,
  type PressEventListItem,
  type PressTarget,
} from '../../types/pressEvents';

/** 新闻发布会: the agency's press conferences and online interviews, with this year's count against the target. */
export default function PressEventListPage() {
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const navigate = useNavigate();
  const me = useMe();
  const { data, error, loading, reload } = useApiData<PressEventList>(
    withQuery('/admin/press-events', { status, limit: 20, offset: (page - 1) * 20 }),
  );
  const agencyId = me.active.agencyId;
  const target = useApiData<PressTarget>(
    agencyId ? withQuery('/admin/press-events/target', { agencyId }) : null,
  );
  const canCreate = (data?.creatableAgencies.length ?? 0) > 0;
  const t = target.data;
  return (
    <>
      <PageHeader
        title="新闻发布会"
        description="新闻发布会、在线访谈和政策吹风会：预告、征集网民问题、登记举办和发布文字实录。"
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
              新建发布会或访谈
            </Button>
          )
        }
      />
      {error && <LoadError error={error} onRetry={reload} />}
      {t && (
        <Alert
          type={t.behind ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`${me.active.agencyName ?? ''}${t.year}年已举办 ${t.held} 场，年度目标 ${t.target} 场${
            t.behind ? `；按已过 ${t.elapsedQuarters} 个季度应至少举办 ${t.expectedByNow} 场` : ''
          }`}
          description="年度目标在“规则配置”中设置（默认每年4场）。"
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="按状态筛选"
          aria-label="按状态筛选"
          style={{ width: 200 }}
          options={PRESS_STATUS_OPTIONS}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
      </Space>
      <Table<PressEventListItem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '主题', dataIndex: 'topic', render: (v: string, r) => <Link to={String(r.id)}>{v}</Link> },
          { title: '机关', dataIndex: 'agencyName' },
          { title: '形式', dataIndex: 'kindLabel' },
          { title: '时间', render: (_, r) => `${r.eventDate} ${r.startTime}` },
          { title: '发布人', render: (_, r) => r.speakers.map((s) => `${s.title} ${s.name}`).join('；') },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string) => <Tag>{v}</Tag> },
          {
            title: '网民问题',
            render: (_, r) => (
              <Space>
                {r.questions} 条{r.pendingQuestions > 0 && <Badge count={`${r.pendingQuestions} 条待审核`} />}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
