/**
 * Keys that let the index answer a search in page order (pure functions, 0010_search_perf):
 * - the sort key: days since 1900-01-01 × 2^30 + item id — date order (published_on DESC, item_id
 *   DESC) as one integer; it is the FTS5 rowid on SQLite and a btree key on PostgreSQL;
 * - the filter tags: one token per filter value (agency, catalog entry, subject levels, validity),
 *   indexed in FTS5 so filters are intersected inside the index before the result cap.
 */

const ID_BITS = 2 ** 30;
const EPOCH = Date.UTC(1900, 0, 1);

function daysOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86_400_000);
}

/** The sort key of an item published on `publishedOn` (YYYY-MM-DD). */
export function sortKeyOf(publishedOn: string, itemId: number): number {
  if (!Number.isSafeInteger(itemId) || itemId < 0 || itemId >= ID_BITS)
    throw new RangeError('itemId out of range');
  return daysOf(publishedOn) * ID_BITS + itemId;
}

/** The smallest sort key of a date: items published on or after `isoDate` have keys ≥ this. */
export function sortKeyFloor(isoDate: string): number {
  return daysOf(isoDate) * ID_BITS;
}

/** The item id inside a sort key. */
export function itemIdOfSortKey(key: number): number {
  return key % ID_BITS;
}

/** A subject code as tags: every level ('16.03' → sj16, sj16x03). */
export function subjectTag(code: string): string {
  return `sj${code.replaceAll('.', 'x')}`;
}

export function filterTags(d: {
  agencyId: number;
  catalogEntryId: number | null;
  subjectCode: string | null;
  validity: string;
}): string {
  const tags = [`ag${d.agencyId}`];
  if (d.catalogEntryId !== null) tags.push(`ce${d.catalogEntryId}`);
  if (d.subjectCode) {
    const parts = d.subjectCode.split('.');
    for (let i = 1; i <= parts.length; i++) tags.push(subjectTag(parts.slice(0, i).join('.')));
  }
  tags.push(`va${d.validity}`);
  return tags.join(' ');
}
