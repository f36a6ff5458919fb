/** Pure rules of public comment on drafts: periods, transitions, articles, ledger counts, the overdue flag. */
import { describe, expect, it } from 'vitest';
import {
  checkPeriod,
  DEFAULT_PERIOD_RULES as R,
  ledgerCounts,
  nextStatus,
  periodProblems,
  phaseOf,
  splitArticles,
  summaryDueOn,
  summaryOverdue,
  summaryProblems,
} from './consultation.ts';

/** Weekends only (2026-11-07/08, 14/15 are Saturday/Sunday). */
const weekdays = { isWorkingDay: (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) };

describe('comment periods', () => {
  it('a major decision needs 30 calendar days, both ends counted (《重大行政决策程序暂行条例》第十四条)', () => {
    expect(checkPeriod('major_decision', '2026-11-02', '2026-12-01', R, null)).toMatchObject({
      length: 30,
      short: false,
    });
    const short = checkPeriod('major_decision', '2026-11-02', '2026-11-30', R, null);
    expect(short).toMatchObject({ length: 29, short: true, minimum: 30 });
    expect(periodProblems(short, '2026-11-02', '2026-11-30', null)[0]?.message).toContain('第十四条');
    expect(periodProblems(short, '2026-11-02', '2026-11-30', '情况紧急')).toEqual([]);
  });

  it('a normative document needs 7 working days (国办发〔2018〕37号), or what the rule profile says', () => {
    expect(checkPeriod('normative_document', '2026-11-02', '2026-11-10', R, weekdays)).toMatchObject({
      length: 7,
      short: false,
    });
    expect(checkPeriod('normative_document', '2026-11-02', '2026-11-09', R, weekdays).short).toBe(true);
    const ten = { ...R, consultationNormativeWorkingDays: 10 };
    expect(checkPeriod('normative_document', '2026-11-02', '2026-11-10', ten, weekdays).short).toBe(true);
    expect(checkPeriod('other', '2026-11-02', '2026-11-02', R, null).short).toBe(false);
    expect(periodProblems(null, '2026-11-05', '2026-11-02', null)[0]?.field).toBe('endsOn');
  });
});

describe('status and phase', () => {
  it('moves only along the transition table', () => {
    expect(nextStatus('draft', 'open')).toBe('open');
    expect(nextStatus('draft', 'publish_summary')).toBeNull();
    expect(nextStatus('open', 'close')).toBe('closed');
    expect(nextStatus('closed', 'publish_summary')).toBe('summary_published');
    expect(nextStatus('summary_published', 'close')).toBeNull();
  });
  it('an open consultation is upcoming, open or ended by date', () => {
    const c = { status: 'open' as const, startsOn: '2026-11-02', endsOn: '2026-12-01' };
    expect(phaseOf(c, '2026-11-01')).toBe('upcoming');
    expect(phaseOf(c, '2026-12-01')).toBe('open');
    expect(phaseOf(c, '2026-12-02')).toBe('ended');
  });
  it('the summary is due 30 days after the period and flagged after that', () => {
    const c = { status: 'closed' as const, endsOn: '2026-12-01', closedOn: '2026-12-05' };
    expect(summaryDueOn(c, R)).toBe('2026-12-31');
    expect(summaryOverdue(c, R, '2026-12-31')).toBe(false);
    expect(summaryOverdue(c, R, '2027-01-01')).toBe(true);
    expect(summaryOverdue({ ...c, status: 'summary_published' }, R, '2027-06-01')).toBe(false);
    expect(summaryOverdue({ ...c, status: 'open' }, R, '2027-01-01')).toBe(true);
  });
});

describe('articles', () => {
  it('splits on 第X条, keeps paragraphs and chapter headings', () => {
    const s = splitArticles(
      '标题\r\n第一章　总则\n第一条　目的。\n第二款内容\n第十二条 范围。\n第二章 附则\n第13条 施行。',
    );
    expect(s.preamble).toBe('标题');
    expect(s.articles.map((a) => a.label)).toEqual(['第一条', '第十二条', '第13条']);
    expect(s.articles[0]).toMatchObject({ heading: '第一章 总则', body: '目的。\n第二款内容' });
    expect(s.articles[2]?.heading).toBe('第二章 附则');
    expect(splitArticles('没有条款的说明').articles).toEqual([]);
  });
});

describe('adoption ledger', () => {
  it('counts decisions, rejected comments and groups', () => {
    const rows = [
      { moderation: 'published' as const, adoption: 'adopted' as const, groupId: 1 },
      { moderation: 'withheld' as const, adoption: 'adopted' as const, groupId: 1 },
      { moderation: 'published' as const, adoption: 'not_adopted' as const, groupId: null },
      { moderation: 'rejected' as const, adoption: null, groupId: null },
      { moderation: 'pending' as const, adoption: null, groupId: null },
    ];
    expect(ledgerCounts(rows)).toEqual({
      received: 5,
      rejected: 1,
      considered: 4,
      adopted: 2,
      partlyAdopted: 0,
      notAdopted: 1,
      undecided: 1,
      items: 3,
    });
    expect(summaryProblems(rows)).toEqual(['还有1条意见尚未审核', '还有1条意见尚未标注采纳情况']);
    expect(summaryProblems(rows.slice(0, 4))).toEqual([]);
  });
});
