/** Pure rules of contacts: receipt date per channel, answer periods per kind, overdue, the three-month inspection rule, transitions. */
import { describe, expect, it } from 'vitest';
import { REGULATION_2019 } from '../agencies/rule-profile.ts';
import { packagedSchedule } from '../calendar/calendar-sources.ts';
import { WorkingCalendar } from '../calendar/working-days.ts';
import {
  addMonths,
  answerDays,
  CONTACT_CHANNELS,
  CONTACT_STATUSES,
  CONTACT_TRANSITIONS,
  contactDueOn,
  contactReceiptDate,
  failsWebsiteInspection,
  isOverdue,
  maskContact,
  maskName,
  nextStatus,
  trackingNoOf,
} from './contact.ts';

const YEARS = [2025, 2026];
const cal = new WorkingCalendar(
  new Set(YEARS),
  YEARS.flatMap((y) => packagedSchedule(y)!.days.map((d) => ({ ...d, agencyId: null }))),
);

describe('date of receipt (参照《政府信息公开条例》第三十一条)', () => {
  it('a call or a visit: the day itself; a letter: the day signed for; an e-mail: the day confirmed; a portal message: the day filed', () => {
    const f = { submittedOn: '2025-09-05', signedForOn: '2025-09-09', confirmedOn: '2025-09-08' };
    expect(contactReceiptDate('hotline', f, '2025-09-10')).toEqual({ ok: true, receivedOn: '2025-09-05' });
    expect(contactReceiptDate('visit', f, '2025-09-10')).toEqual({ ok: true, receivedOn: '2025-09-05' });
    expect(contactReceiptDate('letter', f, '2025-09-10')).toEqual({ ok: true, receivedOn: '2025-09-09' });
    expect(contactReceiptDate('email', f, '2025-09-10')).toEqual({ ok: true, receivedOn: '2025-09-08' });
    for (const c of ['web_message', 'mailbox', 'online_consultation'] as const)
      expect(contactReceiptDate(c, f, '2025-09-10')).toEqual({ ok: true, receivedOn: '2025-09-05' });
  });
  it('refuses a missing signed-for or confirmation date, a future date and a date before submission', () => {
    expect(contactReceiptDate('letter', { submittedOn: '2025-09-05' }, '2025-09-10')).toEqual({
      ok: false,
      reason: 'needs_signed_for_date',
    });
    expect(contactReceiptDate('email', { submittedOn: '2025-09-05' }, '2025-09-10').ok).toBe(false);
    expect(
      contactReceiptDate('letter', { submittedOn: '2025-09-05', signedForOn: '2025-09-11' }, '2025-09-10'),
    ).toEqual({
      ok: false,
      reason: 'in_future',
    });
    expect(
      contactReceiptDate('letter', { submittedOn: '2025-09-05', signedForOn: '2025-09-01' }, '2025-09-10'),
    ).toEqual({
      ok: false,
      reason: 'before_submission',
    });
    expect(CONTACT_CHANNELS).toHaveLength(7);
  });
});

describe('answer periods (working days, start day excluded — Civil Code art. 201)', () => {
  it('defaults: consultation 10, complaint/suggestion/mailbox 15, evaluation = rule profile evaluationFeedbackDays (15, 《县局政务公开制度汇编》二 评议)', () => {
    expect(answerDays('consultation', REGULATION_2019)).toBe(10);
    expect(answerDays('complaint', REGULATION_2019)).toBe(15);
    expect(answerDays('evaluation', REGULATION_2019)).toBe(15);
    expect(answerDays('evaluation', { ...REGULATION_2019, evaluationFeedbackDays: 10 })).toBe(10);
  });
  it('a rule profile may set a period per kind; nonsense values fall back to the default', () => {
    const rules = { ...REGULATION_2019, contactAnswerDays: { consultation: 5, complaint: 0 } };
    expect(answerDays('consultation', rules)).toBe(5);
    expect(answerDays('complaint', rules)).toBe(15);
  });
  it('across the 2025 National Day: Sunday 28 September works, 1–8 October are holidays', () => {
    expect(contactDueOn(cal, '2025-09-09', 'complaint', REGULATION_2019)).toBe('2025-09-29');
    expect(contactDueOn(cal, '2025-09-12', 'mailbox', REGULATION_2019)).toBe('2025-10-10');
    expect(contactDueOn(cal, '2025-09-09', 'consultation', REGULATION_2019)).toBe('2025-09-23');
  });
  it('overdue only while open and after the due date', () => {
    expect(isOverdue({ status: 'assigned', dueOn: '2025-09-29' }, '2025-09-29')).toBe(false);
    expect(isOverdue({ status: 'assigned', dueOn: '2025-09-29' }, '2025-09-30')).toBe(true);
    expect(isOverdue({ status: 'answered', dueOn: '2025-09-29' }, '2025-12-30')).toBe(false);
  });
});

describe('三个月未回复 (国办函〔2019〕80号 单项否决)', () => {
  it('counts calendar months from the first receipt, also for a message answered too late', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    const open = { status: 'transferred' as const, firstReceivedOn: '2025-09-09', answeredOn: null };
    expect(failsWebsiteInspection(open, '2025-12-09')).toBe(false);
    expect(failsWebsiteInspection(open, '2025-12-10')).toBe(true);
    expect(
      failsWebsiteInspection(
        { status: 'answered', firstReceivedOn: '2025-09-09', answeredOn: '2025-10-09' },
        '2026-05-01',
      ),
    ).toBe(false);
    expect(
      failsWebsiteInspection(
        { status: 'closed', firstReceivedOn: '2025-09-09', answeredOn: '2025-12-15' },
        '2026-05-01',
      ),
    ).toBe(true);
  });
});

describe('transitions and public data', () => {
  it('every status has a row; answered leads to closed by rating or close and back to assigned by a re-answer; closed is final', () => {
    for (const s of CONTACT_STATUSES) expect(CONTACT_TRANSITIONS[s]).toBeDefined();
    expect(nextStatus('registered', 'approve')).toBeNull();
    expect(nextStatus('reviewing', 'approve')).toBe('answered');
    expect(nextStatus('reviewing', 'transfer')).toBeNull();
    expect(nextStatus('answered', 'reanswer')).toBe('assigned');
    expect(nextStatus('closed', 'assign')).toBeNull();
  });
  it('tracking numbers and masks', () => {
    expect(trackingNoOf('complaint', 2025, 42)).toBe('TS2025-000042');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskContact('13912345678')).toBe('139****5678');
    expect(maskContact('wang@example.cn')).toBe('w***@example.cn');
  });
});
