import { Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/useAuth';
import { AuditDiff } from '../components/audit/AuditDiff';
import { AuditFilters } from '../components/audit/AuditFilters';
import { type AuditFilterValues, useAuditLog } from '../components/audit/useAuditLog';
import { VerifyChainButton, type VerifyOutcome, VerifyResult } from '../components/audit/VerifyChain';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { useAgencies } from '../hooks/useAgencies';
import { formatDateTime } from '../lib/format';
import type { AuditEvent } from '../types/audit';

const columns: TableColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'occurredAt', width: 170, render: (t: string) => formatDateTime(t) },
  { title: '事件', dataIndex: 'actionLabel', width: 200 },
  {
    title: '对象',
    key: 'entity',
    render: (_, e) => (
      <>
        <Typography.Text type="secondary">{e.entityLabel}</Typography.Text>{' '}
        {e.entityName ?? `第 ${e.entityId} 号`}
      </>
    ),
  },
  { title: '操作人', dataIndex: 'actorLabel', width: 160 },
  { title: '机关', dataIndex: 'agencyName', render: (n: string | null) => n ?? '—' },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
];

export default function AuditPage() {
  const me = useMe();
  const { tree } = useAgencies();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const log = useAuditLog(filters);
  const [verify, setVerify] = useState<VerifyOutcome>(null);

  return (
    <>
      <PageHeader
        title="审计日志"
        description="系统记录所有管理操作，每条记录与上一条以哈希相连，任何修改或删除都可被校验发现。"
        extra={me.user.isPlatformAdmin ? <VerifyChainButton onResult={setVerify} /> : undefined}
      />
      <Flex vertical gap={16}>
        <VerifyResult outcome={verify} onClose={() => setVerify(null)} />
        <div>
          <AuditFilters tree={tree} onSearch={setFilters} />
          {log.error && <LoadError error={log.error} onRetry={log.reload} />}
          <Table<AuditEvent>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={log.items}
            loading={log.loading && log.items.length === 0}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: '没有符合条件的审计记录' }}
            expandable={{
              expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />,
              rowExpandable: (e) => e.before != null || e.after != null,
            }}
          />
        </div>
        <Flex justify="center" align="center" gap={12}>
          <Typography.Text type="secondary">已显示 {log.items.length} 条</Typography.Text>
          {log.nextBeforeId !== null && (
            <Button onClick={log.loadMore} loading={log.loading}>
              加载更多
            </Button>
          )}
        </Flex>
      </Flex>
    </>
  );
}
