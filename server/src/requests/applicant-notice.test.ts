import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTICE_TEMPLATES,
  NOTICE_KINDS,
  NOTICE_OF_LETTER,
  noticeChannel,
  parseDisabled,
  renderNotice,
  unknownNoticePlaceholders,
} from './applicant-notice.ts';

const facts = {
  agency: '云岭县司法局',
  registrationNo: 'YLSFJ-2026-0007',
  trackUrl: 'https://gk.example.gov.cn/track',
};

describe('notices to applicants (templates)', () => {
  it('every kind has a template using only the allowed placeholders, with the registration number and the tracking link', () => {
    for (const k of NOTICE_KINDS) {
      const t = DEFAULT_NOTICE_TEMPLATES[k];
      expect(unknownNoticePlaceholders(t), k).toEqual([]);
      const text = renderNotice(t, facts);
      expect(text).toContain('YLSFJ-2026-0007');
      expect(text).toContain('https://gk.example.gov.cn/track');
      expect(text).toContain('云岭县司法局');
      expect(text).not.toMatch(/\{\{/);
    }
  });

  it('personal placeholders are refused; unknown ones are left visible rather than filled', () => {
    expect(unknownNoticePlaceholders('{{applicant}}您好，{{ registrationNo }}，{{idNumber}}')).toEqual([
      'applicant',
      'idNumber',
    ]);
    expect(renderNotice('{{applicant}} {{registrationNo}}', facts)).toBe('{{applicant}} YLSFJ-2026-0007');
  });

  it('the letters that mark a step; third-party letters earn no notice', () => {
    expect(NOTICE_OF_LETTER).toEqual({
      receipt: 'registered',
      correction: 'correction',
      fee_notice: 'fee_notice',
      extension: 'extension',
      reply: 'reply_ready',
    });
    expect(NOTICE_OF_LETTER.third_party_consultation).toBeUndefined();
  });

  it('e-mail when an address is given, else SMS, else nothing; stored switches read defensively', () => {
    expect(noticeChannel({ email: ' a@b.cn ', phone: '139' })).toEqual({
      channel: 'email',
      recipient: 'a@b.cn',
    });
    expect(noticeChannel({ email: null, phone: '13912345678' })).toEqual({
      channel: 'sms',
      recipient: '13912345678',
    });
    expect(noticeChannel({ email: '', phone: '' })).toBeNull();
    expect(parseDisabled('["reply_ready","bogus"]')).toEqual(['reply_ready']);
    expect(parseDisabled('not json')).toEqual([]);
    expect(parseDisabled(null)).toEqual([]);
  });
});
