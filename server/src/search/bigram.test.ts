import { describe, expect, it } from 'vitest';
import { findRanges, fts5Match, indexText, planQuery, SEGMENT_BREAK, snippet } from './bigram.ts';

describe('bigram indexing (exact recall, two-character words included)', () => {
  it('indexes overlapping bigrams with a break between segments and fields', () => {
    const t = indexText(['政务公开', 'A1，通知']);
    expect(t.bigrams.split(' ')).toEqual([
      '政务',
      '务公',
      '公开',
      SEGMENT_BREAK,
      'a1',
      SEGMENT_BREAK,
      '通知',
      SEGMENT_BREAK,
    ]);
    expect(t.normText).toBe(['政务公开', 'a1', '通知'].join(SEGMENT_BREAK));
    expect(t.unigrams.split(' ')).toContain('务');
  });
  it('plans a query: punctuation and spaces split terms, one character uses the unigram column', () => {
    const p = planQuery('公开  “指南”，县');
    expect(p.terms).toEqual(['公开', '指南', '县']);
    expect(fts5Match(p)).toBe('bi:"公开" AND bi:"指南" AND uni:"县"');
    expect(planQuery('政务公开').tokens[0]!.bigrams).toEqual(['政务', '务公', '公开']);
  });
  it('full-width letters and digits are folded (NFKC) and case-insensitive', () => {
    expect(planQuery('ＡＢＣ２０２５').terms).toEqual(['abc2025']);
  });
});

describe('highlighting', () => {
  it('finds ranges in the original text and merges overlaps', () => {
    expect(findRanges('关于政务公开的通知', ['公开', '务公'])).toEqual([[3, 6]]);
  });
  it('builds a snippet around the first hit, as parts (escaped when rendered)', () => {
    const parts = snippet(`${'甲'.repeat(100)}<b>公开</b>${'乙'.repeat(100)}`, ['公开'], 40);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.find((p) => p.hit)?.text).toBe('公开');
    expect(parts.map((p) => p.text).join('')).toContain('<b>');
  });
});
