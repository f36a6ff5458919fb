import { describe, expect, it } from 'vitest';
import { filterTags, itemIdOfSortKey, sortKeyFloor, sortKeyOf } from './sort-key.ts';

describe('sort key: date order as one integer (the FTS5 rowid)', () => {
  it('orders like (published_on, item_id) and gives the item id back', () => {
    const rows = [
      { on: '2026-01-15', id: 4 },
      { on: '2025-03-10', id: 900_000 },
      { on: '2025-03-10', id: 7 },
      { on: '1999-12-31', id: 1 },
      { on: '2026-01-15', id: 3 },
    ];
    const byKey = [...rows].sort((a, b) => sortKeyOf(b.on, b.id) - sortKeyOf(a.on, a.id));
    const byFields = [...rows].sort((a, b) => (a.on === b.on ? b.id - a.id : a.on < b.on ? 1 : -1));
    expect(byKey).toEqual(byFields);
    for (const r of rows) expect(itemIdOfSortKey(sortKeyOf(r.on, r.id))).toBe(r.id);
    expect(Number.isSafeInteger(sortKeyOf('9999-12-31', 2 ** 30 - 1))).toBe(true);
  });

  it('a date floor bounds the keys of that date and later (year ranges, retention)', () => {
    expect(sortKeyOf('2025-01-01', 1)).toBeGreaterThanOrEqual(sortKeyFloor('2025-01-01'));
    expect(sortKeyOf('2024-12-31', 2 ** 30 - 1)).toBeLessThan(sortKeyFloor('2025-01-01'));
  });

  it('refuses item ids that do not fit', () => {
    expect(() => sortKeyOf('2025-01-01', 2 ** 30)).toThrow(RangeError);
  });
});

describe('filter tags', () => {
  it('agency, catalog entry, every subject level, validity', () => {
    expect(filterTags({ agencyId: 12, catalogEntryId: 5, subjectCode: '16.03', validity: 'valid' })).toBe(
      'ag12 ce5 sj16 sj16x03 vavalid',
    );
    expect(filterTags({ agencyId: 1, catalogEntryId: null, subjectCode: null, validity: 'abolished' })).toBe(
      'ag1 vaabolished',
    );
  });
});
