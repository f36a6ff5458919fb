import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, withQuery } from '../api';
import { useMe } from '../auth/useAuth';
import { AgencyTreeSelect } from '../components/AgencyTreeSelect';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { ResetPasswordModal } from '../components/users/ResetPasswordModal';
import { RolesDrawer } from '../components/users/RolesDrawer';
import { UserFormModal } from '../components/users/UserFormModal';
import { UserTable } from '../components/users/UserTable';
import { useAgencies } from '../hooks/useAgencies';
import { useApiData } from '../hooks/useApiData';
import { useErrorHandler } from '../hooks/useErrorHandler';
import type { RoleInfo, User } from '../types/user';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'roles'; user: User }
  | { kind: 'password'; user: User }
  | null;

export default function UsersPage() {
  const me = useMe();
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const users = useApiData<{ items: User[] }>(withQuery('/admin/users', { agencyId, q }));
  const roles = useApiData<{ items: RoleInfo[] }>('/admin/roles');
  const { agencies, tree } = useAgencies();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [unlocking, setUnlocking] = useState<number | null>(null);
  const { message } = App.useApp();
  const handleError = useErrorHandler();

  const unlock = async (user: User) => {
    setUnlocking(user.id);
    try {
      await api.post(`/admin/users/${user.id}/unlock`);
      void message.success(`已解锁：${user.displayName}`);
      users.reload();
    } catch (err) {
      handleError(err);
    } finally {
      setUnlocking(null);
    }
  };

  return (
    <>
      <PageHeader
        title="用户与角色"
        description="管理工作人员账号，并按机关授予岗位角色。同一人可在多个机关担任不同角色。"
        extra={
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            新增用户
          </Button>
        }
      />
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v: { q?: string }) => setQ(v.q?.trim() ?? '')}
      >
        <Form.Item label="所属机关" htmlFor="user-filter-agency">
          <AgencyTreeSelect
            id="user-filter-agency"
            tree={tree}
            value={agencyId}
            onChange={setAgencyId}
            placeholder="全部机关"
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label="关键词" name="q">
          <Input.Search
            placeholder="用户名、姓名、邮箱或手机"
            allowClear
            onSearch={(v) => setQ(v.trim())}
            enterButton="搜索"
          />
        </Form.Item>
      </Form>
      {users.error && <LoadError error={users.error} onRetry={users.reload} />}
      <UserTable
        users={users.data?.items ?? []}
        loading={users.loading}
        unlocking={unlocking}
        onEdit={(user) => setDialog({ kind: 'edit', user })}
        onRoles={(user) => setDialog({ kind: 'roles', user })}
        onResetPassword={(user) => setDialog({ kind: 'password', user })}
        onUnlock={unlock}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : null}
          canGrantPlatformAdmin={me.user.isPlatformAdmin}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            void message.success(dialog.kind === 'edit' ? '用户信息已保存' : `已创建用户：${saved.username}`);
            setDialog(dialog.kind === 'create' ? { kind: 'roles', user: saved } : null);
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'roles' && (
        <RolesDrawer
          user={dialog.user}
          agencies={agencies}
          tree={tree}
          roles={roles.data?.items ?? []}
          onChanged={(user) => {
            setDialog({ kind: 'roles', user });
            users.reload();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
