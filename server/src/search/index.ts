/** The search module's import surface. */
export { normalise, planQuery, snippet, type SnippetPart } from './bigram.ts';
export { extractKeywords } from './keywords.ts';
export { type RetentionFilter, searchRepository } from './search.repository.ts';
export {
  type IndexInput,
  indexPublicItem,
  RELEVANCE_POOL,
  SEARCH_CAP,
  type SearchHit,
  searchDocumentFor,
  searchItems,
  type SearchQuery,
  type SearchResult,
  setIndexedValidity,
  unindexItem,
} from './search.service.ts';
