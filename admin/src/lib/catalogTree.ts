import type { CatalogEntry } from '../types/publication';

export interface CatalogTreeNode {
  value: number;
  title: string;
  code: string;
  children: CatalogTreeNode[];
}

/** The catalog's flat entries as a tree (TreeSelect data), leaving out `excludeId` and its subtree. */
export function catalogTreeData(entries: CatalogEntry[], excludeId?: number): CatalogTreeNode[] {
  const build = (parentId: number | null): CatalogTreeNode[] =>
    entries
      .filter((e) => e.parentId === parentId && e.id !== excludeId)
      .map((e) => ({ value: e.id, title: e.name, code: e.code, children: build(e.id) }));
  return build(null);
}

/** A search text matches a catalog node by its name or code (case-insensitive, spaces ignored). */
export function matchesCatalogSearch(input: string, node: { title?: unknown; code?: unknown }): boolean {
  const q = input.replace(/\s+/g, '').toLowerCase();
  if (!q) return true;
  return [node.title, node.code].some((v) => typeof v === 'string' && v.toLowerCase().includes(q));
}

/**
 * The entries whose name or code matches `q`, with their ancestors (so a match is shown in its place
 * in the tree); all entries for an empty search.
 */
export function filterCatalog<T extends { id: number; parentId: number | null; name: string; code: string }>(
  entries: T[],
  q: string,
): T[] {
  if (!q.trim()) return entries;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const keep = new Set<number>();
  for (const e of entries) {
    if (!matchesCatalogSearch(q, { title: e.name, code: e.code })) continue;
    let cur: T | undefined = e;
    while (cur && !keep.has(cur.id)) {
      keep.add(cur.id);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
  }
  return entries.filter((e) => keep.has(e.id));
}
