/**
 * One entry of a staff member's to-do list (待办, dashboard/todo.service.ts): something waiting for
 * THIS user's step, with the staff-app path that opens it. Each module computes its own entries.
 */
export type TodoGroup = 'cases' | 'approvals' | 'reviews' | 'reports' | 'rectifications' | 'overdue';

export interface TodoEntry {
  group: TodoGroup;
  /** what is waiting, in words (e.g. 待受理分办) */
  action: string;
  title: string;
  /** path inside the staff app, e.g. /requests/12 */
  href: string;
  dueOn: string | null;
  overdue: boolean;
}
