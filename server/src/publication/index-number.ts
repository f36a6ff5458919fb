/**
 * 索引号 (index number) patterns. There is no national rule (各地自定索引号规则; R.12 only requires
 * an "索引"): each agency configures an ordered pattern such as `{creditCode}/{yyyy}-{seq:5}` (the
 * gov.cn form) or `{creditCode}/{yyyyMM}-{seq:5}` (安徽宁国). The sequence restarts in each period
 * the pattern names (year, month or day) and is unique per agency; allocation happens in the
 * publishing transaction (publication.repository.ts `nextSequence`).
 */

export const INDEX_NUMBER_TOKENS = {
  creditCode: '统一社会信用代码（18位）',
  orgCode: '组织机构代码（9位）',
  regionCode: '行政区划代码',
  agencyCode: '机关简码',
  category: '目录分类代码',
  yyyy: '年（4位）',
  yyyyMM: '年月（6位）',
  yyyyMMdd: '年月日（8位）',
  seq: '顺序号，{seq:5} 表示补零到5位',
} as const;

export const DEFAULT_INDEX_PATTERN = '{creditCode}/{yyyy}-{seq:5}';

export type IndexPart =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; name: 'creditCode' | 'orgCode' | 'regionCode' | 'agencyCode' | 'category' }
  | { kind: 'date'; format: 'yyyy' | 'yyyyMM' | 'yyyyMMdd' }
  | { kind: 'seq'; width: number };

export interface ParsedPattern {
  parts: IndexPart[];
  /** the period in which the sequence restarts */
  period: 'year' | 'month' | 'day' | 'none';
}

export class IndexPatternError extends Error {}

/** Parses and validates a pattern: exactly one {seq[:width]}, only known tokens, literals without braces. */
export function parseIndexPattern(pattern: string): ParsedPattern {
  const parts: IndexPart[] = [];
  const re = /\{([A-Za-z]+)(?::(\d+))?\}/g;
  let last = 0;
  let seqs = 0;
  let period: ParsedPattern['period'] = 'none';
  for (const m of pattern.matchAll(re)) {
    if (m.index > last) parts.push({ kind: 'literal', text: pattern.slice(last, m.index) });
    last = m.index + m[0].length;
    const name = m[1]!;
    if (name === 'seq') {
      const width = m[2] ? Number(m[2]) : 5;
      if (width < 1 || width > 12) throw new IndexPatternError('顺序号位数应在1到12之间');
      parts.push({ kind: 'seq', width });
      seqs++;
    } else if (name === 'yyyy' || name === 'yyyyMM' || name === 'yyyyMMdd') {
      parts.push({ kind: 'date', format: name });
      const p = name === 'yyyy' ? 'year' : name === 'yyyyMM' ? 'month' : 'day';
      const rank = { none: 0, year: 1, month: 2, day: 3 } as const;
      if (rank[p] > rank[period]) period = p;
    } else if (
      name === 'creditCode' ||
      name === 'orgCode' ||
      name === 'regionCode' ||
      name === 'agencyCode' ||
      name === 'category'
    ) {
      parts.push({ kind: 'field', name });
    } else {
      throw new IndexPatternError(`未知的占位符 {${name}}`);
    }
  }
  if (last < pattern.length) parts.push({ kind: 'literal', text: pattern.slice(last) });
  for (const p of parts)
    if (p.kind === 'literal' && /[{}]/.test(p.text)) throw new IndexPatternError('花括号只能用于占位符');
  if (seqs !== 1) throw new IndexPatternError('索引号规则必须包含且只包含一个顺序号 {seq}');
  return { parts, period };
}

/** The key of the sequence counter for `date` (YYYY-MM-DD): '2025', '202503', '20250314' or '*'. */
export function sequencePeriodKey(p: ParsedPattern, date: string): string {
  const compact = date.replaceAll('-', '');
  switch (p.period) {
    case 'year':
      return compact.slice(0, 4);
    case 'month':
      return compact.slice(0, 6);
    case 'day':
      return compact;
    case 'none':
      return '*';
  }
}

export interface IndexContext {
  creditCode?: string | null;
  orgCode?: string | null;
  regionCode?: string | null;
  agencyCode: string;
  category?: string | null;
}

/** Renders the number; a missing field (e.g. no credit code on file) falls back to the agency's code. */
export function renderIndexNumber(p: ParsedPattern, ctx: IndexContext, date: string, seq: number): string {
  const compact = date.replaceAll('-', '');
  return p.parts
    .map((part) => {
      switch (part.kind) {
        case 'literal':
          return part.text;
        case 'seq':
          return String(seq).padStart(part.width, '0');
        case 'date':
          return compact.slice(0, part.format.length);
        default:
          return (part.name === 'category' ? ctx.category : ctx[part.name]) || ctx.agencyCode;
      }
    })
    .join('');
}
