/**
 * Pure parts of the applicant's side: idempotency keys and fingerprints, the sealed tracking code,
 * registration numbers as typed from paper, and file names in the masked view.
 */
import { describe, expect, it } from 'vitest';
import { normaliseRegistrationNo } from './application.ts';
import { applicantLines, buildLetter, DEFAULT_TEMPLATES, letterText, maskLetter } from './letter.ts';
import { maskFileName } from './request.presenter.ts';
import {
  isIdempotencyKey,
  openTrackingCode,
  sealTrackingCode,
  submissionFingerprint,
  submissionKeyHash,
} from './submission.ts';

describe('submitting once', () => {
  it('keys are 8–128 visible ASCII characters', () => {
    expect(isIdempotencyKey('c7a4d0a2-5b1e-4c39-9f0e-6a2b8f1d3e47')).toBe(true);
    expect(isIdempotencyKey('short')).toBe(false);
    expect(isIdempotencyKey('has space inside')).toBe(false);
    expect(isIdempotencyKey('x'.repeat(129))).toBe(false);
    expect(isIdempotencyKey(undefined)).toBe(false);
  });

  it('the fingerprint ignores key order but not content; API and portal keys never collide', () => {
    const a = submissionFingerprint({ b: 1, a: { y: [1, 2], x: null } });
    expect(submissionFingerprint({ a: { x: null, y: [1, 2] }, b: 1 })).toBe(a);
    expect(submissionFingerprint({ a: { x: null, y: [2, 1] }, b: 1 })).not.toBe(a);
    expect(submissionFingerprint({ b: 1, a: { y: [1, 2], x: null } }, ['f1'])).not.toBe(a);
    expect(submissionKeyHash('api', 'k-12345678')).not.toBe(submissionKeyHash('portal', 'k-12345678'));
  });

  it('the tracking code opens only with the key it was sealed with', () => {
    const sealed = sealTrackingCode('api', 'key-one-123', 'ABCDEFGHJK');
    expect(sealed).not.toContain('ABCDEFGHJK');
    expect(openTrackingCode('api', 'key-one-123', sealed)).toBe('ABCDEFGHJK');
    expect(openTrackingCode('api', 'key-two-123', sealed)).toBeNull();
    expect(openTrackingCode('portal', 'key-one-123', sealed)).toBeNull();
  });
});

describe('what the applicant types and sees', () => {
  it('registration numbers from paper: upper case, full-width characters, spaces and long dashes', () => {
    expect(normaliseRegistrationNo('SFJ-2026-000123')).toBe('sfj-2026-000123');
    expect(normaliseRegistrationNo(' ＳＦＪ－２０２６－０００１２３ ')).toBe('sfj-2026-000123');
    expect(normaliseRegistrationNo('sfj—2026—000 123')).toBe('sfj-2026-000123');
  });

  it('masked file names: identity numbers keep 3 + 2 characters, the applicant name is masked', () => {
    const a = { applicantName: '李秀英', legalRepresentative: null, contactPerson: null };
    expect(maskFileName('李秀英11010519491231002X身份证.png', a)).toBe('李**110*************2X身份证.png');
    expect(maskFileName('电话13912345678.pdf', a)).toBe('电话139******78.pdf');
    // short numbers (years, document numbers) stay readable
    expect(maskFileName('2025年第3号答复.pdf', a)).toBe('2025年第3号答复.pdf');
  });

  it('letters to the applicant name the applicant and the address served; masking hides both; third-party letters carry neither', () => {
    const facts = {
      agencyName: '某县司法局',
      reconsiderationBody: null,
      registrationNo: 'sfj-2026-000001',
      applicant: '李秀英',
      applicantAddress: '昆明市五华区人民中路18号',
      issuedOn: '2026-03-02',
      vars: { receivedOn: '2026-03-02' },
      requested: [{ seq: 1, description: '法律援助统计', title: null, docNo: '司发〔2025〕3号' }],
      reconsiderationDays: 60,
      litigationMonths: 6,
    };
    const receipt = buildLetter('receipt', DEFAULT_TEMPLATES.receipt, facts);
    expect(applicantLines(receipt)).toEqual(['申请人：李秀英', '通信地址：昆明市五华区人民中路18号']);
    expect(letterText(receipt)).toEqual(
      expect.arrayContaining(['申请事项一：法律援助统计', '文号或索引号：司发〔2025〕3号']),
    );
    const masked = letterText(maskLetter(receipt, '李**', '昆明市五华区***')).join('\n');
    expect(masked).not.toContain('李秀英');
    expect(masked).not.toContain('人民中路');
    const third = buildLetter('third_party_consultation', DEFAULT_TEMPLATES.third_party_consultation, {
      ...facts,
      vars: { party: '某公司' },
    });
    expect(applicantLines(third)).toEqual([]);
    expect(letterText(third).join('\n')).not.toContain('人民中路');
  });
});
