/**
 * The search use cases behind one interface for both databases. Only published public items are
 * ever indexed (publication.service.ts calls `indexPublicItem` in the publishing transaction and
 * `unindexItem` in the withdrawing one), so the index cannot leak what the public may not see.
 */
import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from '../shared/deps.ts';
import {
  indexText,
  normalise,
  planQuery,
  SEGMENT_BREAK,
  segments,
  snippet,
  type SnippetPart,
} from './bigram.ts';
import { queryWords } from './keywords.ts';
import {
  dialectOfDb,
  type SearchDocument,
  type SearchFilters,
  searchRepository,
} from './search.repository.ts';
import { filterTags, sortKeyOf } from './sort-key.ts';

/**
 * At most SEARCH_CAP + 1 matches are read per search (newest first, every filter applied before the
 * cap): date order pages through them, a larger total is shown as "more than SEARCH_CAP", and
 * relevance ranks the newest RELEVANCE_POOL of them — so a search costs the same whether a word
 * occurs in 50 or 900,000 items, and SQLite and PostgreSQL pick the same candidates.
 */
export const SEARCH_CAP = 1000;
export const RELEVANCE_POOL = 500;

export interface IndexInput {
  itemId: number;
  agencyId: number;
  catalogEntryId: number | null;
  subjectCode: string | null;
  docNo: string | null;
  validity: string;
  publishedOn: string;
  title: string;
  /** public body as plain text (the redacted version for a partial publication) */
  bodyText: string;
  keywords: string[];
  /** text of the attachments the public may download */
  attachmentTexts: string[];
}

export function searchDocumentFor(i: IndexInput): SearchDocument {
  const t = indexText([i.title, i.docNo ?? '', i.bodyText, ...i.attachmentTexts]);
  return {
    itemId: i.itemId,
    agencyId: i.agencyId,
    catalogEntryId: i.catalogEntryId,
    subjectCode: i.subjectCode,
    year: Number(i.publishedOn.slice(0, 4)),
    docNo: i.docNo,
    validity: i.validity,
    publishedOn: i.publishedOn,
    title: i.title,
    normTitle: segments(i.title).join(SEGMENT_BREAK),
    normText: t.normText,
    normKeywords: i.keywords.flatMap((k) => segments(k)).join(SEGMENT_BREAK),
    bodyText: i.bodyText.slice(0, 4000),
    bi: t.bigrams,
    uni: t.unigrams,
    sortKey: sortKeyOf(i.publishedOn, i.itemId),
    tags: filterTags(i),
  };
}

export async function indexPublicItem(deps: Pick<Deps, 'dialect'>, tx: DbOrTx, i: IndexInput): Promise<void> {
  await searchRepository.upsert(tx, deps.dialect, searchDocumentFor(i));
}

export async function unindexItem(deps: Pick<Deps, 'dialect'>, tx: DbOrTx, itemId: number): Promise<void> {
  await searchRepository.remove(tx, deps.dialect, itemId);
}

export async function setIndexedValidity(tx: DbOrTx, itemId: number, validity: string): Promise<void> {
  const doc = await searchRepository.get(tx, itemId);
  if (!doc || doc.validity === validity) return;
  // validity is a filter tag in the full-text index: re-index the document
  await searchRepository.upsert(tx, dialectOfDb(tx), {
    ...doc,
    validity,
    tags: filterTags({ ...doc, validity }),
  });
}

export interface SearchQuery extends SearchFilters {
  q: string;
  order?: 'relevance' | 'date';
  page?: number;
  pageSize?: number;
  /** tests only: smaller caps than SEARCH_CAP / RELEVANCE_POOL */
  caps?: { count: number; relevance: number };
}

export interface SearchHit {
  itemId: number;
  agencyId: number;
  title: string;
  titleParts: SnippetPart[];
  docNo: string | null;
  validity: string;
  publishedOn: string;
  snippet: SnippetPart[];
  score: number;
}

export interface SearchResult {
  q: string;
  terms: string[];
  /** matches found, at most SEARCH_CAP */
  total: number;
  /** more than SEARCH_CAP items match: `total` is a lower bound ("1,000+") */
  capped: boolean;
  /** relevance order: how many of the newest matches were ranked (the pages end there); null in date order */
  rankedOf: number | null;
  order: 'relevance' | 'date';
  page: number;
  pageSize: number;
  hits: SearchHit[];
}

export async function searchItems(deps: Deps, query: SearchQuery): Promise<SearchResult> {
  const plan = planQuery(query.q);
  // jieba words of the query rank items whose keywords contain them higher (never filter: recall stays exact)
  const words = plan.terms.length
    ? queryWords(query.q)
        .map((w) => normalise(w).replaceAll(' ', ''))
        .filter((w) => w.length > 1)
        .slice(0, 6)
    : [];
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const cap = query.caps?.count ?? SEARCH_CAP;
  const pool = query.caps?.relevance ?? RELEVANCE_POOL;
  const found = await searchRepository.candidates(deps.db, deps.dialect, plan, query, cap);
  const capped = found.length > cap;
  const ids = capped ? found.slice(0, cap) : found;
  const order = query.order ?? 'relevance';
  const offset = (page - 1) * pageSize;
  const byRelevance = order === 'relevance' && plan.terms.length > 0;
  // date order: the page is a slice of the candidates (already newest first); relevance: score the pool
  const rows = await searchRepository.scored(
    deps.db,
    deps.dialect,
    byRelevance ? ids.slice(0, pool) : ids.slice(offset, offset + pageSize),
    plan,
    words,
    order,
    pageSize,
    byRelevance ? offset : 0,
  );
  return {
    q: query.q,
    terms: plan.terms,
    total: ids.length,
    capped,
    rankedOf: byRelevance ? Math.min(ids.length, pool) : null,
    order,
    page,
    pageSize,
    hits: rows.map((r) => ({
      itemId: r.itemId,
      agencyId: r.agencyId,
      title: r.title,
      titleParts: snippet(r.title, plan.terms, 500),
      docNo: r.docNo,
      validity: r.validity,
      publishedOn: r.publishedOn,
      snippet: snippet(r.bodyText, plan.terms, 140),
      score: r.score,
    })),
  };
}
