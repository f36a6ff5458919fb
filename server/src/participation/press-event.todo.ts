/**
 * The press events' part of the staff to-do list (待办): questions from the public waiting for
 * moderation, and events held whose transcript or summary is still to be published — only for the
 * agency's staff who may do it (press-event.policy.ts).
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { StaffActor } from '../access/actor.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { pressEventPolicy } from './press-event.policy.ts';
import { pressEventRepository as repo } from './press-event.repository.ts';

export async function pressEventTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  _today: string,
): Promise<TodoEntry[]> {
  const dir = await agencyDirectory(deps, db);
  if (!pressEventPolicy.canManage(actor, dir, agencyId)) return [];
  const live = [
    ...(await repo.list(db, { agencyIds: [agencyId], status: 'announced', limit: 100, offset: 0 })).rows,
    ...(await repo.list(db, { agencyIds: [agencyId], status: 'held', limit: 100, offset: 0 })).rows,
  ];
  if (live.length === 0) return [];
  const counts = await repo.questionCounts(
    db,
    live.map((e) => e.id),
  );
  const out: TodoEntry[] = [];
  for (const e of live) {
    const href = `/participation/press/${e.id}`;
    const pending = counts.get(e.id)?.pending ?? 0;
    if (pending > 0)
      out.push({
        group: 'reviews',
        action: `新闻发布会：${pending} 条网民问题待审核`,
        title: e.topic,
        href,
        dueOn: e.eventDate,
        overdue: false,
      });
    if (e.status === 'held')
      out.push({
        group: 'reviews',
        action: '新闻发布会：待发布文字实录',
        title: e.topic,
        href,
        dueOn: null,
        overdue: false,
      });
  }
  return out;
}
