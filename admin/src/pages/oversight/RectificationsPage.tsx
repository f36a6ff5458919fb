import { Alert, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiData } from '../../hooks/useApiData';
import type { OverdueList, RectificationEntry, RectificationList } from '../../types/oversight';
import { RectificationTag } from './RectificationTag';

type Side = 'own' | 'supervised' | 'overdue';

/** 整改任务: the own agency's tasks (submit the 整改报告), the supervised agencies' tasks, and the overdue ones. */
export default function RectificationsPage() {
  const [side, setSide] = useState<Side>('own');
  const path =
    side === 'overdue'
      ? '/admin/oversight/rectifications/overdue'
      : `/admin/oversight/rectifications?scope=${side}&limit=100`;
  const { data, error, loading, reload } = useApiData<RectificationList | OverdueList>(path);
  const byAgency = side === 'overdue' ? (data as OverdueList | undefined)?.byAgency : undefined;

  return (
    <>
      <PageHeader
        title="整改任务"
        description="监督检查发现的问题限期整改：被检查机关在期限内提交整改报告，由监督机关验收或退回；逾期未整改的在此列出。"
        extra={<Link to="/oversight">返回检查计划</Link>}
      />
      <Tabs
        activeKey={side}
        onChange={(k) => setSide(k as Side)}
        items={[
          { key: 'own', label: '本机关的整改任务' },
          { key: 'supervised', label: '所监督机关的整改' },
          { key: 'overdue', label: '逾期未整改' },
        ]}
      />
      {byAgency && byAgency.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              逾期未整改：
              {byAgency.map((b) => (
                <span key={b.agency.id}>
                  {b.agency.name} {b.overdue} 项
                </span>
              ))}
            </Space>
          }
        />
      )}
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<RectificationEntry>
          rowKey={(e) => e.rectification.id}
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: side === 'overdue' ? '没有逾期未整改的任务' : '暂无整改任务' }}
          columns={[
            {
              title: '问题',
              key: 'finding',
              render: (_: unknown, e) => (
                <>
                  <Link to={`/oversight/rectifications/${e.rectification.id}`}>{e.checkPointLabel}</Link>
                  <div style={{ fontSize: 12, color: '#666' }}>{e.description}</div>
                </>
              ),
            },
            { title: '整改机关', dataIndex: ['rectification', 'owner', 'name'], width: 160 },
            {
              title: '检查',
              key: 'plan',
              width: 220,
              render: (_: unknown, e) => (
                <Link to={`/oversight/plans/${e.plan.id}`}>
                  {e.plan.title}（{e.plan.kindLabel}）
                </Link>
              ),
            },
            { title: '整改期限', dataIndex: ['rectification', 'dueOn'], width: 110 },
            {
              title: '状态',
              key: 'status',
              width: 140,
              render: (_: unknown, e) => <RectificationTag r={e.rectification} />,
            },
          ]}
        />
      )}
    </>
  );
}
