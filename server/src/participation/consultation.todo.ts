/**
 * The consultations' part of the staff to-do list (待办): comments waiting for moderation, and
 * consultations whose period has ended and whose adoption summary is still to be published (overdue
 * after `consultationSummaryDays`) — only for the staff who may do that step (consultation.policy.ts).
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { type ConsultationStatus, summaryDueOn, summaryOverdue } from './consultation.ts';
import { consultationPolicy } from './consultation.policy.ts';
import { consultationRepository as repo } from './consultation.repository.ts';
import { periodRulesFor } from './consultation.service.ts';

export async function consultationTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<TodoEntry[]> {
  const dir = await agencyDirectory(deps, db);
  if (!consultationPolicy.canManage(actor, dir, agencyId)) return [];
  const publishes = consultationPolicy.canPublishSummary(actor, dir, agencyId);
  const { rows } = await repo.list(db, { agencyIds: [agencyId], limit: 100, offset: 0 });
  const live = rows.filter((c) => c.status === 'open' || c.status === 'closed');
  if (live.length === 0) return [];
  const counts = await repo.commentCounts(
    db,
    live.map((c) => c.id),
  );
  const rules = await periodRulesFor(deps, db, agencyId);
  const out: TodoEntry[] = [];
  for (const c of live) {
    const href = `/participation/consultations/${c.id}`;
    const pending = counts.get(c.id)?.pending ?? 0;
    if (pending > 0)
      out.push({
        group: 'reviews',
        action: `意见征集：${pending} 条意见待审核`,
        title: c.title,
        href,
        dueOn: null,
        overdue: false,
      });
    if (publishes && today > c.endsOn) {
      const overdue = summaryOverdue(
        { status: c.status as ConsultationStatus, endsOn: c.endsOn, closedOn: c.closedOn },
        rules,
        today,
      );
      out.push({
        group: overdue ? 'overdue' : 'reviews',
        action: '意见征集：待公布采纳情况',
        title: c.title,
        href,
        dueOn: summaryDueOn(c, rules),
        overdue,
      });
    }
  }
  return out;
}
