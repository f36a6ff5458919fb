/**
 * The hot read of the public document page /d/:id: the item, its catalog entry, public attachments,
 * published interpretations, the policy it interprets and its replacement — public rows only
 * (PUBLIC_ITEM_SQL, the raw twin of publicOnly()). On SQLite the statements are prepared once per
 * connection and run on the raw better-sqlite3 handle (Kysely compiles and re-prepares every call,
 * several times slower than the page's own work); on PostgreSQL the same reads go through the
 * Kysely repository, in parallel on the pool.
 */
import type BetterSqlite from 'better-sqlite3';
import type { DbHandle } from '../db/create-db.ts';
import { PUBLIC_ITEM_SQL, publicationRepository as repo } from './publication.repository.ts';
import type { AttachmentRow, CatalogEntryRow, ItemRow } from './publication.table.ts';

export interface DocumentPageData {
  item: ItemRow;
  entry: CatalogEntryRow | undefined;
  /** public-visible attachments only */
  attachments: Omit<AttachmentRow, 'contentB64'>[];
  interpretations: ItemRow[];
  policy: ItemRow | undefined;
  replacement: ItemRow | undefined;
}

interface Statements {
  item: BetterSqlite.Statement;
  entry: BetterSqlite.Statement;
  attachments: BetterSqlite.Statement;
  interpretations: BetterSqlite.Statement;
}

const prepared = new WeakMap<BetterSqlite.Database, Statements>();

function statements(sqlite: BetterSqlite.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      item: sqlite.prepare(`SELECT i.* FROM information_items i WHERE i.id = ? AND ${PUBLIC_ITEM_SQL}`),
      entry: sqlite.prepare('SELECT * FROM catalog_entries WHERE id = ?'),
      attachments: sqlite.prepare(
        'SELECT id, item_id, name, mime, size, sha256, text, public_visible, created_at FROM item_attachments WHERE item_id = ? AND public_visible = 1 ORDER BY id',
      ),
      interpretations: sqlite.prepare(
        `SELECT i.* FROM information_items i WHERE i.interpretation_of_id = ? AND ${PUBLIC_ITEM_SQL}`,
      ),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

const camelNames = new Map<string, string>();
function camel(name: string): string {
  let c = camelNames.get(name);
  if (c === undefined) {
    c = name.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
    camelNames.set(name, c);
  }
  return c;
}

/** snake_case columns → the camelCase row Kysely's CamelCasePlugin would return. */
function row<T>(r: unknown): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r as Record<string, unknown>)) out[camel(k)] = v;
  return out as T;
}

export async function publicDocument(handle: DbHandle, id: number): Promise<DocumentPageData | undefined> {
  if (handle.sqlite) {
    const st = statements(handle.sqlite);
    const raw = st.item.get(id);
    if (!raw) return undefined;
    const item = row<ItemRow>(raw);
    const one = (x: number | null) => {
      const r = x ? st.item.get(x) : undefined;
      return r ? row<ItemRow>(r) : undefined;
    };
    const entry = item.catalogEntryId ? st.entry.get(item.catalogEntryId) : undefined;
    return {
      item,
      entry: entry ? row<CatalogEntryRow>(entry) : undefined,
      attachments: st.attachments.all(id).map((a) => row<Omit<AttachmentRow, 'contentB64'>>(a)),
      interpretations: st.interpretations.all(id).map((r) => row<ItemRow>(r)),
      policy: one(item.interpretationOfId),
      replacement: one(item.replacedById),
    };
  }
  const db = handle.db;
  const item = await repo.publicItem(db, id);
  if (!item) return undefined;
  const [entry, attachments, interpretations, policy, replacement] = await Promise.all([
    item.catalogEntryId ? repo.catalogEntry(db, item.catalogEntryId) : undefined,
    repo.attachments(db, id).then((as) => as.filter((a) => a.publicVisible === 1)),
    repo.publicInterpretations(db, id),
    item.interpretationOfId ? repo.publicItem(db, item.interpretationOfId) : undefined,
    item.replacedById ? repo.publicItem(db, item.replacedById) : undefined,
  ]);
  return { item, entry, attachments, interpretations, policy, replacement };
}
