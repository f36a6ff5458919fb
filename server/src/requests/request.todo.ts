/**
 * The requests module's part of the staff to-do list (待办): applications whose next step is the
 * user's — by the same rules the use cases enforce (request.policy.ts), so nothing is listed that
 * the user could not do:
 * - the disclosure office confirms receipt, accepts and assigns (R.30), and sends the reply once
 *   every approval step is done;
 * - the assigned handler or unit (or the office, when nobody is assigned) decides the items;
 * - the role of the current approval step approves the reply (request.service.ts `approve`);
 * - an extension (R.33 ¶2) is approved by the office's head, never by the one who asked for it;
 * - a running reply period past its due date is overdue for the office and the case's handlers.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { ROLE_LABELS } from '../access/roles.ts';
import { requestPolicy } from './request.policy.ts';
import { requestRepository as repo } from './request.repository.ts';
import { approvalChain } from './request.service.ts';

const RUNNING = new Set(['registered', 'in_progress', 'awaiting_approval']);

export async function requestTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<TodoEntry[]> {
  const dir = await agencyDirectory(deps, db);
  const out: TodoEntry[] = [];
  for (const app of await repo.todoRows(db, agencyId)) {
    const office = requestPolicy.canManage(actor, dir, app);
    const mine =
      app.handlerUserId === actor.userId ||
      (app.unitId !== null &&
        actor.grants.some(
          (g) =>
            (g.role === 'drafter' || g.role === 'unit_head') &&
            (g.agencyId === app.unitId || g.unitId === app.unitId),
        ));
    const entry = (group: TodoEntry['group'], action: string): TodoEntry => ({
      group,
      action,
      title: `${app.registrationNo} ${app.applicantName}`,
      href: `/requests/${app.id}`,
      dueOn: app.dueOn,
      overdue: app.dueOn !== null && app.dueOn < today && RUNNING.has(app.status),
    });
    if (RUNNING.has(app.status) && app.dueOn !== null && app.dueOn < today && (office || mine))
      out.push(entry('overdue', '已超过答复期限（条例第三十三条）'));
    if (app.status === 'unconfirmed' && office) out.push(entry('cases', '待确认收到'));
    if (app.status === 'registered' && office) out.push(entry('cases', '待受理分办'));
    if (
      app.status === 'in_progress' &&
      (mine || (office && app.unitId === null && app.handlerUserId === null))
    )
      out.push(entry('cases', '待拟办答复意见'));
    if (app.status === 'awaiting_approval') {
      const chain = await approvalChain(deps, db, app);
      const rows = (await repo.approvals(db, app.id)).filter((a) => a.subject === 'reply');
      const round = rows.slice(rows.map((r) => r.decision).lastIndexOf('submitted') + 1);
      const done = round.filter((r) => r.decision === 'approved');
      const role = chain[done.length];
      if (!role) {
        if (office) out.push(entry('cases', '审批已完成，待发出答复'));
      } else if (
        requestPolicy.canApproveStep(actor, dir, app, role) &&
        !done.some((r) => r.userId === actor.userId)
      )
        out.push(entry('approvals', `待审批答复（第 ${done.length + 1} 步：${ROLE_LABELS[role]}）`));
    }
    if (app.extensionRequestedDays && requestPolicy.canApproveExtension(actor, dir, app)) {
      const asked = (await repo.approvals(db, app.id)).filter(
        (a) => a.subject === 'extension' && a.decision === 'requested',
      );
      if (asked.at(-1)?.userId !== actor.userId)
        out.push(entry('approvals', `待审批延期 ${app.extensionRequestedDays} 个工作日（条例第三十三条）`));
    }
  }
  return out;
}
