/**
 * Bulk loading of already-published items (demo data, `gongkai generate --documents M`, migration
 * from an old site): batched inserts of items and their search documents in the caller's
 * transaction, 索引号 allocated per (agency, period) from the counter rows, one summarising audit
 * event per batch (a bulk load, not a person's state change).
 */
import { agencyRepository } from '../agencies/agency.repository.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { searchDocumentFor } from '../search/index.ts';
import { searchRepository } from '../search/search.repository.ts';
import type { Deps } from '../shared/deps.ts';
import { cacheChanged } from '../cluster/cache-bus.ts';
import { parseIndexPattern, renderIndexNumber, sequencePeriodKey } from './index-number.ts';
import { htmlToText, type Validity } from './information-item.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import { settingsFor } from './publication.service.ts';

export interface BulkItem {
  agencyId: number;
  catalogEntryId: number | null;
  title: string;
  subjectCode: string | null;
  publisher: string;
  generatedOn: string;
  publishedOn: string;
  docNo: string | null;
  validity?: Validity;
  summary?: string | null;
  keywords?: string | null;
  bodyHtml: string;
  interpretationOfId?: number | null;
  /** already checked and text-extracted files (the import from an old site); public, indexed for search */
  attachments?: BulkAttachment[];
}

export interface BulkAttachment {
  name: string;
  mime: string;
  size: number;
  sha256: string;
  contentB64: string;
  text: string;
}

interface AgencyIndexInfo {
  pattern: ReturnType<typeof parseIndexPattern>;
  official: string | null;
  code: string;
  region: string | null;
}

/** State kept across the batches of one load. */
export interface BulkCache {
  agencies: Map<number, AgencyIndexInfo>;
}
export const newBulkCache = (): BulkCache => ({ agencies: new Map() });

/** columns of one information_items row as inserted below */
const ITEM_COLUMNS = 23;
/**
 * Multi-row INSERTs as large as the bind-parameter limit allows: SQLite's is 32,766 per statement
 * (PostgreSQL's 65,535), kept under 30,000 so both dialects take the same statements.
 */
function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

/** Inserts published public items; returns their ids in order. Rows per statement stay under SQLite's variable limit. */
export async function insertPublishedBatch(
  deps: Deps,
  tx: DbOrTx,
  items: BulkItem[],
  /** `audit: false` when the caller records its own event (an import audits once per import) */
  opts: {
    audit?: boolean;
    /** SQLite bulk load: leave the FTS5 index to the caller (`searchRepository.indexFtsFrom` once at the end) */
    deferSearchIndex?: boolean;
    /** agency settings looked up once per load, not once per batch (the generator passes one across batches) */
    cache?: BulkCache;
  } = {},
): Promise<number[]> {
  const ids: number[] = [];
  const agencyInfo = opts.cache?.agencies ?? new Map<number, AgencyIndexInfo>();
  for (const a of new Set(items.map((i) => i.agencyId))) {
    if (agencyInfo.has(a)) continue;
    const s = await settingsFor(tx, a);
    const row = await agencyRepository.byId(tx, a);
    agencyInfo.set(a, {
      pattern: parseIndexPattern(s.indexPattern),
      official: row?.officialCode ?? null,
      code: row?.code ?? String(a),
      region: row?.regionCode ?? null,
    });
  }
  // reserve sequence ranges per (agency, period): one multi-row counter upsert for the whole batch
  // (a province-wide batch touches thousands of groups; one statement each would dominate the load)
  const groups = new Map<string, { agencyId: number; period: string; n: number }>();
  for (const i of items) {
    const info = agencyInfo.get(i.agencyId)!;
    const period = sequencePeriodKey(info.pattern, i.publishedOn);
    const key = `${i.agencyId}|${period}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { agencyId: i.agencyId, period, n: 1 });
  }
  const next = new Map<string, number>();
  for (const r of await repo.reserveSequences(tx, [...groups.values()]))
    next.set(`${r.agencyId}|${r.period}`, r.first);
  const now = deps.clock.now().toISOString();
  const CHUNK = rowsPerStatement(ITEM_COLUMNS);
  for (let off = 0; off < items.length; off += CHUNK) {
    const chunk = items.slice(off, off + CHUNK);
    const rows = chunk.map((i) => {
      const info = agencyInfo.get(i.agencyId)!;
      const key = `${i.agencyId}|${sequencePeriodKey(info.pattern, i.publishedOn)}`;
      const seq = next.get(key)!;
      next.set(key, seq + 1);
      const official = info.official;
      return {
        agencyId: i.agencyId,
        unitId: null,
        catalogEntryId: i.catalogEntryId,
        indexNo: renderIndexNumber(
          info.pattern,
          {
            creditCode: official && official.length === 18 ? official : null,
            orgCode: official && official.length === 18 ? official.slice(8, 17) : official,
            regionCode: info.region,
            agencyCode: info.code,
          },
          i.publishedOn,
          seq,
        ),
        title: i.title,
        subjectCode: i.subjectCode,
        publisher: i.publisher,
        generatedOn: i.generatedOn,
        publishedOn: i.publishedOn,
        publishedAt: `${i.publishedOn}T01:00:00.000Z`,
        docNo: i.docNo,
        validity: i.validity ?? 'valid',
        scope: 'public',
        channelsJson: '["website"]',
        attribute: 'proactive',
        summary: i.summary ?? null,
        keywords: i.keywords ?? null,
        bodyHtml: i.bodyHtml,
        interpretationOfId: i.interpretationOfId ?? null,
        status: 'published',
        scanJson: '[]',
        createdAt: now,
        updatedAt: now,
      };
    });
    const inserted = await tx.insertInto('informationItems').values(rows).returning('id').execute();
    const chunkIds = inserted.map((r) => Number(r.id));
    ids.push(...chunkIds);
    const files = chunk.flatMap((i, k) =>
      (i.attachments ?? []).map((a) => ({ ...a, itemId: chunkIds[k]!, publicVisible: 1, createdAt: now })),
    );
    for (const f of files) await tx.insertInto('itemAttachments').values(f).execute();
    const docs = chunk.map((i, k) =>
      searchDocumentFor({
        itemId: chunkIds[k]!,
        agencyId: i.agencyId,
        catalogEntryId: i.catalogEntryId,
        subjectCode: i.subjectCode,
        docNo: i.docNo,
        validity: i.validity ?? 'valid',
        publishedOn: i.publishedOn,
        title: i.title,
        bodyText: htmlToText(i.bodyHtml),
        keywords: (i.keywords ?? '').split(/\s+/).filter(Boolean),
        attachmentTexts: (i.attachments ?? []).map((a) => a.text),
      }),
    );
    const per = rowsPerStatement(Object.keys(docs[0]!).length);
    for (let d = 0; d < docs.length; d += per)
      await searchRepository.insertMany(tx, deps.dialect, docs.slice(d, d + per), opts.deferSearchIndex);
  }
  if (ids.length) await cacheChanged(deps, tx, 'latest');
  if (ids.length && opts.audit !== false)
    await recordAudit(tx, deps, {
      actor: SYSTEM_ACTOR,
      agencyId: null,
      entityType: 'information_item',
      entityId: `${ids[0]}-${ids.at(-1)}`,
      action: 'item.bulk_loaded',
      after: { count: ids.length, firstId: ids[0], lastId: ids.at(-1) },
    });
  return ids;
}
