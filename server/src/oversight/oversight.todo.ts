/**
 * The oversight module's part of the staff to-do list (待办): for the owner agency's office, the
 * rectification tasks it still owes (open or returned) due within 5 working days on its calendar, and
 * the overdue ones; for a supervising office's inspectors, the rectification reports waiting for its
 * decision (验收) — by the checks of oversight.policy.ts.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { checkPointLabel } from './check-point.ts';
import { INSPECTOR_ROLES, oversightPolicy } from './oversight.policy.ts';
import { oversightRepository as repo } from './oversight.repository.ts';
import { owedRectifications } from './oversight.service.ts';
import { isOverdue } from './rectification.ts';

/** Working days ahead a task appears on the owner's list. */
export const RECTIFICATION_LEAD_DAYS = 5;

export async function oversightTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<TodoEntry[]> {
  const dir = await agencyDirectory(deps, db.isTransaction ? db : undefined);
  const out: TodoEntry[] = [];
  if (oversightPolicy.canReport(actor, dir, agencyId)) {
    let soon = today;
    try {
      soon = (await calendarFor(deps, agencyId, db.isTransaction ? db : undefined)).addWorkingDays(
        today,
        RECTIFICATION_LEAD_DAYS,
      );
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING')) throw e;
    }
    for (const e of await owedRectifications(db, [agencyId], soon, today)) {
      const overdue = isOverdue(e.rectification, today);
      out.push({
        group: overdue ? 'overdue' : 'rectifications',
        action: overdue
          ? `整改已逾期（期限 ${e.rectification.dueOn}），请提交整改报告`
          : `限期整改，应于 ${e.rectification.dueOn} 前提交整改报告`,
        title: `${e.plan.title}：${checkPointLabel(e.finding.checkPoint)}`,
        href: `/oversight/rectifications/${e.rectification.id}`,
        dueOn: e.rectification.dueOn,
        overdue,
      });
    }
  }
  // reports waiting for this supervising agency's decision
  const supervised = dir.supervisedScope(agencyId).filter((a) => a !== agencyId);
  if (supervised.length > 0 && actor.grants.some((g) => g.agencyId === agencyId)) {
    const r = await repo.rectifications(db, {
      owners: supervised,
      status: 'submitted',
      limit: 100,
      offset: 0,
    });
    const plans = new Map<number, Awaited<ReturnType<typeof repo.plan>>>();
    for (const row of r.rows) {
      if (!plans.has(row.planId)) plans.set(row.planId, await repo.plan(db, row.planId));
      const plan = plans.get(row.planId);
      if (!plan) continue;
      const ref = {
        organizerAgencyId: plan.organizerAgencyId,
        kind: plan.kind as 'self' | 'supervision' | 'special',
        agencyIds: [],
      };
      // only the tasks this agency's inspectors decide (its own inspections, or self-inspections)
      if (plan.kind !== 'self' && plan.organizerAgencyId !== agencyId) continue;
      if (!oversightPolicy.canDecide(actor, dir, ref, row.ownerAgencyId)) continue;
      out.push({
        group: 'rectifications',
        action: '整改报告待验收',
        title: `${dir.get(row.ownerAgencyId)?.name ?? ''}：${plan.title}`,
        href: `/oversight/rectifications/${row.id}`,
        dueOn: null,
        overdue: false,
      });
    }
  }
  return out;
}

/**
 * The dashboard's escalation (issue #11: overdue rectification escalates on the supervisor's
 * dashboard): in the active agency, the overdue tasks of the agencies it supervises — when the actor
 * inspects for it — and the agency's own overdue tasks — when the actor reports for it.
 */
export async function overdueWarnings(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<{ level: 'error'; code: string; message: string }[]> {
  const dir = await agencyDirectory(deps);
  const out: { level: 'error'; code: string; message: string }[] = [];
  const inspects = actor.grants.some((g) => g.agencyId === agencyId && INSPECTOR_ROLES.includes(g.role));
  const supervised = inspects ? dir.supervisedScope(agencyId).filter((a) => a !== agencyId) : [];
  if (supervised.length > 0) {
    const r = await repo.rectifications(db, {
      owners: supervised,
      overdueBefore: today,
      limit: 500,
      offset: 0,
    });
    if (r.total > 0) {
      const counts = new Map<number, number>();
      for (const row of r.rows) counts.set(row.ownerAgencyId, (counts.get(row.ownerAgencyId) ?? 0) + 1);
      out.push({
        level: 'error',
        code: 'RECTIFICATION_OVERDUE_SUPERVISED',
        message: `所监督的机关有 ${r.total} 项整改逾期未完成：${[...counts].map(([id, n]) => `${dir.get(id)?.name ?? id} ${n} 项`).join('、')}。请在“监督检查 → 整改任务 → 逾期未整改”中督促。`,
      });
    }
  }
  if (oversightPolicy.canReport(actor, dir, agencyId)) {
    const r = await repo.rectifications(db, {
      owners: [agencyId],
      overdueBefore: today,
      limit: 1,
      offset: 0,
    });
    if (r.total > 0)
      out.push({
        level: 'error',
        code: 'RECTIFICATION_OVERDUE',
        message: `${dir.get(agencyId)?.name ?? ''}有 ${r.total} 项监督检查整改任务已超过整改期限，请尽快整改并提交整改报告。`,
      });
  }
  return out;
}
