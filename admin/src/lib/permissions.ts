import type { Me } from '../types/auth';

const SYSTEM_ROLES = new Set(['agency_admin', 'disclosure_office']);

/** Whether the 系统管理 menu is shown; the server checks every request anyway. */
export function canManageSystem(me: Me): boolean {
  return me.user.isPlatformAdmin || (me.active.role !== null && SYSTEM_ROLES.has(me.active.role));
}
