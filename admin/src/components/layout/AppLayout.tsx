import { Layout, Spin } from 'antd';
import { PHONE_QUERY, usePhone } from '../../hooks/usePhone';
import { Suspense, useEffect, useState } from 'react';
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
  const phone = usePhone();
  // on a phone the menu folds away entirely (the header's button opens it) and closes after a choice
  const [collapsed, setCollapsed] = useState(() => window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    if (phone) setCollapsed(true);
  }, [phone]);
  // Re-mount the page when the active agency/role changes so it reloads its data.
  const pageKey = contextKey(me.active.agencyId, me.active.role);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        collapsedWidth={phone ? 0 : 80}
        // on a phone the header's menu button opens it (no floating trigger over the page)
        trigger={phone ? null : undefined}
        width={208}
        theme="light"
        style={{
          borderRight: '1px solid #f0f0f0',
          // on a phone the open menu lies over the page instead of squeezing it
          ...(phone ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 1000 } : {}),
        }}
      >
        <SideMenu onNavigate={phone ? () => setCollapsed(true) : undefined} />
      </Layout.Sider>
      {phone && !collapsed && (
        <div
          aria-hidden="true"
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.35)', zIndex: 999 }}
        />
      )}
      <Layout>
        <HeaderBar onMenu={phone ? () => setCollapsed((c) => !c) : undefined} menuOpen={!collapsed} />
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
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
