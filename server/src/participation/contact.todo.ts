/**
 * Contacts in the staff to-do list (待办), by the same rules the use cases enforce (contact.policy.ts):
 * the disclosure office assigns or transfers what arrived and approves drafted replies it did not
 * draft; the assigned unit drafts the reply; an open
 * contact past its due date is overdue for whoever may act on it.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { CONTACT_KIND_LABELS, type ContactKind, isOverdue, type ContactStatus } from './contact.ts';
import { contactPolicy } from './contact.policy.ts';
import { contactRepository as repo } from './contact.repository.ts';
import { refOf } from './contact.service.ts';

export async function contactTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<TodoEntry[]> {
  const dir = await agencyDirectory(deps, db);
  const out: TodoEntry[] = [];
  for (const row of await repo.openOf(db, dir.ownUnits(agencyId))) {
    const ref = refOf(row);
    const entry = (group: TodoEntry['group'], action: string): TodoEntry => ({
      group,
      action,
      title: `${row.trackingNo ?? row.id} ${CONTACT_KIND_LABELS[row.kind as ContactKind] ?? ''}：${row.subject}`,
      href: `/participation/contacts/${row.id}`,
      dueOn: row.dueOn,
      overdue: isOverdue({ status: row.status as ContactStatus, dueOn: row.dueOn }, today),
    });
    const office = contactPolicy.may(actor, dir, ref, 'assign');
    const drafts = contactPolicy.may(actor, dir, ref, 'draft_reply');
    const approves = contactPolicy.may(actor, dir, ref, 'approve');
    if (entry('cases', '').overdue && (office || drafts || approves))
      out.push(entry('overdue', '留言已超过答复期限'));
    if ((row.status === 'registered' || row.status === 'transferred') && office)
      out.push(entry('cases', '待分办或转办的留言'));
    else if (row.status === 'assigned' && drafts && !office) out.push(entry('cases', '待答复的留言'));
    if (row.status === 'reviewing' && approves) out.push(entry('approvals', '待审核的留言答复'));
  }
  return out;
}
