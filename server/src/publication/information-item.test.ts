import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-days.ts';
import { DEFAULT_CATALOG, flattenCatalog } from './catalog.ts';
import {
  checkDraft,
  htmlToText,
  isPubliclyVisible,
  ITEM_STATUSES,
  nextStatus,
  TRANSITIONS,
} from './information-item.ts';
import { publicationClockState, publicationDueDate } from './publication-clock.ts';
import { isKnownSubject, STATE_COUNCIL_SUBJECTS, subjectLabel, subjectsFor } from './subjects.ts';

describe('pipeline transition table (docs/product.md §2.3)', () => {
  it('walks the full path: draft → leader → review office → approval → published → revoked', () => {
    let s = nextStatus('draft', 'submit')!;
    expect(s).toBe('leader_review');
    s = nextStatus(s, 'leader_approve')!;
    expect(s).toBe('office_review');
    s = nextStatus(s, 'conclude_public')!;
    expect(s).toBe('approval');
    expect(nextStatus(s, 'approve_step')).toBe('approval');
    s = nextStatus(s, 'approve_final')!;
    expect(s).toBe('published');
    expect(nextStatus(s, 'revoke')).toBe('revoked');
  });
  it('《县局政务公开制度汇编》 art.13: a deferred item can only return to review, never straight to publication', () => {
    expect(nextStatus('office_review', 'defer')).toBe('deferred');
    expect(nextStatus('deferred', 'approve_final')).toBeNull();
    expect(nextStatus('deferred', 'resume_review')).toBe('office_review');
  });
  it('no content is published without deliberation (《县司法局公开工作制度》: 谁主管、谁审批): only approval leads to published', () => {
    for (const from of ITEM_STATUSES)
      for (const [, to] of Object.entries(TRANSITIONS[from]))
        if (to === 'published') expect(['approval', 'scheduled']).toContain(from);
  });
  it('withheld and revoked are final', () => {
    expect(TRANSITIONS.withheld).toEqual({});
    expect(TRANSITIONS.revoked).toEqual({});
  });
});

describe('source attribute and visibility (docs/product.md §6)', () => {
  const base = {
    title: 't',
    attribute: 'proactive' as const,
    nonDisclosureGround: null,
    scope: 'public' as const,
    generatedOn: '2025-01-02',
    partial: false,
    publicBody: null,
    jointAgencyIds: [],
  };
  it('依申请公开 / 不予公开 need a legal reason; partial publication needs a redacted version', () => {
    expect(checkDraft({ ...base, attribute: 'on_request' }).map((p) => p.field)).toEqual([
      'nonDisclosureGround',
    ]);
    expect(checkDraft({ ...base, partial: true }).map((p) => p.field)).toEqual(['publicBody']);
    expect(checkDraft(base)).toEqual([]);
  });
  it('only published + public scope + proactive is publicly visible', () => {
    expect(isPubliclyVisible({ status: 'published', scope: 'public', attribute: 'proactive' })).toBe(true);
    expect(isPubliclyVisible({ status: 'published', scope: 'internal', attribute: 'proactive' })).toBe(false);
    expect(isPubliclyVisible({ status: 'scheduled', scope: 'public', attribute: 'proactive' })).toBe(false);
    expect(isPubliclyVisible({ status: 'published', scope: 'public', attribute: 'on_request' })).toBe(false);
  });
  it('htmlToText keeps paragraphs and decodes entities', () => {
    expect(htmlToText('<p>一&amp;二</p><p>三<br>四</p>')).toBe('一&二\n三\n四');
  });
});

describe('subjects (国务院政策文件库主题分类) and default catalog (docs/product.md §2.2)', () => {
  it('has the 22 State Council categories, labels with 、 kept whole', () => {
    expect(STATE_COUNCIL_SUBJECTS).toHaveLength(22);
    expect(subjectLabel('02.01')).toBe('综合政务\\政务公开');
    expect(STATE_COUNCIL_SUBJECTS[5]!.children.map((c) => c.name)).toContain('农业、畜牧业、渔业');
  });
  it('is extensible per agency', () => {
    const local = [{ code: '17.L01', parentCode: '17', name: '乡村振兴' }];
    expect(isKnownSubject('17.L01')).toBe(false);
    expect(isKnownSubject('17.L01', local)).toBe(true);
    expect(subjectsFor(local)[16]!.children.at(-1)!.name).toBe('乡村振兴');
  });
  it('the default catalog has the 8 top-level categories of 《省司法厅政务公开意见》 and all 15 R.20 items', () => {
    expect(DEFAULT_CATALOG.map((c) => c.name)).toEqual([
      '概况信息',
      '法规文件',
      '发展规划',
      '工作动态',
      '人事信息',
      '财经信息',
      '行政执法',
      '公共服务',
      '其他',
    ]);
    const items = flattenCatalog().flatMap((c) => (c.statutoryItem ? [c.statutoryItem] : []));
    expect(items.sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });
});

describe('R.26: 20 working days from generation or change', () => {
  // 2025 National Day: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) make-up working days
  const days = [
    ...['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'].map((date) => ({
      date,
      kind: 'holiday' as const,
      name: '国庆节、中秋节',
      agencyId: null,
    })),
    ...['2025-09-28', '2025-10-11'].map((date) => ({
      date,
      kind: 'workday' as const,
      name: '国庆节',
      agencyId: null,
    })),
  ];
  const cal = new WorkingCalendar(new Set([2025]), days);
  it('skips the National Day holiday and counts the make-up Saturday', () => {
    // from Thu 2025-09-25: 26, 28(make-up Sun), 29, 30 = 4; 09, 10, 11(make-up Sat) = 7; 13–17 = 12; 20–24 = 17; 27, 28, 29 = 20
    expect(publicationDueDate(cal, '2025-09-25', 20)).toBe('2025-10-29');
  });
  it('due soon within the reminder window, overdue the day after the due date, done once published', () => {
    expect(publicationClockState(cal, '2025-10-24', '2025-10-29', 5, false).state).toBe('due_soon');
    expect(publicationClockState(cal, '2025-10-13', '2025-10-29', 5, false).state).toBe('on_time');
    expect(publicationClockState(cal, '2025-10-30', '2025-10-29', 5, false)).toEqual({
      state: 'overdue',
      workingDaysLeft: -1,
    });
    expect(publicationClockState(cal, '2025-10-30', '2025-10-29', 5, true).state).toBe('done');
  });
});
