import { HomeOutlined } from '@ant-design/icons';
import { Layout, Space, Typography } from 'antd';
import { NotificationBell } from '../notifications/NotificationBell';
import { ContextSwitcher } from './ContextSwitcher';
import { UserMenu } from './UserMenu';

export function HeaderBar() {
  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: '0 24px',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
        政府信息公开平台 · 工作台
      </Typography.Title>
      <Space size="middle" wrap={false}>
        <ContextSwitcher />
        <a href="/">
          <HomeOutlined /> 门户首页
        </a>
        <NotificationBell />
        <UserMenu />
      </Space>
    </Layout.Header>
  );
}
