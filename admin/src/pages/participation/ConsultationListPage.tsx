import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { withQuery } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import type { ConsultationList, ConsultationListItem } from '../../types/participation';

const STATUS_FILTER = [
  { value: 'draft', label: '草稿' },
  { value: 'open', label: '已发布（征求意见中或待结束）' },
  { value: 'closed', label: '已结束' },
  { value: 'summary_published', label: '已公布采纳情况' },
];

/** 意见征集: the agency's consultations (a supervising office sees the supervised agencies' too). */
export default function ConsultationListPage() {
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApiData<ConsultationList>(
    withQuery('/admin/consultations', { status, limit: 20, offset: (page - 1) * 20 }),
  );
  const canCreate = (data?.creatableAgencies.length ?? 0) > 0;
  return (
    <>
      <PageHeader
        title="意见征集"
        description="重大行政决策、行政规范性文件草案公开征求意见，意见审核、采纳情况台账和结果公布。"
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')}>
              新建意见征集
            </Button>
          )
        }
      />
      {error && <LoadError error={error} onRetry={reload} />}
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="按状态筛选"
          aria-label="按状态筛选"
          style={{ width: 260 }}
          options={STATUS_FILTER}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
        />
      </Space>
      <Table<ConsultationListItem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={String(r.id)}>{t}</Link> },
          { title: '机关', dataIndex: 'agencyName' },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '征求意见期限', render: (_, r) => `${r.startsOn} 至 ${r.endsOn}` },
          { title: '状态', dataIndex: 'phaseLabel', render: (t: string) => <Tag>{t}</Tag> },
          {
            title: '意见',
            render: (_, r) => (
              <Space>
                {r.commentCount} 条{r.pendingCount > 0 && <Badge count={`${r.pendingCount} 条待审核`} />}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
