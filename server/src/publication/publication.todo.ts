/**
 * The publication module's part of the staff to-do list (待办): items waiting for the user's step of
 * the review pipeline (docs/product.md §2.3, 先审查、后公开): the leader in charge (step 2), the
 * confidentiality review office (step 3) and the role of the current step of the agency's approval
 * chain — the same checks as publication.service.ts, so nothing is listed the user could not do.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { isRole, ROLE_LABELS } from '../access/roles.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { publicationPolicy } from './publication.policy.ts';
import { publicationRepository as repo } from './publication.repository.ts';

export async function publicationTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<TodoEntry[]> {
  const dir = await agencyDirectory(deps, db);
  const { rows } = await repo.itemsForStaff(db, {
    agencyIds: [agencyId],
    statuses: ['leader_review', 'office_review', 'approval'],
    limit: 500,
    offset: 0,
  });
  const out: TodoEntry[] = [];
  for (const item of rows) {
    let action: string | null = null;
    if (item.status === 'leader_review' && publicationPolicy.canLeaderReview(actor, dir, item.agencyId))
      action = '保密审查：待分管领导审核';
    if (item.status === 'office_review' && publicationPolicy.canOfficeReview(actor, dir, item.agencyId))
      action = '保密审查：待保密审查办公室审查';
    if (item.status === 'approval') {
      const chain = (JSON.parse(item.approvalChainJson ?? '["leader"]') as string[]).filter(isRole);
      const role = chain[item.approvalStep] ?? 'leader';
      if (publicationPolicy.canApproveAs(actor, dir, item.agencyId, role))
        action = `待审议审批（${ROLE_LABELS[role]}）`;
    }
    if (action)
      out.push({
        group: 'reviews',
        action,
        title: item.title,
        href: `/proactive/${item.id}`,
        dueOn: item.publishDueOn,
        overdue: item.publishDueOn !== null && item.publishDueOn < today,
      });
  }
  return out;
}
