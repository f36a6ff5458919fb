/**
 * Repeat and similar requests. R.36(6): an applicant asking again for information this agency has
 * already answered may be told it will not be processed again (重复申请, Table 三 （五）2). R.44: when
 * several applicants ask for the same information and it may be disclosed, the agency may make it
 * public proactively. Both need "is this the same information?", which for Chinese text means: compare
 * the document number or the title when both requests name one, otherwise the character-bigram
 * overlap of the descriptions (Chinese has no spaces to split words on). Pure.
 */

/** R.44: information asked for by this many distinct applicants is a proactive-publication candidate. */
export const R44_MIN_APPLICANTS = 3;
/** R.44: the look-back window, in months. */
export const R44_WINDOW_MONTHS = 12;
/** Dice coefficient of the description bigrams at or above which two descriptions ask for the same thing. */
export const DESCRIPTION_SIMILARITY = 0.6;
/** Titles are short and specific: a higher bar than descriptions. */
export const TITLE_SIMILARITY = 0.8;

export interface RequestedInfo {
  description: string;
  title?: string | null;
  docNo?: string | null;
}

export type MatchBasis = 'doc_no' | 'title' | 'description';

export interface Match {
  same: boolean;
  basis: MatchBasis;
  score: number;
}

/**
 * Full-width → half-width (NFKC), lower case, and every space, punctuation mark and symbol removed,
 * so that 〔2024〕3号 and [2024]3号, or 年度 预算 and 年度预算。 compare equal.
 */
export function normaliseText(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The set of adjacent character pairs; a one-character text is its own "bigram". */
export function bigrams(s: string): Set<string> {
  const chars = [...normaliseText(s)];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Dice coefficient 2|A∩B| / (|A|+|B|) of two bigram sets, 0..1. */
export function diceOf(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

export function similarity(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

/**
 * Whether two request items ask for the same information. A document number is decisive when both
 * give one; otherwise a title when both give one; otherwise the descriptions.
 */
export function sameInformation(a: RequestedInfo, b: RequestedInfo): Match {
  const da = normaliseText(a.docNo);
  const db = normaliseText(b.docNo);
  if (da && db) return { same: da === db, basis: 'doc_no', score: da === db ? 1 : 0 };
  const ta = normaliseText(a.title);
  const tb = normaliseText(b.title);
  if (ta && tb) {
    const score = ta === tb ? 1 : similarity(ta, tb);
    return { same: score >= TITLE_SIMILARITY, basis: 'title', score };
  }
  const score = similarity(a.description, b.description);
  return { same: score >= DESCRIPTION_SIMILARITY, basis: 'description', score };
}

/** One person or organisation: the credit code or identity number when known, else the name. */
export function applicantKey(a: {
  applicantName: string;
  idNumber?: string | null;
  creditCode?: string | null;
}): string {
  if (a.creditCode) return `c:${a.creditCode.toUpperCase()}`;
  if (a.idNumber) return `i:${a.idNumber.toUpperCase()}`;
  return `n:${normaliseText(a.applicantName)}`;
}

export interface Asked extends RequestedInfo {
  applicationId: number;
  registrationNo: string;
  applicant: string;
  submittedOn: string;
}

export interface Cluster<T extends Asked> {
  /** the first request of the group (the oldest, when the input is in order of submission) */
  lead: T;
  members: T[];
  applicants: number;
}

/**
 * Groups requests for the same information (R.44). Each request joins the first group whose lead it
 * matches; candidate groups are found through a bigram index so that a few thousand requests compare
 * only against groups sharing some wording, not against all.
 */
export function clusterRequests<T extends Asked>(asked: readonly T[]): Cluster<T>[] {
  const groups: { lead: T; members: T[]; keys: Set<string> }[] = [];
  const byDoc = new Map<string, number>();
  const byGram = new Map<string, number[]>();
  for (const r of asked) {
    const doc = normaliseText(r.docNo);
    const candidates = new Set<number>();
    if (doc && byDoc.has(doc)) candidates.add(byDoc.get(doc)!);
    const grams = new Set([...bigrams(r.description), ...bigrams(r.title ?? '')]);
    for (const g of grams) for (const gi of byGram.get(g) ?? []) candidates.add(gi);
    let found = -1;
    for (const gi of [...candidates].sort((x, y) => x - y)) {
      if (sameInformation(groups[gi]!.lead, r).same) {
        found = gi;
        break;
      }
    }
    if (found >= 0) {
      groups[found]!.members.push(r);
      groups[found]!.keys.add(r.applicant);
      continue;
    }
    const gi = groups.length;
    groups.push({ lead: r, members: [r], keys: new Set([r.applicant]) });
    if (doc && !byDoc.has(doc)) byDoc.set(doc, gi);
    for (const g of grams) {
      const list = byGram.get(g) ?? [];
      list.push(gi);
      byGram.set(g, list);
    }
  }
  return groups.map((g) => ({ lead: g.lead, members: g.members, applicants: g.keys.size }));
}

/** The first day of the R.44 window ending on `today` (YYYY-MM-DD), e.g. 2026-03-02 → 2025-03-03. */
export function windowStart(today: string, months = R44_WINDOW_MONTHS): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1 - months, d + 1);
  return new Date(t).toISOString().slice(0, 10);
}
