/** Pure rules of inspections and rectification: scope, transitions, deadlines, overdue, evidence, catalog. */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-days.ts';
import { CHECK_POINTS, checkPoint } from './check-point.ts';
import { halfYearOf, nextPlanStatus, type PlanDraft, scopeProblems } from './inspection.ts';
import { attributesLabel } from './oversight.presenter.ts';
import {
  isDueSoon,
  isEvidenceUrl,
  isOverdue,
  nextRectificationStatus,
  rectificationDue,
  statusLabel,
} from './rectification.ts';

const draft = (p: Partial<PlanDraft>): PlanDraft => ({
  kind: 'supervision',
  organizerAgencyId: 1,
  title: '2026年度政务公开工作督查',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  regular: true,
  mutual: false,
  sampling: false,
  agencyIds: [2, 3],
  ...p,
});

describe('inspection scope', () => {
  const supervised = new Set([2, 3]);
  it('a supervision covers only agencies the organizer supervises, never itself', () => {
    expect(scopeProblems(draft({}), supervised)).toEqual([]);
    expect(scopeProblems(draft({ agencyIds: [2, 4] }), supervised).map((p) => p.message)).toEqual([
      '只能检查本机关监督的机关',
    ]);
    expect(scopeProblems(draft({ agencyIds: [1, 2] }), supervised)[0]?.field).toBe('agencyIds');
    expect(scopeProblems(draft({ kind: 'special', agencyIds: [3] }), supervised)).toEqual([]);
  });
  it('a self-inspection covers the organizer alone and is not mutual', () => {
    expect(scopeProblems(draft({ kind: 'self', agencyIds: [1] }), supervised)).toEqual([]);
    expect(scopeProblems(draft({ kind: 'self', agencyIds: [2] }), supervised)[0]?.message).toBe(
      '自查的范围只能是本机关',
    );
    expect(
      scopeProblems(draft({ kind: 'self', agencyIds: [1], mutual: true }), supervised).map((p) => p.field),
    ).toEqual(['mutual']);
  });
  it('the period ends after it starts, and the scope is not empty', () => {
    const ps = scopeProblems(draft({ periodEnd: '2025-12-31', agencyIds: [] }), supervised);
    expect(ps.map((p) => p.field)).toEqual(['periodEnd', 'agencyIds']);
  });
  it('half years (art. 7: self-inspection every half year)', () => {
    expect(halfYearOf('2026-06-30')).toBe('2026年上半年');
    expect(halfYearOf('2026-07-01')).toBe('2026年下半年');
  });
  it('attributes in words', () => {
    expect(attributesLabel({ kind: 'supervision', regular: true, mutual: false, sampling: true })).toBe(
      '定期检查 · 督查 · 抽查',
    );
    expect(attributesLabel({ kind: 'self', regular: false, mutual: false, sampling: false })).toBe(
      '不定期检查 · 自查 · 普查',
    );
  });
});

describe('transitions', () => {
  it('plan: open → concluded → published, concluded → open; nothing after publication', () => {
    expect(nextPlanStatus('open', 'conclude')).toBe('concluded');
    expect(nextPlanStatus('open', 'publish')).toBeNull();
    expect(nextPlanStatus('concluded', 'reopen')).toBe('open');
    expect(nextPlanStatus('concluded', 'publish')).toBe('published');
    expect(nextPlanStatus('published', 'reopen')).toBeNull();
  });
  it('rectification: open → submitted → accepted | returned → submitted …', () => {
    expect(nextRectificationStatus('open', 'submit')).toBe('submitted');
    expect(nextRectificationStatus('open', 'accept')).toBeNull();
    expect(nextRectificationStatus('submitted', 'accept')).toBe('accepted');
    expect(nextRectificationStatus('submitted', 'return')).toBe('returned');
    expect(nextRectificationStatus('submitted', 'submit')).toBeNull();
    expect(nextRectificationStatus('returned', 'submit')).toBe('submitted');
    expect(nextRectificationStatus('accepted', 'submit')).toBeNull();
    expect(nextRectificationStatus('accepted', 'return')).toBeNull();
  });
});

describe('deadlines and overdue', () => {
  // a National Day like 2026's: 10-01 … 10-08 off, 09-27 (Sunday) and 10-10 (Saturday) worked
  const cal = new WorkingCalendar(new Set([2026]), [
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({
      date: `2026-10-${d}`,
      kind: 'holiday' as const,
      name: '国庆节',
      agencyId: null,
    })),
    { date: '2026-09-27', kind: 'workday' as const, name: '调休', agencyId: null },
    { date: '2026-10-10', kind: 'workday' as const, name: '调休', agencyId: null },
  ]);
  it('counts working days from the day after the order (Civil Code art. 201), across the holiday', () => {
    // 09-27 (Sunday, worked), 09-28, 09-29, 09-30, then 10-09 after the holiday
    expect(rectificationDue(cal, '2026-09-25', 5)).toBe('2026-10-09');
    expect(rectificationDue(cal, '2026-09-30', 2)).toBe('2026-10-10');
  });
  it('a year without calendar data is refused', () => {
    expect(() => rectificationDue(cal, '2027-03-01', 5)).toThrow(/2027/);
  });
  it('overdue only while the agency owes the report', () => {
    const t = { dueOn: '2026-10-09' };
    expect(isOverdue({ ...t, status: 'open' }, '2026-10-09')).toBe(false);
    expect(isOverdue({ ...t, status: 'open' }, '2026-10-10')).toBe(true);
    expect(isOverdue({ ...t, status: 'returned' }, '2026-10-10')).toBe(true);
    expect(isOverdue({ ...t, status: 'submitted' }, '2026-10-10')).toBe(false);
    expect(isOverdue({ ...t, status: 'accepted' }, '2026-12-10')).toBe(false);
    expect(statusLabel({ ...t, status: 'open' }, '2026-10-10')).toBe('逾期未整改');
    expect(statusLabel({ ...t, status: 'accepted' }, '2026-10-10')).toBe('已验收');
    expect(isDueSoon({ ...t, status: 'open' }, '2026-10-08', '2026-10-12')).toBe(true);
    expect(isDueSoon({ ...t, status: 'open' }, '2026-10-10', '2026-10-12')).toBe(false);
  });
});

describe('evidence and catalog', () => {
  it('only http(s) links are evidence', () => {
    expect(isEvidenceUrl('https://www.example.gov.cn/zwgk/')).toBe(true);
    expect(isEvidenceUrl('javascript:alert(1)')).toBe(false);
    expect(isEvidenceUrl('ftp://example.gov.cn/')).toBe(false);
    expect(isEvidenceUrl('不是网址')).toBe(false);
  });
  it('the catalog has unique codes and the check points of the district measures', () => {
    expect(new Set(CHECK_POINTS.map((c) => c.code)).size).toBe(CHECK_POINTS.length);
    const labels = CHECK_POINTS.map((c) => c.label);
    for (const l of ['程序规范', '内容完整', '按时公开', '保密审查', '第二十条事项', '公开效果'])
      expect(labels).toContain(l);
    expect(checkPoint('timely')?.basis).toContain('第二十六条');
    expect(checkPoint('nope')).toBeUndefined();
  });
});
