/**
 * R.26 (20 working days to publish, counted from generation or change): the due date is a stored
 * deadline (calendar module) and a copy on the item (information_items.publish_due_on) that the
 * queues, due-soon and overdue lists read. A calendar change recomputes the deadlines
 * (calendar.service recomputeDeadlines); this brings the items' copies in line in the same
 * transaction, each move audited on the item.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { publicationRepository as repo } from './publication.repository.ts';

/** The subject type and kind of an item's publication deadline (publication.service.ts). */
export const ITEM_ENTITY = 'information_item';
export const PUBLICATION_DEADLINE_KIND = 'publication';

/**
 * After a calendar change on `date` (national when agencyId is null, else local to that agency's
 * subtree): every item whose stored publishDueOn differs from its open publication deadline takes
 * the deadline's date. Returns the number of items moved.
 */
export async function refreshPublishDueDates(
  deps: Deps,
  tx: DbOrTx,
  ctx: { actor: StaffActor | null; ip?: string | null },
  date: string,
  agencyId: number | null,
): Promise<number> {
  const scope = agencyId === null ? 'all' : (await agencyDirectory(deps, tx)).subtree(agencyId);
  const stale = await repo.staleItemPublishDue(tx, scope, ITEM_ENTITY, PUBLICATION_DEADLINE_KIND);
  const cause = `工作日历变更：${date}`;
  for (const s of stale) {
    await repo.setPublishDueOn(tx, s.id, s.dueDate);
    await recordAudit(tx, deps, {
      actor: ctx.actor ? actorRef(ctx.actor) : SYSTEM_ACTOR,
      agencyId: s.agencyId,
      entityType: ITEM_ENTITY,
      entityId: s.id,
      action: 'item.publish_due_recomputed',
      before: { publishDueOn: s.publishDueOn },
      after: { publishDueOn: s.dueDate, cause },
      ip: ctx.ip ?? null,
    });
  }
  return stale.length;
}
