/**
 * Exact-recall Chinese search without a dictionary: every text is normalised (NFKC, lower case,
 * only letters and digits kept, other characters break the text into segments) and indexed as
 * overlapping two-character tokens (bigrams) plus single characters. A query segment of two or more
 * characters is matched as the consecutive phrase of its bigrams, so every item containing the
 * string is found — two-character words included, which trigram indexes (pg_trgm) miss. A final
 * substring check on the normalised text makes SQLite (FTS5 phrase) and PostgreSQL (GIN array
 * containment) return exactly the same set. Pure functions.
 */

/** Separates fields and segments inside the normalised text so a phrase never spans two of them. */
export const SEGMENT_BREAK = '\u01c2';

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replaceAll(SEGMENT_BREAK, ' ');
}

/** The normalised segments (runs of letters and digits). */
export function segments(text: string): string[] {
  return normalise(text)
    .split(' ')
    .filter((s) => s.length > 0);
}

function chars(s: string): string[] {
  return Array.from(s);
}

export interface IndexedText {
  /** segments joined by SEGMENT_BREAK — searched by substring for the exact check */
  normText: string;
  /** overlapping bigrams in order, a break token between segments (FTS5 phrase positions) */
  bigrams: string;
  /** distinct single characters (one-character queries) */
  unigrams: string;
}

/** Builds the index columns of one item from its public fields (title, body text, attachment text). */
export function indexText(fields: string[]): IndexedText {
  const segs = fields.flatMap((f) => segments(f));
  const bi: string[] = [];
  const uni = new Set<string>();
  for (const s of segs) {
    const c = chars(s);
    for (const ch of c) uni.add(ch);
    for (let i = 0; i + 1 < c.length; i++) bi.push(c[i]! + c[i + 1]!);
    bi.push(SEGMENT_BREAK);
  }
  return { normText: segs.join(SEGMENT_BREAK), bigrams: bi.join(' '), unigrams: [...uni].join(' ') };
}

export interface QueryPlan {
  /** the normalised query segments; every one must occur in the item (AND) */
  terms: string[];
  /** per term: its bigrams (length ≥ 2) or its single character */
  tokens: { term: string; bigrams: string[]; unigram: string | null }[];
}

/** Splits a query into terms; at most 8 terms of at most 50 characters each. */
export function planQuery(q: string): QueryPlan {
  const terms = [...new Set(segments(q))]
    .filter((t) => t.length > 0)
    .slice(0, 8)
    .map((t) => chars(t).slice(0, 50).join(''));
  return {
    terms,
    tokens: terms.map((term) => {
      const c = chars(term);
      if (c.length === 1) return { term, bigrams: [], unigram: c[0]! };
      const bigrams: string[] = [];
      for (let i = 0; i + 1 < c.length; i++) bigrams.push(c[i]! + c[i + 1]!);
      return { term, bigrams, unigram: null };
    }),
  };
}

/** The FTS5 MATCH expression: bigram phrases on column `bi`, single characters on column `uni`, ANDed. */
export function fts5Match(plan: QueryPlan): string {
  return plan.tokens
    .map((t) => (t.unigram !== null ? `uni:"${t.unigram}"` : `bi:"${t.bigrams.join(' ')}"`))
    .join(' AND ');
}

/**
 * Finds the ranges of `terms` in `text` (original, not normalised), case-insensitively after NFKC,
 * for highlighting. Returns merged [start, end) ranges in UTF-16 offsets.
 */
export function findRanges(text: string, terms: string[]): [number, number][] {
  // map each char of the normalised-per-char text back to its offset
  const norm: string[] = [];
  const offs: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    norm.push(/^[\p{L}\p{N}]+$/u.test(n) ? n : ' ');
    offs.push(i);
    i += ch.length;
  }
  offs.push(i);
  const hay = norm.join('');
  const ranges: [number, number][] = [];
  // index in `hay` → index in `norm`: hay chars may be longer than one code unit; rebuild positions
  const starts: number[] = [];
  let p = 0;
  for (const n of norm) {
    starts.push(p);
    p += n.length;
  }
  const posToIdx = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const t of terms) {
    if (!t) continue;
    let from = 0;
    for (;;) {
      const at = hay.indexOf(t, from);
      if (at < 0) break;
      const a = posToIdx(at);
      const b = posToIdx(at + t.length - 1) + 1;
      ranges.push([offs[a]!, offs[b]!]);
      from = at + t.length;
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** A snippet of about `width` characters around the first hit, as parts for escaped rendering. */
export function snippet(text: string, terms: string[], width = 120): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = findRanges(flat, terms);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  let pos = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s > pos) parts.push({ text: flat.slice(pos, s), hit: false });
    parts.push({ text: flat.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < end) parts.push({ text: flat.slice(pos, end), hit: false });
  if (end < flat.length) parts.push({ text: '…', hit: false });
  return parts;
}
