import { DashboardOutlined } from '@ant-design/icons';
import { Badge, Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/useAuth';
import { todoCountUnder, useTodo } from '../../hooks/useTodo';
import { BUSINESS_MODULES, type ModuleInfo, SYSTEM_MODULES, systemModulesFor } from '../../lib/modules';
import { canManageSystem } from '../../lib/permissions';

type MenuItem = Required<MenuProps>['items'][number];

/** A menu label with the number of to-do entries behind it (待办角标). */
function withCount(label: string, count: number) {
  if (count === 0) return label;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {label}
      <Badge count={count} size="small" aria-label={`${count} 项待办`} />
    </span>
  );
}

/** `onNavigate`: called after a choice (a phone folds the menu away). */
export function SideMenu({ onNavigate }: { onNavigate?: () => void } = {}) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: todo } = useTodo();
  const toItem = (m: ModuleInfo): MenuItem => ({
    key: `/${m.path}`,
    icon: m.icon,
    label: withCount(m.title, todoCountUnder(todo, m.path)),
  });

  const items: MenuItem[] = [
    { key: '/', icon: <DashboardOutlined />, label: withCount('工作台', todo?.total ?? 0) },
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
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
