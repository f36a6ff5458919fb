/**
 * Agencies form a tree: region (地区) → government (人民政府) → department (部门) → internal unit
 * (股室/科室/中心). Supervising relations are explicit (a county 政务公开办 supervises its departments).
 */
export const AGENCY_KINDS = ['region', 'government', 'department', 'unit'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  region: '地区',
  government: '人民政府',
  department: '部门',
  unit: '内设机构',
};

/** Which parent kinds each kind may hang under (null = may be a root). */
const ALLOWED_PARENTS: Record<AgencyKind, readonly (AgencyKind | null)[]> = {
  region: [null, 'region'],
  government: ['region'],
  department: ['government', 'department'],
  unit: ['government', 'department', 'unit'],
};

export function isAllowedParent(kind: AgencyKind, parentKind: AgencyKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17
 * with weights 3^i mod 31 in the alphabet 0-9A-HJ-NPQRTUWXY (no I, O, Z, S, V).
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check] === code[17];
}

/**
 * 组织机构代码 (GB 11714-1997): 8 characters plus a check character, optionally written with a dash
 * (e.g. 0142768-8 is the 7-digit form seen on old index numbers, 00001434-9 the standard one).
 */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
export function isValidOrgCode(code: string): boolean {
  const c = code.replace('-', '');
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(c)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = c[i]!;
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  const check = r === 11 ? '0' : r === 10 ? 'X' : String(r);
  return check === c[8];
}

export function isValidOfficialCode(code: string): boolean {
  return isValidUscc(code) || isValidOrgCode(code);
}

/** Builds a valid USCC from its first 17 characters (used by demo and synthetic data). */
export function completeUscc(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Short codes are used in URLs (/a/<code>/): lower-case letters, digits and dashes. */
export const AGENCY_CODE_PATTERN = '^[a-z0-9][a-z0-9-]{1,39}$';

/** Builds a valid 9-character 组织机构代码 from its first 8 characters. */
export function completeOrgCode(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i]!;
    sum += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return first8 + (r === 11 ? '0' : r === 10 ? 'X' : String(r));
}

/** A valid 统一社会信用代码 for a government organ (登记管理部门 1, 机关 1) in a region. */
export function makeOrganUscc(regionCode: string, serial: number): string {
  const org = completeOrgCode(String(10_000_000 + serial).slice(-8));
  return completeUscc(`11${regionCode}${org}`);
}
