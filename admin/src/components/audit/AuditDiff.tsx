import { Table, Typography } from 'antd';
import { type DiffRow, changedKeys, formatValue } from '../../lib/diff';

const cell = (color: string) => (v: unknown) => (
  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', color, fontFamily: 'inherit' }}>
    {formatValue(v)}
  </pre>
);

/** The keys an audit event changed, before → after. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = changedKeys(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">没有字段发生变化</Typography.Text>;
  return (
    <Table<DiffRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '字段', dataIndex: 'key', width: 200 },
        { title: '变更前', dataIndex: 'before', render: cell('#a8071a') },
        { title: '变更后', dataIndex: 'after', render: cell('#237804') },
      ]}
    />
  );
}
