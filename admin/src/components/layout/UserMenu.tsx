import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps, Modal } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../../auth/useAuth';
import { ChangePasswordForm } from '../ChangePasswordForm';

/** `compact` (a phone): the icon only; the name stays for screen readers. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const me = useMe();
  const { logout } = useAuth();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const items: MenuProps['items'] = [
    { key: 'password', label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'logout') void logout();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="text" icon={<UserOutlined />} style={compact ? { paddingInline: 4 } : undefined}>
          <span data-testid="current-user" className={compact ? 'sr-only' : undefined}>
            {me.user.displayName}
          </span>
          {!compact && <DownOutlined />}
        </Button>
      </Dropdown>
      <Modal
        title="修改密码"
        open={passwordOpen}
        onCancel={() => setPasswordOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <ChangePasswordForm onDone={() => setPasswordOpen(false)} />
      </Modal>
    </>
  );
}
