import { describe, expect, it } from 'vitest';
import { buildLetter, DEFAULT_TEMPLATES, LETTER_KINDS } from './letter.ts';
import {
  ALLOWED_PLACEHOLDERS,
  approvalChainProblems,
  normaliseTemplate,
  parseTemplates,
  templateProblems,
} from './letter-template.ts';
import { noticesOwed } from './third-party-notice.ts';

describe('letter templates', () => {
  it('every default template uses only the placeholders allowed for its kind', () => {
    for (const kind of LETTER_KINDS) expect(templateProblems(kind, DEFAULT_TEMPLATES[kind])).toEqual([]);
  });

  it('an unknown placeholder is refused naming the paragraph and the allowed ones in Chinese', () => {
    const p = templateProblems('receipt', {
      title: '登记回执',
      paragraphs: ['{{applicant}}：', '您的申请已于{{receivedOn}}收到，缴费期限{{feeDueOn}}，{{ 姓名 }}'],
    });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ field: 'paragraphs.1', label: '正文第2段' });
    expect(p[0]!.message).toContain('{{feeDueOn}}');
    expect(p[0]!.message).toContain('{{ 姓名 }}');
    expect(p[0]!.message).toContain('{{registrationNo}}');
  });

  it('unbalanced braces, an empty title and no text are refused', () => {
    expect(templateProblems('reply', { title: ' ', paragraphs: ['见{{applicant}'] })).toEqual([
      { field: 'title', label: '标题', message: '不能为空' },
      expect.objectContaining({ field: 'paragraphs.0', message: expect.stringContaining('花括号须成对') }),
    ]);
    expect(templateProblems('reply', { title: '答复书', paragraphs: ['  '] })[0]).toMatchObject({
      label: '正文',
    });
  });

  it('R.32: the third-party disclosure notice may name the party, the content disclosed and the reason', () => {
    expect(ALLOWED_PLACEHOLDERS.third_party_disclosure).toEqual(
      expect.arrayContaining(['party', 'note', 'reason']),
    );
    const c = buildLetter('third_party_disclosure', DEFAULT_TEMPLATES.third_party_disclosure, {
      agencyName: '某局',
      reconsiderationBody: null,
      registrationNo: 'X-1',
      applicant: '张三',
      issuedOn: '2026-01-05',
      vars: { party: '某公司', note: '合同金额', reason: '涉及公共资金使用' },
      reconsiderationDays: 60,
      litigationMonths: 6,
    });
    expect(c.addressee).toBe('某公司');
    expect(c.paragraphs.join('')).toContain('第三十二条');
    expect(c.remedy).toContain('60日内');
  });

  it('stored overrides are parsed defensively and normalised', () => {
    expect(parseTemplates('{"receipt":{"title":"T","paragraphs":["a"]},"reply":{"title":1}}')).toEqual({
      receipt: { title: 'T', paragraphs: ['a'] },
    });
    expect(parseTemplates('not json')).toEqual({});
    expect(normaliseTemplate({ title: ' T ', paragraphs: [' a ', '', 'b'] })).toEqual({
      title: 'T',
      paragraphs: ['a', 'b'],
    });
  });

  it('approval chain: ordered known roles, no repeats, not only the unit head', () => {
    expect(approvalChainProblems(['unit_head', 'disclosure_office'])).toEqual([]);
    expect(approvalChainProblems(['unit_head', 'leader', 'principal'])).toEqual([]);
    for (const bad of [[], ['unit_head'], ['leader', 'leader'], ['drafter'], ['a', 'b', 'c', 'd', 'e']])
      expect(approvalChainProblems(bad)[0]).toMatchObject({ field: 'approvalChain', label: '审批环节' });
  });
});

describe('R.32 notice owed to an objecting third party', () => {
  const objecting = {
    id: 1,
    kind: 'third_party',
    party: '某公司',
    opinion: 'object',
    answeredOn: '2026-01-05',
  };
  it('owed when an item is disclosed (or partly) over the objection, until the notice is issued', () => {
    expect(noticesOwed([objecting], ['disclosed'], [])).toEqual([objecting]);
    expect(noticesOwed([objecting], ['partially_disclosed', 'withheld_third_party'], [])).toHaveLength(1);
    expect(
      noticesOwed([objecting], ['disclosed'], [{ kind: 'third_party_disclosure', addressee: '某公司' }]),
    ).toEqual([]);
  });
  it('not owed when nothing is disclosed, the party agreed or stayed silent, or it was another agency', () => {
    expect(noticesOwed([objecting], ['withheld_third_party'], [])).toEqual([]);
    expect(noticesOwed([{ ...objecting, opinion: 'agree' }], ['disclosed'], [])).toEqual([]);
    expect(noticesOwed([{ ...objecting, opinion: 'none' }], ['disclosed'], [])).toEqual([]);
    expect(noticesOwed([{ ...objecting, kind: 'inter_agency' }], ['disclosed'], [])).toEqual([]);
  });
});
