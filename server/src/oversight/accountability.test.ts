/** The pure rules of accountability cases (《区督查问责办法》第八条至第十三条). */
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  decisionInForce,
  factsFromTrail,
  nextCaseStatus,
  responsibilityShare,
  REVIEW_REQUEST_DAYS,
  reviewDueOn,
  reviewRequestInTime,
  SANCTIONS,
  sanctionAllowed,
  splitResponsibility,
  VIOLATION_KINDS,
} from './accountability.ts';

describe('violation catalog', () => {
  it('has the unit-level and individual kinds, each citing its article', () => {
    const unit = VIOLATION_KINDS.filter((k) => k.level === 'unit');
    const person = VIOLATION_KINDS.filter((k) => k.level === 'individual');
    expect(unit.length).toBeGreaterThanOrEqual(8);
    expect(person).toHaveLength(6);
    expect(unit.map((k) => k.label)).toContain('违反规定收取费用');
    expect(unit.find((k) => k.code === 'no_proactive')!.basis).toContain('《政府信息公开条例》第五十三条');
    expect(person.every((k) => k.basis.includes('第九条'))).toBe(true);
    expect(new Set(VIOLATION_KINDS.map((k) => k.code)).size).toBe(VIOLATION_KINDS.length);
  });
});

describe('responsibility split (《区督查问责办法》第十条)', () => {
  const persons = [
    { id: 1, role: 'handler' as const },
    { id: 2, role: 'approving_leader' as const },
    { id: 3, role: 'principal' as const },
    { id: 4, role: 'leader_in_charge' as const },
  ];
  const shares = (mode: Parameters<typeof splitResponsibility>[0]) =>
    splitResponsibility(mode, persons).map((p) => [p.id, p.share]);

  it('without the leader’s approval the handler bears all', () => {
    expect(shares('handler_alone')).toEqual([
      [1, 'all'],
      [2, 'none'],
      [3, 'none'],
      [4, 'none'],
    ]);
    expect(responsibilityShare('handler_alone', 'handler').basis).toBe('《区督查问责办法》第十条第（一）项');
  });

  it('with the leader’s approval the leader bears the main and the handler the secondary responsibility', () => {
    expect(shares('leader_approved')).toEqual([
      [1, 'secondary'],
      [2, 'main'],
      [3, 'none'],
      [4, 'none'],
    ]);
    expect(responsibilityShare('leader_approved', 'approving_leader').basis).toContain('第（二）项');
  });

  it('decided collectively: the principal main, the leader in charge and the handler secondary', () => {
    expect(shares('collective')).toEqual([
      [1, 'secondary'],
      [2, 'none'],
      [3, 'main'],
      [4, 'secondary'],
    ]);
    expect(responsibilityShare('collective', 'principal').basis).toContain('第（三）项');
  });
});

describe('sanctions by severity (第十一条)', () => {
  it('allows a sanction only at its severity or above, and only for its target', () => {
    expect(sanctionAllowed('admonition', 'minor', 'person')).toBe(true);
    expect(sanctionAllowed('circulated_criticism', 'minor', 'person')).toBe(false);
    expect(sanctionAllowed('circulated_criticism', 'affected', 'unit')).toBe(true);
    expect(sanctionAllowed('removal', 'affected', 'person')).toBe(false);
    expect(sanctionAllowed('removal', 'serious', 'person')).toBe(true);
    expect(sanctionAllowed('judiciary', 'serious', 'person')).toBe(false);
    expect(sanctionAllowed('judiciary', 'criminal', 'person')).toBe(true);
    expect(sanctionAllowed('admonition', 'criminal', 'unit')).toBe(false);
    expect(sanctionAllowed('nope', 'criminal', 'person')).toBe(false);
    expect(SANCTIONS.map((s) => s.label)).toContain('移送司法机关处理');
  });
});

describe('case steps (第十三条)', () => {
  it('goes opened → investigating → statement → decided → review → closed, and nothing else', () => {
    expect(nextCaseStatus('opened', 'investigate')).toBe('investigating');
    expect(nextCaseStatus('investigating', 'record_statement')).toBe('statement_recorded');
    expect(nextCaseStatus('statement_recorded', 'decide')).toBe('decided');
    expect(nextCaseStatus('decided', 'request_review')).toBe('review_requested');
    expect(nextCaseStatus('review_requested', 'decide_review')).toBe('review_decided');
    expect(nextCaseStatus('review_decided', 'close')).toBe('closed');
    expect(nextCaseStatus('decided', 'close')).toBe('closed');
    // no decision before the person was heard
    expect(nextCaseStatus('investigating', 'decide')).toBeNull();
    expect(nextCaseStatus('opened', 'decide')).toBeNull();
    expect(nextCaseStatus('review_requested', 'close')).toBeNull();
    for (const s of CASE_STATUSES)
      if (s !== 'decided' && s !== 'review_decided') expect(nextCaseStatus(s, 'close')).toBeNull();
  });

  it('keeps the decision in force during review, and not after it was revoked', () => {
    expect(decisionInForce('review_requested', null)).toBe(true);
    expect(decisionInForce('review_decided', 'upheld')).toBe(true);
    expect(decisionInForce('review_decided', 'revoked')).toBe(false);
    expect(decisionInForce('investigating', null)).toBe(false);
  });

  it('the review is asked within the period from delivery', () => {
    expect(REVIEW_REQUEST_DAYS).toBe(15);
    expect(reviewDueOn('2026-11-20')).toBe('2026-12-05');
    expect(reviewDueOn('2026-12-25')).toBe('2027-01-09');
    expect(reviewRequestInTime('2026-11-20', '2026-12-05')).toBe(true);
    expect(reviewRequestInTime('2026-11-20', '2026-12-06')).toBe(false);
  });
});

describe('facts from the audit trail', () => {
  it('names the drafter and the approving leader and suggests the decision mode', () => {
    const f = factsFromTrail('information_item', [
      { action: 'item.created', actorUserId: 7, actorLabel: '张三（zs）' },
      { action: 'item.submitted', actorUserId: 7, actorLabel: '张三（zs）' },
      { action: 'item.leader_approve', actorUserId: 9, actorLabel: '李四（ls）' },
    ]);
    expect(f).toEqual({
      drafterUserId: 7,
      drafterLabel: '张三（zs）',
      approverUserId: 9,
      approverLabel: '李四（ls）',
      suggestedMode: 'leader_approved',
    });
    expect(factsFromTrail('request_application', []).suggestedMode).toBe('handler_alone');
  });
});
