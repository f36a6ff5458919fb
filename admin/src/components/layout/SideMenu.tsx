import { DashboardOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/useAuth';
import { BUSINESS_MODULES, type ModuleInfo, SYSTEM_MODULES, systemModulesFor } from '../../lib/modules';
import { canManageSystem } from '../../lib/permissions';

type MenuItem = Required<MenuProps>['items'][number];

const toItem = (m: ModuleInfo): MenuItem => ({ key: `/${m.path}`, icon: m.icon, label: m.title });

export function SideMenu() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();

  const items: MenuItem[] = [
    { key: '/', icon: <DashboardOutlined />, label: '工作台' },
    { type: 'group', key: 'business', label: '业务模块', children: BUSINESS_MODULES.map(toItem) },
  ];
  if (canManageSystem(me)) {
    items.push({
      type: 'group',
      key: 'system',
      label: '系统管理',
      children: systemModulesFor(me.user.isPlatformAdmin).map(toItem),
    });
  }

  const allPaths = [...BUSINESS_MODULES, ...SYSTEM_MODULES].map((m) => `/${m.path}`);
  // the longest matching path wins: /proactive/guide selects 公开指南, not 主动公开
  const selected =
    allPaths.filter((p) => location.pathname.startsWith(p)).sort((a, b) => b.length - a.length)[0] ??
    location.pathname;

  return (
    <nav aria-label="主菜单">
      <div
        style={{
          padding: '16px 20px',
          fontWeight: 600,
          fontSize: 16,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
        }}
      >
        公开 · 工作台
      </div>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={[selected]}
        onClick={({ key }) => navigate(key)}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
