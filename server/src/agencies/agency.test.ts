import { describe, expect, it } from 'vitest';
import {
  completeOrgCode,
  completeUscc,
  isAllowedParent,
  isValidOfficialCode,
  isValidOrgCode,
  isValidUscc,
  makeOrganUscc,
} from './agency.ts';
import { LOCAL_15_15, parseRules, REGULATION_2019 } from './rule-profile.ts';

describe('official codes', () => {
  it('GB 32100-2015: accepts valid 统一社会信用代码 and rejects a wrong check character', () => {
    const code = completeUscc('11532999MB1234567');
    expect(isValidUscc(code)).toBe(true);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(isValidUscc(wrong)).toBe(false);
    expect(isValidUscc('91350100M000100Y43')).toBe(true); // a published example
    expect(isValidUscc('91350100M000100Y4I')).toBe(false); // I is not in the alphabet
  });
  it('GB 11714-1997: accepts valid 组织机构代码 with or without the dash', () => {
    const c = completeOrgCode('00001434');
    expect(isValidOrgCode(c)).toBe(true);
    expect(isValidOrgCode(`${c.slice(0, 8)}-${c[8]}`)).toBe(true);
    expect(isValidOrgCode(`${c.slice(0, 8)}${c[8] === '1' ? '2' : '1'}`)).toBe(false);
  });
  it('generated organ codes are valid and distinct', () => {
    const a = makeOrganUscc('532999', 1);
    const b = makeOrganUscc('532999', 2);
    expect(isValidOfficialCode(a) && isValidOfficialCode(b)).toBe(true);
    expect(a).not.toBe(b);
    expect(a.startsWith('11532999')).toBe(true);
  });
});

describe('agency tree rules', () => {
  it('a department hangs under a government, a unit under a department, never the reverse', () => {
    expect(isAllowedParent('department', 'government')).toBe(true);
    expect(isAllowedParent('unit', 'department')).toBe(true);
    expect(isAllowedParent('government', 'department')).toBe(false);
    expect(isAllowedParent('department', null)).toBe(false);
    expect(isAllowedParent('region', null)).toBe(true);
  });
});

describe('rule profiles', () => {
  it('R.33: the 2019 Regulation is 20 + 20 working days; R.30 correction notice 7; R.32/R.34 consultations 15', () => {
    expect([
      REGULATION_2019.replyDays,
      REGULATION_2019.extensionDays,
      REGULATION_2019.correctionNoticeDays,
    ]).toEqual([20, 20, 7]);
    expect([
      REGULATION_2019.thirdPartyDays,
      REGULATION_2019.interAgencyDays,
      REGULATION_2019.proactivePublishDays,
    ]).toEqual([15, 15, 20]);
  });
  it('《县局政务公开制度汇编》: the older local regime of 15 + 15 working days is expressible', () => {
    expect([LOCAL_15_15.replyDays, LOCAL_15_15.extensionDays]).toEqual([15, 15]);
    expect(LOCAL_15_15.correctionNoticeDays).toBe(7);
  });
  it('stored rules are merged over the defaults, so a new rule never reads as undefined', () => {
    const r = parseRules(JSON.stringify({ replyDays: 15 }));
    expect(r.replyDays).toBe(15);
    expect(r.feePerVolumeTiers).toEqual(REGULATION_2019.feePerVolumeTiers);
    expect(parseRules('not json').replyDays).toBe(20);
  });
});
