import { HomeOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Typography } from 'antd';
import { usePhone } from '../../hooks/usePhone';
import { NotificationBell } from '../notifications/NotificationBell';
import { ContextSwitcher } from './ContextSwitcher';
import { UserMenu } from './UserMenu';

/**
 * The staff app's header. On a phone (below antd's md breakpoint, e.g. a 390 px screen) it keeps to
 * the screen's width: a short title, icons without their words, a narrower agency switcher.
 */
export function HeaderBar({ onMenu, menuOpen }: { onMenu?: () => void; menuOpen?: boolean }) {
  const phone = usePhone();
  return (
    <Layout.Header
      data-testid="app-header"
      style={{
        background: '#fff',
        padding: phone ? '0 8px' : '0 24px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: phone ? 8 : 16,
        borderBottom: '1px solid #f0f0f0',
        minWidth: 0,
        overflow: 'hidden',
      }}
    >
      {onMenu && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label="菜单"
          aria-expanded={menuOpen}
          onClick={onMenu}
          style={{ flex: 'none' }}
        />
      )}
      <Typography.Title
        level={phone ? 5 : 4}
        style={{
          margin: 0,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          minWidth: 0,
          flex: onMenu ? 1 : undefined,
        }}
      >
        {phone ? '工作台' : '政府信息公开平台 · 工作台'}
      </Typography.Title>
      <Space size={phone ? 4 : 'middle'} wrap={false} style={{ minWidth: 0 }}>
        <ContextSwitcher compact={phone} />
        <a href="/" aria-label="门户首页" title="门户首页">
          <HomeOutlined />
          {!phone && ' 门户首页'}
        </a>
        <NotificationBell />
        <UserMenu compact={phone} />
      </Space>
    </Layout.Header>
  );
}
