import { Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import { formatDateTime } from '../../lib/format';
import type { User } from '../../types/user';

interface UserTableProps {
  users: User[];
  loading: boolean;
  unlocking: number | null;
  onEdit: (user: User) => void;
  onRoles: (user: User) => void;
  onResetPassword: (user: User) => void;
  onUnlock: (user: User) => void;
}

export function UserTable({
  users,
  loading,
  unlocking,
  onEdit,
  onRoles,
  onResetPassword,
  onUnlock,
}: UserTableProps) {
  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    {
      title: '姓名',
      dataIndex: 'displayName',
      width: 160,
      render: (name: string, u) => (
        <>
          {name} {u.isPlatformAdmin && <Tag color="gold">平台管理员</Tag>}
        </>
      ),
    },
    {
      title: '角色',
      key: 'roles',
      render: (_, u) =>
        u.roles.length === 0 ? (
          <Tag>无角色</Tag>
        ) : (
          <Space size={[0, 4]} wrap>
            {u.roles.map((r) => (
              <Tag key={r.id}>
                {r.agencyName} · {r.roleLabel}
                {r.unitName ? `（${r.unitName}）` : ''}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
          {u.locked && (
            <>
              <Tag color="orange">已锁定</Tag>
              <Button size="small" loading={unlocking === u.id} onClick={() => onUnlock(u)}>
                解锁
              </Button>
            </>
          )}
        </Space>
      ),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (t: string | null) => (t ? formatDateTime(t) : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_, u) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => onEdit(u)}>
            编辑
          </Button>
          <Button size="small" onClick={() => onRoles(u)}>
            角色
          </Button>
          <Button size="small" onClick={() => onResetPassword(u)}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 人` }}
      locale={{ emptyText: '没有符合条件的用户' }}
      scroll={{ x: 1000 }}
    />
  );
}
