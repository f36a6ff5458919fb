import { describe, expect, it } from 'vitest';
import { isValidResidentId, luhnValid, scanItem, scanText } from './sensitive-scan.ts';

// GB 11643-1999 sample number (valid MOD 11-2 check character 'X')
const ID = '11010519491231002X';
const kinds = (text: string) => scanText('body', text).map((f) => f.kind);

describe('resident ID numbers (GB 11643; docs/product.md §2.3 automated scan)', () => {
  it('accepts a valid 18-digit number and rejects a wrong check digit', () => {
    expect(isValidResidentId(ID)).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
  });
  it('rejects an impossible birth date or an unknown province code', () => {
    // check digit recomputed would not matter: the date 1949-02-30 does not exist
    expect(isValidResidentId('110105194902300021')).toBe(false);
    expect(isValidResidentId('99010519491231002X')).toBe(false);
  });
  it('true positive: an ID in running text is found and masked in the excerpt', () => {
    const f = scanText('body', `申请人张三，身份证号${ID}，住址某县。`);
    expect(f).toHaveLength(1);
    expect(f[0]!.kind).toBe('resident_id');
    expect(f[0]!.excerpt).not.toContain(ID);
    expect(f[0]!.excerpt).toContain('110***********002X');
    expect(f[0]!.start).toBe(10);
  });
  it('false positive avoided: an 18-digit number with an invalid checksum is not an ID', () => {
    expect(kinds('合同编号110105194912310021，金额若干。')).toEqual([]);
  });
});

describe('mobile numbers, bank cards, e-mail', () => {
  it('finds mainland mobile numbers, also grouped, but not landlines or 11-digit serials starting 12', () => {
    expect(kinds('联系电话13812345678')).toEqual(['mobile']);
    expect(kinds('电话 138-1234-5678')).toEqual(['mobile']);
    expect(kinds('电话0596-2345678')).toEqual([]);
    expect(kinds('编号12812345678')).toEqual([]);
  });
  it('finds a Luhn-valid card number (also in groups of four) and ignores a Luhn-invalid one', () => {
    expect(luhnValid('6222021234567890128')).toBe(true);
    expect(kinds('账号6222021234567890128')).toEqual(['bank_card']);
    expect(kinds('账号 6222 0212 3456 7890 128')).toEqual(['bank_card']);
    expect(kinds('账号6222021234567890123')).toEqual([]);
  });
  it('finds e-mail addresses and masks them', () => {
    const f = scanText('body', '来信请寄 zhangsan@example.com 谢谢');
    expect(f.map((x) => x.kind)).toEqual(['email']);
    expect(f[0]!.excerpt).toContain('z***@example.com');
  });
});

describe('classification marks (《县局政务公开制度汇编》: declassified items must carry no marks)', () => {
  it('flags ★, 秘密★ and a standalone 内部 header, and 内部资料 anywhere', () => {
    expect(kinds('秘密★10年\n关于某事项的通知')).toContain('classification_mark');
    expect(kinds('【内部】会议纪要')).toEqual(['classification_mark']);
    expect(kinds('本文为内部资料，注意保存')).toEqual(['classification_mark']);
    expect(kinds('绝密 文件')).toEqual(['classification_mark']);
  });
  it('does not flag legal phrases such as 商业秘密, 国家秘密 or 内部控制', () => {
    expect(kinds('涉及商业秘密、个人隐私的，不予公开；属于国家秘密的除外。加强内部控制。')).toEqual([]);
  });
});

describe('scanItem covers title, body and attachment text', () => {
  it('reports the field of each finding', () => {
    const f = scanItem({
      title: '关于13812345678的通知',
      body: '正文',
      attachments: [{ name: '名单.xlsx', text: `张三 ${ID}` }],
    });
    expect(f.map((x) => `${x.field}:${x.kind}`)).toEqual([
      'title:mobile',
      'attachment:名单.xlsx:resident_id',
    ]);
  });
  it('a clean notice has no findings', () => {
    expect(
      scanItem({
        title: '关于印发2025年政务公开工作要点的通知',
        body: '各股室：现将工作要点印发给你们，请认真贯彻落实。电话：0596-6543210',
      }),
    ).toEqual([]);
  });
});
