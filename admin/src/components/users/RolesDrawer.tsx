import { App, Button, Divider, Drawer, Input, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useErrorHandler } from '../../hooks/useErrorHandler';
import type { AgencyNode } from '../../lib/agencyTree';
import type { Agency } from '../../types/agency';
import type { RoleAssignment, RoleInfo, User } from '../../types/user';
import { RoleGrantForm } from './RoleGrantForm';

interface RolesDrawerProps {
  user: User;
  agencies: Agency[];
  tree: AgencyNode[];
  roles: RoleInfo[];
  onChanged: (user: User) => void;
  onClose: () => void;
}

export function RolesDrawer({ user, agencies, tree, roles, onChanged, onClose }: RolesDrawerProps) {
  const [revoking, setRevoking] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const handleError = useErrorHandler();

  const revoke = async (a: RoleAssignment) => {
    setRevoking(a.id);
    try {
      // every revocation is audited with its reason (docs/access.md)
      onChanged(
        await api.delete<User>(
          `/admin/users/${user.id}/roles/${a.id}?reason=${encodeURIComponent(reason.trim())}`,
        ),
      );
      setReason('');
      void message.success(`已撤销：${a.agencyName} · ${a.roleLabel}`);
    } catch (err) {
      handleError(err);
    } finally {
      setRevoking(null);
    }
  };

  return (
    <Drawer open size={520} title={`角色管理：${user.displayName}（${user.username}）`} onClose={onClose}>
      <Typography.Title level={5}>已有角色</Typography.Title>
      <Table<RoleAssignment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={user.roles}
        locale={{ emptyText: '尚未授予任何角色' }}
        columns={[
          { title: '机关', dataIndex: 'agencyName' },
          { title: '角色', dataIndex: 'roleLabel' },
          { title: '内设机构', dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, a) => (
              <Popconfirm
                title="确定撤销该角色吗？"
                description={
                  <Input
                    aria-label="撤销理由"
                    placeholder="撤销理由（必填，记入审计日志）"
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                }
                okText="撤销"
                cancelText="取消"
                okButtonProps={{ disabled: reason.trim().length < 2 }}
                onConfirm={() => revoke(a)}
              >
                <Button size="small" danger loading={revoking === a.id}>
                  撤销
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Divider />
      <Typography.Title level={5}>授予新角色</Typography.Title>
      <RoleGrantForm
        user={user}
        agencies={agencies}
        tree={tree}
        roles={roles}
        onGranted={(u) => {
          void message.success('角色已授予');
          onChanged(u);
        }}
      />
    </Drawer>
  );
}
