/**
 * The automatic pre-publication scan (docs/product.md §2.3 step 2, "the platform's own help"): personal
 * data and classification marks in the title, body and attachment text of an item. A finding blocks
 * publication unless the confidentiality review office records an override (《县司法局公开工作制度》 §9: "先审查，后公开").
 * Pure: no I/O, no clock.
 */
import { residentIdCheckChar } from '../shared/resident-id.ts';

export type FindingKind = 'resident_id' | 'mobile' | 'bank_card' | 'email' | 'classification_mark';

export const FINDING_LABELS: Record<FindingKind, string> = {
  resident_id: '居民身份证号码',
  mobile: '手机号码',
  bank_card: '银行卡号',
  email: '电子邮箱地址',
  classification_mark: '密级或内部标志',
};

export interface Finding {
  kind: FindingKind;
  label: string;
  /** which text was scanned: title, body, or `attachment:<name>` */
  field: string;
  /** UTF-16 offsets of the match in that text */
  start: number;
  end: number;
  /** the surrounding text with the matched value masked, safe to show to reviewers and log */
  excerpt: string;
}

/** GB/T 2260 province-level codes that begin a resident ID (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83). */
const ID_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

/** GB 11643-1999: an 18-character citizen ID number with a valid ISO 7064 MOD 11-2 check character and a real birth date. */
export function isValidResidentId(s: string, maxBirthYear = 2100): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  if (!ID_PROVINCES.has(Number(s.slice(0, 2)))) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || y > maxBirthYear || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return residentIdCheckChar(s) === s[17]!.toUpperCase();
}

/** ISO/IEC 7812 Luhn check, used by bank card numbers (UnionPay 62…, Visa 4…, Mastercard 5…). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

function mask(value: string): string {
  if (value.includes('@')) {
    const [user, domain] = value.split('@');
    return `${user!.slice(0, 1)}***@${domain}`;
  }
  if (value.length <= 4) return '*'.repeat(value.length);
  const keepHead = value.length >= 11 ? 3 : 1;
  return value.slice(0, keepHead) + '*'.repeat(value.length - keepHead - 4) + value.slice(-4);
}

function excerpt(text: string, start: number, end: number, kind: FindingKind): string {
  const before = text.slice(Math.max(0, start - 12), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + 12).replace(/\s+/g, ' ');
  const value = text.slice(start, end);
  const shown = kind === 'classification_mark' ? value : mask(value.replace(/[\s-]/g, ''));
  return `${start > 12 ? '…' : ''}${before}【${shown}】${after}${end + 12 < text.length ? '…' : ''}`;
}

const CJK = /[\u3400-\u9fff]/;
/** A mark stands alone (a header line, 【内部】, "秘密★10年"), not inside a phrase such as 商业秘密 or 内部控制. */
function standsAlone(text: string, start: number, end: number): boolean {
  const prev = start > 0 ? text[start - 1]! : '';
  const next = end < text.length ? text[end]! : '';
  return !CJK.test(prev) && (!CJK.test(next) || next === '★');
}

export interface ScanOptions {
  /** resident IDs with a birth year after this are implausible (defaults to 2100) */
  maxBirthYear?: number;
}

/** Scans one text. Digits runs are examined whole, so a 19-digit card number never also reports an 18-digit ID inside it. */
export function scanText(field: string, text: string, opts: ScanOptions = {}): Finding[] {
  const out: Finding[] = [];
  const add = (kind: FindingKind, start: number, end: number) =>
    out.push({
      kind,
      label: FINDING_LABELS[kind],
      field,
      start,
      end,
      excerpt: excerpt(text, start, end, kind),
    });

  // e-mail first, so digits inside an address are not reported again
  const emailSpans: [number, number][] = [];
  for (const m of text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    emailSpans.push([m.index, m.index + m[0].length]);
    add('email', m.index, m.index + m[0].length);
  }
  const inEmail = (i: number) => emailSpans.some(([a, b]) => i >= a && i < b);

  // runs of digits, optionally grouped by single spaces or hyphens (6222 0212 3456 7890 123)
  for (const m of text.matchAll(/(?<![\dA-Za-z])\d(?:[\d]|[ -](?=\d)){9,24}[\dXx]?(?![\dA-Za-z])/g)) {
    if (inEmail(m.index)) continue;
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const compact = raw.replace(/[ -]/g, '');
    if (/^\d{17}[\dXx]$/.test(compact) && isValidResidentId(compact, opts.maxBirthYear)) {
      add('resident_id', start, end);
    } else if (/^(?:\+?86)?1[3-9]\d{9}$/.test(compact) && !/ /.test(raw)) {
      add('mobile', start, end);
    } else if (/^[3-6]\d{15,18}$/.test(compact) && luhnValid(compact)) {
      add('bank_card', start, end);
    } else if (/^1[3-9]\d(?:[ -]\d{4}){2}$/.test(raw)) {
      add('mobile', start, end);
    }
  }

  for (const m of text.matchAll(/内部资料|★|(?:绝密|机密|秘密)(?=\s*★)|绝密|机密|秘密|内部/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0] === '内部资料' || m[0] === '★') add('classification_mark', start, end);
    else if (text[end] === '★' || /^\s*★/.test(text.slice(end, end + 3)))
      add('classification_mark', start, end);
    else if (standsAlone(text, start, end)) add('classification_mark', start, end);
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface ScanInput {
  title: string;
  /** 内容概述, shown on the public page */
  summary?: string | null;
  body: string;
  attachments?: { name: string; text: string }[];
}

/** Scans title, summary, body (as plain text) and each attachment's extracted text. */
export function scanItem(input: ScanInput, opts: ScanOptions = {}): Finding[] {
  return [
    ...scanText('title', input.title, opts),
    ...scanText('summary', input.summary ?? '', opts),
    ...scanText('body', input.body, opts),
    ...(input.attachments ?? []).flatMap((a) => scanText(`attachment:${a.name}`, a.text, opts)),
  ];
}

/**
 * A stable fingerprint of the findings: an override recorded by the review office is bound to it,
 * so editing the item to add new personal data invalidates the override.
 */
export function findingsFingerprint(findings: Finding[]): string {
  return findings
    .map((f) => `${f.field}|${f.kind}|${f.excerpt}`)
    .sort()
    .join('\n');
}
