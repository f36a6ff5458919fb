import { lazy } from 'react';
import { Outlet } from 'react-router-dom';
import { useMe } from '../auth/useAuth';
import { canManageSystem } from '../lib/permissions';

const ForbiddenPage = lazy(() => import('../pages/ForbiddenPage'));

/** Guards the 系统管理 routes (rendered inside the layout's Suspense). */
export function RequireSystemAccess() {
  const me = useMe();
  return canManageSystem(me) ? <Outlet /> : <ForbiddenPage />;
}
