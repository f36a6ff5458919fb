import { describe, expect, it } from 'vitest';
import { parseIndexPattern, renderIndexNumber, sequencePeriodKey } from './index-number.ts';

const ctx = { creditCode: '11350600003612345X', orgCode: '003612345', agencyCode: 'sfj' };

describe('索引号 patterns (各地自定索引号规则: no national rule, per-agency configuration)', () => {
  it('renders the gov.cn form {creditCode}/{yyyy}-{seq:5}, sequence restarting each year', () => {
    const p = parseIndexPattern('{creditCode}/{yyyy}-{seq:5}');
    expect(p.period).toBe('year');
    expect(renderIndexNumber(p, ctx, '2025-03-14', 42)).toBe('11350600003612345X/2025-00042');
    expect(sequencePeriodKey(p, '2025-03-14')).toBe('2025');
  });
  it('renders the 宁国 form {creditCode}/{yyyyMM}-{seq:5} with a monthly sequence', () => {
    const p = parseIndexPattern('{creditCode}/{yyyyMM}-{seq:5}');
    expect(p.period).toBe('month');
    expect(renderIndexNumber(p, ctx, '2025-04-02', 57)).toBe('11350600003612345X/202504-00057');
    expect(sequencePeriodKey(p, '2025-04-02')).toBe('202504');
  });
  it('falls back to the agency code when a field is not on file', () => {
    const p = parseIndexPattern('{orgCode}-{seq:3}');
    expect(renderIndexNumber(p, { agencyCode: 'sfj' }, '2025-01-01', 7)).toBe('sfj-007');
    expect(sequencePeriodKey(p, '2025-01-01')).toBe('*');
  });
  it('refuses a pattern without exactly one sequence or with unknown tokens', () => {
    expect(() => parseIndexPattern('{creditCode}/{yyyy}')).toThrow(/顺序号/);
    expect(() => parseIndexPattern('{seq}{seq}')).toThrow(/顺序号/);
    expect(() => parseIndexPattern('{foo}/{seq}')).toThrow(/未知/);
    expect(() => parseIndexPattern('{seq:0}')).toThrow(/位数/);
  });
});
