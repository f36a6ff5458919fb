import { describe, expect, it } from 'vitest';
import { DISPOSITION_CODES } from './disposition.ts';
import {
  buildLetter,
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  type LetterFacts,
  type LetterItem,
  letterText,
  tidyPunctuation,
} from './letter.ts';
import { SAMPLE_VARS } from './letter-template.ts';

const DOUBLED = ['。，', '，。', '。。', '，，', '《《', '》》'];

/** Values as staff actually type them: whole sentences with their own full stop, titles already in 《》. */
const TYPED_VARS: LetterFacts['vars'] = {
  ...SAMPLE_VARS,
  reason: '所申请信息涉及多个部门，需要调取档案核查，预计在法定期限内无法答复。',
  note: '请写明所需信息的年度和文号。',
  feeLines: '第11件至第20件，每件100元。',
  party: '某某科技有限公司',
};

function item(seq: number, code: (typeof DISPOSITION_CODES)[number]): LetterItem {
  return {
    seq,
    description: '2025年城区道路改造项目的招标文件。',
    title: '《关于城区道路改造项目招标的公告》',
    docNo: '（某建〔2025〕12号）',
    disposition: code,
    legalBasis: '《中华人民共和国政府信息公开条例》第三十七条。',
    reasons: '涉及个人隐私，公开会对第三方合法权益造成损害。',
    withheld: '投标人联系人的姓名和电话。',
    holdingAgency: '县自然资源局。',
    holdingContact: '0871-1234567。',
    howToObtain: '随本答复书邮寄纸质复印件。',
  };
}

function facts(): LetterFacts {
  return {
    agencyName: '某县住房和城乡建设局',
    reconsiderationBody: '某县人民政府',
    registrationNo: 'ZJ-2026-000001',
    applicant: '张某某',
    applicantAddress: '某县某路1号',
    issuedOn: '2026-03-10',
    vars: TYPED_VARS,
    items: DISPOSITION_CODES.map((code, i) => item(i + 1, code)),
    requested: [{ seq: 1, description: '招标文件', title: '《招标公告》', docNo: null }],
    reconsiderationDays: 60,
    litigationMonths: 6,
  };
}

describe('letters read as 公文 (GB/T 9704 layout, GB/T 15834 punctuation)', () => {
  it.each(LETTER_KINDS)('%s: no doubled punctuation where typed values meet the template', (kind) => {
    const text = letterText(buildLetter(kind, DEFAULT_TEMPLATES[kind], facts())).join('\n');
    for (const bad of DOUBLED) expect(text, `${kind} contains ${bad}`).not.toContain(bad);
  });

  it('the extension notice (R.33 ¶2) reads "…无法答复，本机关不能…", keeping the template\'s comma', () => {
    const c = buildLetter('extension', DEFAULT_TEMPLATES.extension, facts());
    expect(c.paragraphs[1]).toContain('预计在法定期限内无法答复，本机关不能在规定期限内作出答复。');
  });

  it("a reply names each item's title once in 《》 and its document number once in （）", () => {
    const c = buildLetter('reply', DEFAULT_TEMPLATES.reply, facts());
    expect(c.items[0]!.heading).toBe(
      '一、关于“2025年城区道路改造项目的招标文件”《关于城区道路改造项目招标的公告》（某建〔2025〕12号）',
    );
    const partial = c.items[DISPOSITION_CODES.indexOf('partially_disclosed')]!;
    expect(partial.lines).toContain('获取方式：随本答复书邮寄纸质复印件。');
    expect(partial.lines).toContain('不予公开的部分：投标人联系人的姓名和电话。');
  });

  it('reasons and ways of obtaining end as sentences even when typed without a full stop', () => {
    const c = buildLetter('reply', DEFAULT_TEMPLATES.reply, {
      ...facts(),
      items: [{ ...item(1, 'disclosed'), reasons: '依法公开', howToObtain: '到本机关政务服务窗口领取' }],
    });
    expect(c.items[0]!.lines).toEqual(
      expect.arrayContaining(['理由：依法公开。', '获取方式：到本机关政务服务窗口领取。']),
    );
  });

  it('tidyPunctuation keeps the last clause mark, never turns a question into a statement', () => {
    expect(tidyPunctuation('答复。，本机关')).toBe('答复，本机关');
    expect(tidyPunctuation('理由：涉及隐私。。')).toBe('理由：涉及隐私。');
    expect(tidyPunctuation('某某，，某某，。')).toBe('某某，某某。');
    expect(tidyPunctuation('是否公开？。')).toBe('是否公开？');
    expect(tidyPunctuation('见附件.，另')).toBe('见附件，另');
    expect(tidyPunctuation('《《条例》》')).toBe('《条例》');
    // ordinary text, decimals and ellipses are left alone
    expect(tidyPunctuation('收费1.5元，共20件……完毕。')).toBe('收费1.5元，共20件……完毕。');
  });
});
