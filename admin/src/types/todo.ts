export type TodoGroupKey = 'cases' | 'approvals' | 'reviews' | 'reports' | 'rectifications' | 'overdue';

export interface TodoItem {
  group: TodoGroupKey;
  action: string;
  title: string;
  /** a path inside the staff app (router basename /admin) */
  href: string;
  dueOn: string | null;
  overdue: boolean;
}

export interface TodoList {
  today: string;
  agencyId: number | null;
  total: number;
  groups: { key: TodoGroupKey; label: string; count: number; items: TodoItem[] }[];
}
