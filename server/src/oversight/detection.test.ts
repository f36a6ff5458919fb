/** The detection rules as pure functions (issue #11), on a calendar with the 2026 Qingming holiday. */
import { describe, expect, it } from 'vitest';
import { REGULATION_2019 } from '../agencies/rule-profile.ts';
import { WorkingCalendar } from '../calendar/working-days.ts';
import {
  annualReportLate,
  catalogLate,
  correctionLate,
  guideFindings,
  interpretationLate,
  proactiveLate,
  reconcile,
  requestLate,
  reviewFindings,
  staffPathOf,
} from './detection.ts';

const cal = new WorkingCalendar(
  new Set([2026]),
  ['2026-04-04', '2026-04-05', '2026-04-06'].map((date) => ({
    date,
    kind: 'holiday' as const,
    name: '清明节',
    agencyId: null,
  })),
);
const calOf = () => cal;
const rulesOf = () => REGULATION_2019;
const TODAY = '2026-11-21';

describe('detection rules', () => {
  it('《政府信息公开条例》第二十六条: published late → resolved on its publication day; in review past due → open; on time, deferred, not due → nothing', () => {
    const base = {
      agencyId: 1,
      title: 't',
      attribute: 'proactive',
      generatedOn: '2026-03-01',
      publishDueOn: '2026-03-27',
    };
    const f = proactiveLate(
      [
        { ...base, id: 1, status: 'published', publishedOn: '2026-04-08' },
        { ...base, id: 2, status: 'published', publishedOn: '2026-03-27' },
        { ...base, id: 3, status: 'approval', publishedOn: null },
        { ...base, id: 4, status: 'deferred', publishedOn: null },
        { ...base, id: 5, status: 'draft', publishedOn: null, publishDueOn: '2026-12-01' },
        { ...base, id: 6, status: 'published', publishedOn: '2026-04-08', attribute: 'on_request' },
      ],
      TODAY,
      calOf,
    );
    expect(f.map((x) => [x.subjectId, x.doneOn, x.detail.workingDaysLate])).toEqual([
      [1, '2026-04-08', 7],
      [3, null, expect.any(Number)],
    ]);
  });

  it('《政府信息公开条例》第三十三条: a late reply and an open case past due are found; paused or withdrawn ones are not', () => {
    const base = { agencyId: 1, registrationNo: 'R1', replyDueOn: '2026-06-03', paused: false };
    const f = requestLate(
      [
        { ...base, id: 1, status: 'closed', repliedOn: '2026-06-05' },
        { ...base, id: 2, status: 'replied', repliedOn: '2026-06-03' },
        { ...base, id: 3, status: 'in_progress', repliedOn: null },
        { ...base, id: 4, status: 'in_progress', repliedOn: null, paused: true },
        { ...base, id: 5, status: 'withdrawn', repliedOn: null },
      ],
      TODAY,
      calOf,
    );
    expect(f.map((x) => [x.subjectId, x.doneOn])).toEqual([
      [1, '2026-06-05'],
      [3, null],
    ]);
    expect(f[0]!.title).toBe('申请 R1');
  });

  it('《政府信息公开条例》第三十条: the 8th working day after receipt is late, the 7th is not', () => {
    const n = { agencyId: 1, registrationNo: 'R', receivedOn: '2026-06-01' };
    const f = correctionLate(
      [
        { ...n, applicationId: 1, noticeOn: '2026-06-10' },
        { ...n, applicationId: 2, noticeOn: '2026-06-11' },
      ],
      calOf,
      rulesOf,
    );
    expect(f.map((x) => [x.subjectId, x.dueOn])).toEqual([[2, '2026-06-10']]);
  });

  it('《政府信息公开条例》第十二条: catalog change pending past due (open) or updated late (resolved); an earlier update does not count for a later change', () => {
    const e = {
      agencyId: 1,
      code: 'A',
      name: 'n',
      active: 1,
      changedOn: '2026-09-01',
      updateDueOn: '2026-09-29',
    };
    const f = catalogLate(
      [
        { ...e, id: 1, catalogUpdatedOn: null },
        { ...e, id: 2, catalogUpdatedOn: '2026-08-01' },
        { ...e, id: 3, catalogUpdatedOn: '2026-10-09' },
        { ...e, id: 4, catalogUpdatedOn: '2026-09-20' },
        { ...e, id: 5, catalogUpdatedOn: null, active: 0 },
      ],
      TODAY,
    );
    expect(f.map((x) => [x.subjectId, x.doneOn])).toEqual([
      [1, null],
      [2, null],
      [3, '2026-10-09'],
    ]);
  });

  it('《政府信息公开条例》第十二条: guide missing, past its review date, or with changed contact data', () => {
    const f = guideFindings(
      [
        { agencyId: 1, agencyName: 'A', latest: null, changedFields: [] },
        {
          agencyId: 2,
          agencyName: 'B',
          latest: { version: 2, publishedOn: '2025-10-01', nextReviewOn: '2026-10-01' },
          changedFields: [],
        },
        {
          agencyId: 3,
          agencyName: 'C',
          latest: { version: 1, publishedOn: '2026-10-01', nextReviewOn: '2027-10-01' },
          changedFields: ['phone'],
        },
        {
          agencyId: 4,
          agencyName: 'D',
          latest: { version: 1, publishedOn: '2026-10-01', nextReviewOn: '2027-10-01' },
          changedFields: [],
        },
      ],
      TODAY,
    );
    expect(f.map((x) => [x.kind, x.agencyId])).toEqual([
      ['guide_review_due', 1],
      ['guide_review_due', 2],
      ['guide_contact_changed', 3],
    ]);
  });

  it('《政府信息公开条例》第四十九条: missing after the due date (open) or published after it (resolved)', () => {
    const d = { agencyName: 'A', year: 2025, dueOn: '2026-01-31' };
    const f = annualReportLate(
      [
        { ...d, agencyId: 1, publishedOn: null },
        { ...d, agencyId: 2, publishedOn: '2026-02-13' },
        { ...d, agencyId: 3, publishedOn: '2026-01-31' },
      ],
      TODAY,
    );
    expect(f.map((x) => [x.agencyId, x.doneOn])).toEqual([
      [1, null],
      [2, '2026-02-13'],
    ]);
    expect(staffPathOf(f[0]!)).toBe('/admin/reporting/annual-report?agencyId=1&year=2025');
  });

  it('《政府信息公开条例》第十七条: no office conclusion after a pipeline start, or a scan override; bulk-loaded items are not judged', () => {
    const i = { agencyId: 1, title: 't', publishedOn: '2026-03-01' };
    const f = reviewFindings([
      { ...i, id: 1, inPipeline: true, officeReviewed: false, scanOverride: false },
      { ...i, id: 2, inPipeline: true, officeReviewed: true, scanOverride: false },
      { ...i, id: 3, inPipeline: false, officeReviewed: false, scanOverride: false },
      { ...i, id: 4, inPipeline: true, officeReviewed: true, scanOverride: true },
    ]);
    expect(f.map((x) => [x.kind, x.subjectId])).toEqual([
      ['review_missing', 1],
      ['scan_override', 4],
    ]);
  });

  it('docs/product.md §2.3.4: an interpretation later than 3 working days after its policy', () => {
    const r = { agencyId: 1, title: 't', policyId: 9, policyPublishedOn: '2026-04-02', status: 'published' };
    const f = interpretationLate(
      [
        { ...r, id: 1, publishedOn: '2026-04-09' },
        { ...r, id: 2, publishedOn: '2026-04-08' },
      ],
      TODAY,
      calOf,
      rulesOf,
    );
    // 2 April + 3 working days over the Qingming holiday = 8 April
    expect(f.map((x) => [x.subjectId, x.dueOn])).toEqual([[1, '2026-04-08']]);
  });

  it('reconcile: new findings inserted once, open ones refreshed, vanished open ones resolved, history untouched', () => {
    const f = (key: string, doneOn: string | null = null) => ({
      kind: 'request_late' as const,
      agencyId: 1,
      subjectType: 'application' as const,
      subjectId: 1,
      key,
      title: 't',
      dueOn: null,
      doneOn,
      detail: {},
    });
    const plan = reconcile(
      [
        { id: 1, kind: 'request_late', key: 'a', resolvedOn: null },
        { id: 2, kind: 'request_late', key: 'b', resolvedOn: null },
        { id: 3, kind: 'request_late', key: 'c', resolvedOn: '2026-01-01' },
      ],
      [f('a', '2026-11-20'), f('c', '2026-01-01'), f('d'), f('d')],
    );
    expect(plan.insert.map((x) => x.key)).toEqual(['d']);
    expect(plan.update.map((u) => [u.id, u.f.doneOn])).toEqual([[1, '2026-11-20']]);
    expect(plan.resolve).toEqual([2]);
  });
});
