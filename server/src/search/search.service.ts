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
import { type SearchDocument, type SearchFilters, searchRepository } from './search.repository.ts';

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
  };
}

export async function indexPublicItem(deps: Pick<Deps, 'dialect'>, tx: DbOrTx, i: IndexInput): Promise<void> {
  await searchRepository.upsert(tx, deps.dialect, searchDocumentFor(i));
}

export async function unindexItem(deps: Pick<Deps, 'dialect'>, tx: DbOrTx, itemId: number): Promise<void> {
  await searchRepository.remove(tx, deps.dialect, itemId);
}

export async function setIndexedValidity(tx: DbOrTx, itemId: number, validity: string): Promise<void> {
  await searchRepository.setValidity(tx, itemId, validity);
}

export interface SearchQuery extends SearchFilters {
  q: string;
  order?: 'relevance' | 'date';
  page?: number;
  pageSize?: number;
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
  total: number;
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
  const { total, rows } = await searchRepository.search(
    deps.db,
    deps.dialect,
    plan,
    words,
    query,
    query.order ?? 'relevance',
    pageSize,
    (page - 1) * pageSize,
  );
  return {
    q: query.q,
    terms: plan.terms,
    total,
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
