import { Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { useMe } from '../../auth/useAuth';
import { contextKey } from '../../lib/format';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

const PAGE_FALLBACK = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin description="正在加载…" />
  </div>
);

export default function AppLayout() {
  const me = useMe();
  const [collapsed, setCollapsed] = useState(false);
  // Re-mount the page when the active agency/role changes so it reloads its data.
  const pageKey = contextKey(me.active.agencyId, me.active.role);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={208}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content style={{ padding: 24 }}>
          <div key={pageKey}>
            <Suspense fallback={PAGE_FALLBACK}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
