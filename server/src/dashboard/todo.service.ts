/**
 * The staff to-do list (待办) on the 工作台: what waits for THIS user's step in the agency they are
 * working in now (the session's active agency — a user with grants in two agencies sees each list
 * in its own context). Computed from the records on every request by the modules' own rules.
 */
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { contactTodos } from '../participation/index.ts';
import { oversightTodos } from '../oversight/index.ts';
import { consultationTodos, pressEventTodos } from '../participation/index.ts';
import { publicationTodos } from '../publication/publication.todo.ts';
import { reportingTodos } from '../reporting/reporting.todo.ts';
import { serviceTodos } from '../requests/index.ts';
import { requestTodos } from '../requests/request.todo.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry, TodoGroup } from '../shared/todo.ts';

export const TODO_GROUPS: { key: TodoGroup; label: string }[] = [
  { key: 'overdue', label: '已逾期' },
  { key: 'cases', label: '待我办理的申请' },
  { key: 'approvals', label: '待我审批' },
  { key: 'reviews', label: '待我审核的信息' },
  { key: 'reports', label: '年度报告' },
  { key: 'rectifications', label: '整改任务' },
];

export interface TodoList {
  agencyId: number | null;
  total: number;
  groups: { key: TodoGroup; label: string; count: number; items: TodoEntry[] }[];
}

export async function todoList(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  activeAgencyId: number | null,
  today: string,
): Promise<TodoList> {
  const empty = TODO_GROUPS.map((g) => ({ ...g, count: 0, items: [] as TodoEntry[] }));
  if (activeAgencyId === null) return { agencyId: null, total: 0, groups: empty };
  // only the roles held in the current agency count (a platform administrator handles no cases)
  const local: StaffActor = {
    ...actor,
    isPlatformAdmin: false,
    grants: actor.grants.filter((g) => g.agencyId === activeAgencyId),
  };
  if (local.grants.length === 0) return { agencyId: activeAgencyId, total: 0, groups: empty };
  const entries = [
    ...(await requestTodos(deps, db, local, activeAgencyId, today)),
    ...(await serviceTodos(deps, db, local, activeAgencyId, today)),
    ...(await publicationTodos(deps, db, local, activeAgencyId, today)),
    ...(await reportingTodos(deps, db, local, activeAgencyId, today)),
    ...(await contactTodos(deps, db, local, activeAgencyId, today)),
    ...(await oversightTodos(deps, db, local, activeAgencyId, today)),
    ...(await consultationTodos(deps, db, local, activeAgencyId, today)),
    ...(await pressEventTodos(deps, db, local, activeAgencyId, today)),
  ];
  const groups = TODO_GROUPS.map((g) => {
    const items = entries
      .filter((e) => e.group === g.key)
      // the most urgent first: earliest due date, undated last
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
    return { ...g, count: items.length, items };
  });
  return { agencyId: activeAgencyId, total: new Set(entries.map((e) => e.href)).size, groups };
}
