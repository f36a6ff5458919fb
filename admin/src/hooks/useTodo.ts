import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import type { TodoList } from '../types/todo';
import { useApiData } from './useApiData';

/**
 * My to-do list (待办) in the active agency; loaded again on every navigation, so the counts follow
 * the steps the user has just taken.
 */
export function useTodo() {
  const { pathname } = useLocation();
  const result = useApiData<TodoList>('/admin/todo');
  const { reload } = result;
  // a new page is the reload trigger (the first page is the initial load itself)
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (shown.current !== null && shown.current !== pathname) reload();
    shown.current = pathname;
  }, [pathname, reload]);
  return result;
}

/** How many distinct to-do entries open a page under `modulePath` (e.g. requests → /requests/12). */
export function todoCountUnder(todo: TodoList | undefined, modulePath: string): number {
  if (!todo) return 0;
  const prefix = `/${modulePath}`;
  const hrefs = new Set(
    todo.groups
      .flatMap((g) => g.items)
      .map((i) => i.href)
      .filter((h) => h === prefix || h.startsWith(`${prefix}/`) || h.startsWith(`${prefix}?`)),
  );
  return hrefs.size;
}
