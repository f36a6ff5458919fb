export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** The top-level keys whose values differ between two snapshots (a creation has no `before`, a deletion no `after`). */
export function changedKeys(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    return deepEqual(before, after) ? [] : [{ key: '（值）', before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.filter((k) => !deepEqual(b[k], a[k])).map((k) => ({ key: k, before: b[k], after: a[k] }));
}

export function formatValue(v: unknown): string {
  if (v === undefined) return '（无）';
  if (v === null) return '（空）';
  if (typeof v === 'string') return v === '' ? '（空字符串）' : v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return JSON.stringify(v, null, 2);
}
