/**
 * Who a case can be assigned to (受理并分办): the agency's internal units (内设机构) with the staff who
 * handle cases there — its 拟稿人/承办人 and 科室负责人 (request.policy.ts, inAssignedUnit) — and the
 * disclosure office's own staff for a case it handles itself; with the reply due date, so the office
 * sees what the unit is given (《政府信息公开条例》第三十三条).
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { ROLE_LABELS, type Role } from '../access/roles.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { presentClock } from './request.presenter.ts';
import { requestRepository as repo } from './request.repository.ts';
import * as svc from './request.service.ts';

/** The roles that make a unit's staff handlers of a case assigned to the unit (request.policy.ts). */
const UNIT_HANDLER_ROLES: readonly Role[] = ['drafter', 'unit_head'];
const OFFICE_ROLES: readonly Role[] = ['disclosure_office'];

export interface Assignee {
  userId: number;
  name: string;
  roles: string[];
}

function group(rows: { userId: number; displayName: string; role: string }[]): Assignee[] {
  const byUser = new Map<number, Assignee>();
  for (const r of rows) {
    const a = byUser.get(r.userId) ?? { userId: r.userId, name: r.displayName, roles: [] };
    const label = ROLE_LABELS[r.role as Role] ?? r.role;
    if (!a.roles.includes(label)) a.roles.push(label);
    byUser.set(r.userId, a);
  }
  return [...byUser.values()];
}

export async function assigneesOf(deps: Deps, db: DbOrTx, ctx: svc.Ctx, id: number) {
  const l = await svc.loadCase(deps, db, id);
  // only the disclosure office assigns (request.service.ts acceptAndAssign), so only it sees the list
  await svc.authorizeCase(deps, db, ctx, l.app, 'manage');
  const dir = await agencyDirectory(deps, db);
  const units = dir
    .subtree(l.app.agencyId)
    .map((uid) => dir.get(uid))
    .filter((a) => a?.kind === 'unit' && a.parentId === l.app.agencyId)
    .map((a) => ({ id: a!.id, name: a!.name }));
  const unitIds = units.map((u) => u.id);
  const rows = await repo.roleHoldersOf(db, l.app.agencyId, unitIds, [
    ...UNIT_HANDLER_ROLES,
    ...OFFICE_ROLES,
  ]);
  const inUnit = (unitId: number) =>
    rows.filter(
      (r) =>
        UNIT_HANDLER_ROLES.includes(r.role as Role) &&
        (r.agencyId === unitId || (r.agencyId === l.app.agencyId && r.unitId === unitId)),
    );
  // the office's staff, whichever 科室 they sit in (the demo's sit in 办公室)
  const office = rows.filter((r) => OFFICE_ROLES.includes(r.role as Role) && r.agencyId === l.app.agencyId);
  const deadlines = await repo.deadlines(db, id);
  const reply = [...deadlines]
    .reverse()
    .find((d) => d.kind === 'reply' && (d.state === 'open' || d.state === 'paused'));
  const clock = presentClock(l.app, reply, l.cal, chinaDate(deps.clock.now()));
  return {
    dueOn: clock.dueOn,
    leftText: clock.leftText,
    unitId: l.app.unitId,
    handlerUserId: l.app.handlerUserId,
    units: units.map((u) => ({ ...u, handlers: group(inUnit(u.id)) })),
    office: { handlers: group(office) },
  };
}
