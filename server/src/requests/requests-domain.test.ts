/**
 * Pure domain of 依申请公开: lifecycle, the statutory clock on the official 2024–2026 calendar,
 * dispositions (annual-report Table 三) and fees (国办函〔2020〕109号). Every test names its article.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_15_15, REGULATION_2019 } from '../agencies/rule-profile.ts';
import { packagedSchedule } from '../calendar/calendar-sources.ts';
import { WorkingCalendar } from '../calendar/working-days.ts';
import {
  ACTIONS,
  availableActions,
  CHANNELS,
  formatRegistrationNo,
  maskName,
  maskTail,
  nextStatus,
  STATUSES,
  TRANSITIONS,
  trackingCodeFrom,
  TRACKING_ALPHABET,
} from './application.ts';
import {
  type ClockState,
  consultationDueOn,
  correctionLapsed,
  correctionNoticeDueOn,
  describeLeft,
  EMPTY_CLOCK,
  endPause,
  extensionAllowed,
  feeLapsed,
  feePaymentDueOn,
  isOverdue,
  needsConfirmation,
  receiptDate,
  reminderDates,
  reminderDueToday,
  replyDueOn,
  restartOnCorrection,
  startPause,
  workingDaysLeft,
} from './clock.ts';
import {
  DISPOSITION_CODES,
  DISPOSITIONS,
  decisionProblems,
  dispositionDef,
  reportCategory,
} from './disposition.ts';
import { describeLines, methodConflict, perPieceFee, perVolumeFee, waive } from './fees.ts';

const YEARS = [2024, 2025, 2026];
const cal = new WorkingCalendar(
  new Set(YEARS),
  YEARS.flatMap((y) => packagedSchedule(y)!.days.map((d) => ({ ...d, agencyId: null }))),
);
const R = REGULATION_2019;
const started = (clockStart: string): ClockState => ({ ...EMPTY_CLOCK, clockStart });

describe('lifecycle (R.45 登记、审核、办理、答复、归档)', () => {
  it('every action leads to a known status from known statuses', () => {
    for (const a of ACTIONS) {
      expect(STATUSES).toContain(TRANSITIONS[a].to);
      for (const f of TRANSITIONS[a].from) expect(STATUSES).toContain(f);
    }
  });
  it('the happy path: received-unconfirmed → registered → in progress → awaiting approval → replied → closed', () => {
    let s = nextStatus('unconfirmed', 'confirm_receipt');
    expect(s).toBe('registered');
    s = nextStatus(s!, 'accept');
    expect(s).toBe('in_progress');
    s = nextStatus(s!, 'submit_for_approval');
    expect(s).toBe('awaiting_approval');
    s = nextStatus(s!, 'send_reply');
    expect(s).toBe('replied');
    expect(nextStatus(s!, 'close')).toBe('closed');
  });
  it('R.30: correction restarts; no correction → lapsed; R.32/R.34 consultation returns to in progress', () => {
    expect(nextStatus('in_progress', 'request_correction')).toBe('awaiting_correction');
    expect(nextStatus('awaiting_correction', 'receive_correction')).toBe('in_progress');
    expect(nextStatus('awaiting_correction', 'lapse_correction')).toBe('lapsed');
    expect(nextStatus('in_progress', 'consult_third_party')).toBe('consulting_third_party');
    expect(nextStatus('consulting_agency', 'end_consultation')).toBe('in_progress');
    expect(nextStatus('awaiting_fee', 'lapse_fee')).toBe('lapsed');
  });
  it('final statuses allow nothing but a reopening of a closed case (reconsideration corrected)', () => {
    expect(availableActions('withdrawn')).toEqual([]);
    expect(availableActions('lapsed')).toEqual([]);
    expect(availableActions('closed')).toEqual(['reopen']);
  });
  it('a reply cannot leave without approval, nor from an unconfirmed application', () => {
    expect(nextStatus('in_progress', 'send_reply')).toBeNull();
    expect(nextStatus('unconfirmed', 'submit_for_approval')).toBeNull();
    expect(nextStatus('replied', 'withdraw')).toBeNull();
  });
  it('registration numbers and tracking codes are readable; masking hides personal data', () => {
    expect(formatRegistrationNo('sfj', 2026, 42)).toBe('sfj-2026-000042');
    const code = trackingCodeFrom(new Uint8Array(16).map((_, i) => i * 17));
    expect(code).toHaveLength(10);
    for (const ch of code) expect(TRACKING_ALPHABET).toContain(ch);
    expect(maskName('张三丰')).toBe('张**');
    expect(maskTail('110101199003071234', 3, 2)).toBe('110*************34');
    expect(maskTail('13800138000', 3, 4)).toBe('138****8000');
  });
});

describe('date of receipt per channel (R.31)', () => {
  const today = '2025-10-20';
  it('R.31(一): in person and oral → the day of submission', () => {
    expect(receiptDate('in_person', { submittedOn: '2025-10-17' }, today)).toEqual({
      ok: true,
      receivedOn: '2025-10-17',
    });
    expect(receiptDate('oral', { submittedOn: '2025-10-17' }, today)).toEqual({
      ok: true,
      receivedOn: '2025-10-17',
    });
  });
  it('R.31(二): registered post → the day the agency signs for it', () => {
    expect(
      receiptDate('registered_post', { submittedOn: '2025-10-10', signedForOn: '2025-10-14' }, today),
    ).toEqual({
      ok: true,
      receivedOn: '2025-10-14',
    });
    expect(receiptDate('registered_post', { submittedOn: '2025-10-10' }, today)).toEqual({
      ok: false,
      reason: 'needs_signed_for_date',
    });
  });
  it('R.31(二): ordinary post → the day the office confirms with the applicant', () => {
    expect(needsConfirmation('ordinary_post')).toBe(true);
    expect(
      receiptDate('ordinary_post', { submittedOn: '2025-10-10', confirmedOn: '2025-10-15' }, today),
    ).toEqual({
      ok: true,
      receivedOn: '2025-10-15',
    });
  });
  it('R.31(三): online, fax (and e-mail as a data message) → the day both sides confirm', () => {
    for (const ch of ['online', 'fax', 'email'] as const) {
      expect(needsConfirmation(ch)).toBe(true);
      expect(receiptDate(ch, { submittedOn: '2025-10-18' }, today)).toEqual({
        ok: false,
        reason: 'needs_confirmation',
      });
      expect(receiptDate(ch, { submittedOn: '2025-10-18', confirmedOn: '2025-10-20' }, today)).toEqual({
        ok: true,
        receivedOn: '2025-10-20',
      });
    }
  });
  it('R.31: a received date never lies in the future nor before the submission', () => {
    for (const ch of CHANNELS) {
      const r = receiptDate(
        ch,
        { submittedOn: '2025-10-21', signedForOn: '2025-10-21', confirmedOn: '2025-10-21' },
        today,
      );
      expect(r).toEqual({ ok: false, reason: 'in_future' });
    }
    expect(receiptDate('fax', { submittedOn: '2025-10-15', confirmedOn: '2025-10-14' }, today)).toEqual({
      ok: false,
      reason: 'before_submission',
    });
  });
});

describe('the reply period (R.33) across holidays and make-up working days', () => {
  it('R.33 ¶2: 20 working days from receipt across National Day 2025 (make-up days 9-28 and 10-11 count)', () => {
    expect(replyDueOn(cal, R, started('2025-09-26'))).toBe('2025-10-30');
  });
  it('R.33 ¶2: the approved extension adds up to 20 working days (20 + 20)', () => {
    expect(extensionAllowed(R, started('2025-09-26'), 20)).toBe(true);
    expect(extensionAllowed(R, { ...started('2025-09-26'), extensionDays: 10 }, 11)).toBe(false);
    expect(extensionAllowed(R, started('2025-09-26'), 0)).toBe(false);
    expect(replyDueOn(cal, R, { ...started('2025-09-26'), extensionDays: 20 })).toBe('2025-11-27');
  });
  it('R.33 across the 2026 Spring Festival', () => {
    expect(replyDueOn(cal, R, started('2026-02-06'))).toBe('2026-03-12');
  });
  it('《县局政务公开制度汇编》 local profile: 15 + 15 working days', () => {
    const due = replyDueOn(cal, LOCAL_15_15, started('2025-10-09'));
    expect(due).toBe(cal.addWorkingDays('2025-10-09', 15));
    expect(extensionAllowed(LOCAL_15_15, started('2025-10-09'), 16)).toBe(false);
  });
  it('no due date before the receipt is confirmed (R.31) ', () => {
    expect(replyDueOn(cal, R, EMPTY_CLOCK)).toBeNull();
  });
  it('R.30: correction notice due within 7 working days of receipt; the clock restarts from the corrected application', () => {
    expect(correctionNoticeDueOn(cal, R, '2025-09-26')).toBe('2025-10-13');
    const s = restartOnCorrection({ ...started('2025-09-26'), pausedDays: 3 }, '2025-10-09');
    expect(s.clockStart).toBe('2025-10-09');
    expect(s.pausedDays).toBe(0);
    expect(replyDueOn(cal, R, s)).toBe('2025-11-05');
  });
  it('R.30: no correction by its deadline → lapse (the day after the deadline, not on it)', () => {
    expect(correctionLapsed('2025-10-20', '2025-10-20')).toBe(false);
    expect(correctionLapsed('2025-10-20', '2025-10-21')).toBe(true);
  });
  it('R.32/R.34: consultation limits of 15 working days; R.33 ¶3: consultation time is not counted', () => {
    expect(consultationDueOn(cal, R, 'third_party', '2025-10-15')).toBe('2025-11-05');
    expect(consultationDueOn(cal, R, 'inter_agency', '2025-10-15')).toBe('2025-11-05');
    let s = started('2025-09-26'); // due 2025-10-30 unpaused
    s = startPause(s, 'third_party', '2025-10-15');
    // while paused, the due date moves with each working day of the pause
    expect(replyDueOn(cal, R, s, '2025-10-17')).toBe(cal.addWorkingDays('2025-10-30', 2));
    const ended = endPause(cal, s, '2025-10-22'); // (10-15, 10-22] = 5 working days
    expect(ended.days).toBe(5);
    expect(replyDueOn(cal, R, ended.state)).toBe(cal.addWorkingDays('2025-09-26', 25));
    expect(() => startPause(s, 'fee', '2025-10-16')).toThrow();
  });
  it('109号: fee notice to payment is not counted (default profile); unpaid in 20 working days → lapse', () => {
    expect(R.feePaymentPausesClock).toBe(true);
    expect(feePaymentDueOn(cal, R, '2025-09-26')).toBe('2025-10-30');
    expect(feeLapsed('2025-10-30', '2025-10-30')).toBe(false);
    expect(feeLapsed('2025-10-30', '2025-10-31')).toBe(true);
    const s = endPause(cal, startPause(started('2025-10-09'), 'fee', '2025-10-13'), '2025-10-20');
    expect(s.days).toBe(5);
    expect(replyDueOn(cal, R, s.state)).toBe(cal.addWorkingDays('2025-10-09', 25));
  });
  it('《县局政务公开制度汇编》 art.10: suspension stops the clock and resumption restarts it; a pause over a holiday counts only working days', () => {
    const s = endPause(cal, startPause(started('2025-09-26'), 'suspension', '2025-09-30'), '2025-10-10');
    expect(s.days).toBe(2); // 10-09, 10-10 (10-01…10-08 are the National Day holiday)
    expect(replyDueOn(cal, R, s.state)).toBe(cal.addWorkingDays('2025-09-26', 22));
  });
  it('R.35: a reasonable later date replaces a shorter due date, never a longer one', () => {
    expect(replyDueOn(cal, R, { ...started('2025-09-26'), delayedDueOn: '2025-12-31' })).toBe('2025-12-31');
    expect(replyDueOn(cal, R, { ...started('2025-09-26'), delayedDueOn: '2025-10-01' })).toBe('2025-10-30');
  });
  it('working days left, overdue, and the 5- and 1-day reminders', () => {
    expect(workingDaysLeft(cal, '2025-10-23', '2025-10-30')).toBe(5);
    expect(reminderDueToday(cal, R, '2025-10-23', '2025-10-30')).toBe(5);
    expect(reminderDueToday(cal, R, '2025-10-29', '2025-10-30')).toBe(1);
    expect(reminderDueToday(cal, R, '2025-10-28', '2025-10-30')).toBeNull();
    expect(reminderDates(cal, R, '2025-10-30', '2025-09-26')).toEqual(['2025-10-23', '2025-10-29']);
    expect(isOverdue('2025-10-31', '2025-10-30')).toBe(true);
    expect(isOverdue('2025-10-30', '2025-10-30')).toBe(false);
    expect(describeLeft(3)).toBe('剩余 3 个工作日');
    expect(describeLeft(0)).toBe('今日到期');
    expect(describeLeft(-2)).toBe('已逾期 2 个工作日');
  });
});

describe('dispositions: the leaf rows of annual-report Table 三 (国办公开办函〔2021〕30号)', () => {
  it('has exactly the 21 leaf rows, in order, with unique codes', () => {
    expect(DISPOSITIONS.map((d) => d.row)).toEqual([
      '（一）',
      '（二）',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `（三）${n}`),
      ...[1, 2, 3].map((n) => `（四）${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `（五）${n}`),
      ...[1, 2, 3].map((n) => `（六）${n}`),
    ]);
    expect(new Set(DISPOSITION_CODES).size).toBe(21);
  });
  it('every disposition cites an article and has the operative sentence of its letter', () => {
    for (const d of DISPOSITIONS) {
      expect(d.basis).toMatch(/条例|109号/);
      expect(d.decisionText.length).toBeGreaterThan(10);
    }
    expect(dispositionDef('withheld_third_party').basis).toContain('第十五条');
    expect(dispositionDef('unable_needs_creation').basis).toContain('第三十八条');
    expect(dispositionDef('not_processed_petition').basis).toContain('第三十九条');
    expect(dispositionDef('not_processed_excessive').basis).toContain('第三十五条');
    expect(dispositionDef('other_no_correction').basis).toContain('第三十条');
  });
  it('R.37: partial disclosure records what was withheld and why; refusals give reasons', () => {
    expect(decisionProblems({ code: 'partially_disclosed' }).map((p) => p.field)).toEqual([
      'reasons',
      'howToObtain',
      'withheld',
    ]);
    expect(
      decisionProblems({
        code: 'partially_disclosed',
        reasons: '涉及个人隐私',
        withheld: '第3页身份证号',
        howToObtain: '随本答复书邮寄纸质复印件',
      }),
    ).toEqual([]);
    expect(decisionProblems({ code: 'withheld_state_secret' }).map((p) => p.field)).toEqual(['reasons']);
  });
  it('R.36(1)(2): 予以公开 and 部分公开 tell the applicant how, where and when to obtain the information', () => {
    for (const code of ['disclosed', 'partially_disclosed'] as const) {
      const blank = decisionProblems({
        code,
        reasons: '涉及个人隐私',
        withheld: '身份证号',
        howToObtain: '  ',
      });
      expect(blank).toEqual([
        { field: 'howToObtain', message: expect.stringContaining('获取该政府信息的方式、途径和时间') },
      ]);
    }
    expect(
      decisionProblems({ code: 'disclosed', howToObtain: '自本答复书送达之日起到本机关政务服务窗口领取' }),
    ).toEqual([]);
    // a refusal provides nothing, so it owes no way of obtaining it
    expect(decisionProblems({ code: 'withheld_state_secret', reasons: '属于国家秘密' })).toEqual([]);
  });
  it('R.36(5): 本机关不掌握 names the holding agency and its contact when known', () => {
    expect(dispositionDef('unable_not_held').requires).toContain('holding_agency');
    expect(
      decisionProblems({ code: 'unable_not_held', reasons: '未制作', holdingContact: '0871-1234567' }),
    ).toEqual([{ field: 'holdingAgency', message: '填写了联系方式时须写明掌握该信息的机关' }]);
    expect(
      decisionProblems({
        code: 'unable_not_held',
        reasons: '未制作',
        holdingAgency: '县自然资源局',
        holdingContact: '0871-1234567',
      }),
    ).toEqual([]);
  });
  it('report category (Table 三 row （二）): 部分公开 counts only as 部分公开', () => {
    expect(reportCategory([{ code: 'disclosed' }, { code: 'partially_disclosed' }])).toBe(
      'partially_disclosed',
    );
    expect(reportCategory([{ code: 'withheld_state_secret' }, { code: 'partially_disclosed' }])).toBe(
      'partially_disclosed',
    );
    expect(reportCategory([{ code: 'disclosed' }, { code: 'disclosed' }])).toBe('disclosed');
    expect(reportCategory([{ code: 'disclosed' }, { code: 'unable_not_held' }])).toBe('partially_disclosed');
    expect(reportCategory([{ code: 'unable_not_held' }])).toBe('unable_not_held');
    expect(
      reportCategory([
        { code: 'unable_not_held' },
        { code: 'withheld_third_party' },
        { code: 'unable_not_held' },
      ]),
    ).toBe('unable_not_held');
    expect(reportCategory([{ code: 'unable_not_held' }, { code: 'withheld_third_party' }])).toBe(
      'withheld_third_party',
    );
    expect(reportCategory([])).toBeNull();
  });
});

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it('art.4 per piece: ≤10 free, 11–30 at 100 元, 31–40 at 200 元, 41–50 at 300 元', () => {
    expect(perPieceFee(R, 0, 10).amount).toBe(0);
    expect(perPieceFee(R, 0, 11).amount).toBe(100);
    expect(perPieceFee(R, 0, 30).amount).toBe(2000);
    expect(perPieceFee(R, 0, 40).amount).toBe(2000 + 2000);
    expect(perPieceFee(R, 0, 45).amount).toBe(2000 + 2000 + 1500);
  });
  it('art.4 per piece counts cumulatively over the calendar month per applicant', () => {
    expect(perPieceFee(R, 9, 2).amount).toBe(100); // pieces 10 (free) and 11 (100)
    expect(perPieceFee(R, 30, 1).amount).toBe(200);
    expect(describeLines(perPieceFee(R, 8, 4))).toEqual(['第9—10件，免费', '第11—12件，每件100元，计200元']);
  });
  it('art.5 per volume: ≤30 pages free, 31–100 at 10, 101–200 at 20, ≥201 at 40 元 per page', () => {
    expect(perVolumeFee(R, 30).amount).toBe(0);
    expect(perVolumeFee(R, 31).amount).toBe(10);
    expect(perVolumeFee(R, 100).amount).toBe(700);
    expect(perVolumeFee(R, 200).amount).toBe(700 + 2000);
    expect(perVolumeFee(R, 201).amount).toBe(700 + 2000 + 40);
  });
  it('art.3: one method per application, never both; a waiver needs a reason', () => {
    expect(methodConflict(null, 'per_piece')).toBe(false);
    expect(methodConflict('per_piece', 'per_piece')).toBe(false);
    expect(methodConflict('per_piece', 'per_volume')).toBe(true);
    expect(waive(perVolumeFee(R, 100), '申请人经济困难').amount).toBe(0);
    expect(() => waive(perVolumeFee(R, 100), ' ')).toThrow();
    expect(() => perVolumeFee(R, -1)).toThrow();
  });
});
