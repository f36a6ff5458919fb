/**
 * Letters (告知书 / 答复书, docs/product.md §3.4): built from editable templates with {{placeholders}} and
 * the case's facts. Every letter carries the agency's name, the registration number, the applicant,
 * the request, the decision, the article cited, the remedy clause (行政复议 within 60 days, 行政诉讼
 * within 6 months) where a decision is made, and the date. Pure.
 */
import { formatDateZh } from '../shared/dates.ts';
import { type DispositionCode, dispositionDef } from './disposition.ts';

export const LETTER_KINDS = [
  'receipt',
  'correction',
  'extension',
  'third_party_consultation',
  'third_party_disclosure',
  'fee_notice',
  'reply',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export interface LetterTemplate {
  title: string;
  paragraphs: string[];
}

export const DEFAULT_TEMPLATES: Record<LetterKind, LetterTemplate> = {
  receipt: {
    title: '政府信息公开申请登记回执',
    paragraphs: [
      '{{applicant}}：',
      '本机关已收到您提交的政府信息公开申请，登记号为 {{registrationNo}}，查询码请妥善保管。',
      '收到申请日期：{{receivedOn}}。本机关将依照《中华人民共和国政府信息公开条例》第三十三条的规定，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，将另行告知。',
      '您可以凭登记号和查询码在网上查询办理进度。',
    ],
  },
  correction: {
    title: '政府信息公开申请补正告知书',
    paragraphs: [
      '{{applicant}}：',
      '本机关于{{receivedOn}}收到您的政府信息公开申请（登记号 {{registrationNo}}）。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您作如下补正：{{note}}',
      '请于{{correctionDueOn}}前提交补正材料。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ],
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    paragraphs: [
      '{{applicant}}：',
      '本机关于{{receivedOn}}收到您的政府信息公开申请（登记号 {{registrationNo}}）。因{{reason}}，本机关不能在规定期限内作出答复。经政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长{{extensionDays}}个工作日，本机关将于{{dueOn}}前作出答复。',
    ],
  },
  third_party_consultation: {
    title: '政府信息公开第三方意见征询函',
    paragraphs: [
      '{{party}}：',
      '本机关收到政府信息公开申请（登记号 {{registrationNo}}），申请公开的政府信息可能涉及贵方的商业秘密、个人隐私等合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。',
      '请于{{consultationDueOn}}前（自收到本函之日起15个工作日内）书面提出意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
    ],
  },
  third_party_disclosure: {
    title: '政府信息公开告知书（第三方）',
    paragraphs: [
      '{{party}}：',
      '本机关就政府信息公开申请（登记号 {{registrationNo}}）征求了贵方意见。本机关认为不公开可能对公共利益造成重大影响，根据《中华人民共和国政府信息公开条例》第三十二条的规定，决定予以公开。公开的政府信息内容：{{note}}。理由：{{reason}}。',
    ],
  },
  fee_notice: {
    title: '政府信息公开信息处理费收费通知书',
    paragraphs: [
      '{{applicant}}：',
      '您的政府信息公开申请（登记号 {{registrationNo}}）申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》的规定，本机关{{feeMethod}}收取信息处理费，计费明细：{{feeLines}}，应缴金额{{feeAmount}}元。',
      '请于{{feeDueOn}}前（自收到本通知次日起20个工作日内）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。收费通知发出至缴费之日不计入答复期限。',
    ],
  },
  reply: {
    title: '政府信息公开申请答复书',
    paragraphs: [
      '{{applicant}}：',
      '本机关于{{receivedOn}}收到您的政府信息公开申请（登记号 {{registrationNo}}）。经审查，现答复如下：',
    ],
  },
};

export interface LetterItem {
  seq: number;
  description: string;
  title: string | null;
  docNo: string | null;
  disposition: DispositionCode;
  legalBasis: string | null;
  reasons: string | null;
  withheld: string | null;
  holdingAgency: string | null;
  holdingContact: string | null;
  howToObtain: string | null;
}

export interface RequestedItem {
  seq: number;
  description: string;
  title: string | null;
  docNo: string | null;
}

export interface LetterFacts {
  agencyName: string;
  /** the body that hears reconsideration (行政复议机关); generic wording when unknown */
  reconsiderationBody: string | null;
  registrationNo: string;
  applicant: string;
  /** the applicant's postal address and code, printed under the name on letters to the applicant */
  applicantAddress?: string | null;
  issuedOn: string;
  vars: Record<string, string | number | null | undefined>;
  items?: LetterItem[];
  /** what was asked (R.29 ¶1(二)), listed on the receipt */
  requested?: RequestedItem[];
  reconsiderationDays: number;
  litigationMonths: number;
}

export interface LetterContent {
  kind: LetterKind;
  title: string;
  agencyName: string;
  registrationNo: string;
  applicant: string;
  /**
   * The applicant's address as served (absent on letters stored before it was recorded, and on
   * letters to a third party); the staff copy and the applicant's download carry it in full.
   */
  applicantAddress?: string | null;
  paragraphs: string[];
  /** the decision per request item (reply letters) */
  items: { heading: string; lines: string[] }[];
  remedy: string | null;
  issuedOn: string;
  /** the third party a third-party letter is addressed to (R.32); absent on letters to the applicant */
  addressee?: string | null;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export function fill(template: string, vars: Record<string, string | number | null | undefined>): string {
  return template.replace(PLACEHOLDER, (_m, k: string) => {
    const v = vars[k];
    return v === null || v === undefined || v === '' ? '——' : String(v);
  });
}

/** Marks that end or split a clause; two of them side by side never read as 公文 (GB/T 15834). */
const CLAUSE_MARKS = '。，；、：！？';
const CLAUSE_RUN = new RegExp(
  `[${CLAUSE_MARKS}][${CLAUSE_MARKS}.,;:]*[${CLAUSE_MARKS}]|[.,;:]+(?=[${CLAUSE_MARKS}])`,
  'g',
);

/**
 * Punctuation where a filled-in value meets the template: "因{{reason}}，本机关…" with a reason that
 * ends in "。" would read "…答复。，本机关". A run of clause marks keeps the mark the template wrote
 * (the last), except that a question or exclamation mark is not turned into a full stop; a western
 * mark typed at the end of a value gives way to the Chinese one. Doubled 《《 》》 “ ” collapse.
 */
export function tidyPunctuation(text: string): string {
  return text
    .replace(CLAUSE_RUN, (run) => {
      const last = run.at(-1)!;
      // only western marks, followed by the template's Chinese mark (the lookahead): drop them
      if (!CLAUSE_MARKS.includes(last)) return '';
      const strong = [...run].reverse().find((ch) => ch === '？' || ch === '！');
      return last === '。' && strong ? strong : last;
    })
    .replace(/《{2,}/g, '《')
    .replace(/》{2,}/g, '》')
    .replace(/“{2,}/g, '“')
    .replace(/”{2,}/g, '”');
}

/** A value used as a sentence of its own ends with a full stop (unless it already ends with a mark). */
function sentence(s: string): string {
  const t = s.trim();
  return /[。！？…]$/.test(t) ? t : `${t}。`;
}

/** A value that will be wrapped in the given marks, without the marks the user may have typed. */
function unwrap(s: string, open: string, close: string): string {
  const t = s.trim();
  return t.startsWith(open) && t.endsWith(close) && t.length > 1 ? t.slice(1, -1).trim() : t;
}

const ZH_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function zhIndex(n: number): string {
  return n <= 10 ? ZH_NUM[n - 1]! : String(n);
}

/** The decision on one item, as the reply letter states it (R.36–R.39). */
export function itemLines(i: LetterItem): { heading: string; lines: string[] } {
  const def = dispositionDef(i.disposition);
  const subject = [
    i.title ? `《${unwrap(i.title, '《', '》')}》` : null,
    i.docNo ? `（${unwrap(unwrap(i.docNo, '（', '）'), '(', ')')}）` : null,
  ]
    .filter(Boolean)
    .join('');
  const lines = [`处理结果：${def.label}。${def.decisionText}`];
  if (i.withheld) lines.push(`不予公开的部分：${i.withheld}。`);
  if (i.reasons) lines.push(`理由：${sentence(i.reasons)}`);
  if (i.holdingAgency)
    lines.push(
      `该政府信息由${i.holdingAgency}掌握${i.holdingContact ? `，联系方式：${i.holdingContact}` : ''}，请您向其咨询或申请。`,
    );
  if (i.howToObtain) lines.push(`获取方式：${sentence(i.howToObtain)}`);
  lines.push(`依据：${i.legalBasis?.trim() || def.basis}。`);
  return {
    heading: tidyPunctuation(
      `${zhIndex(i.seq)}、关于“${unwrap(i.description, '“', '”').replace(/[。，；、]+$/, '')}”${subject}`,
    ),
    lines: lines.map(tidyPunctuation),
  };
}

/** One requested item as the receipt lists it: what was asked, by the applicant's own words (R.29). */
export function requestedLines(i: RequestedItem): { heading: string; lines: string[] } {
  const lines: string[] = [];
  if (i.title) lines.push(`信息名称：${i.title}`);
  if (i.docNo) lines.push(`文号或索引号：${i.docNo}`);
  return { heading: `申请事项${zhIndex(i.seq)}：${i.description}`, lines };
}

/** The lines naming the applicant on a letter to the applicant: who asked, and where it is served. */
export function applicantLines(c: LetterContent): string[] {
  if (c.addressee !== undefined || c.applicantAddress === undefined) return [];
  return [`申请人：${c.applicant}`, ...(c.applicantAddress ? [`通信地址：${c.applicantAddress}`] : [])];
}

/** 行政复议法 art. 20 (60 days) and 行政诉讼法 art. 46 (6 months). */
export function remedyClause(
  f: Pick<LetterFacts, 'reconsiderationBody' | 'reconsiderationDays' | 'litigationMonths'>,
): string {
  const body = f.reconsiderationBody ? `向${f.reconsiderationBody}` : '依法';
  return `如对本答复不服，可以自收到本答复之日起${f.reconsiderationDays}日内${body}申请行政复议，或者自收到本答复之日起${f.litigationMonths}个月内依法向人民法院提起行政诉讼。`;
}

/** Kinds that carry a decision and therefore the remedy clause. */
const DECISION_KINDS: readonly LetterKind[] = ['reply', 'third_party_disclosure'];
/** Kinds addressed to a third party rather than to the applicant. */
export const THIRD_PARTY_KINDS: readonly LetterKind[] = [
  'third_party_consultation',
  'third_party_disclosure',
];

export function buildLetter(kind: LetterKind, template: LetterTemplate, f: LetterFacts): LetterContent {
  const vars = {
    agency: f.agencyName,
    registrationNo: f.registrationNo,
    applicant: f.applicant,
    ...Object.fromEntries(
      Object.entries(f.vars).map(([k, v]) =>
        typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? [k, formatDateZh(v)] : [k, v],
      ),
    ),
  };
  return {
    kind,
    title: template.title,
    agencyName: f.agencyName,
    registrationNo: f.registrationNo,
    applicant: f.applicant,
    ...(THIRD_PARTY_KINDS.includes(kind) ? {} : { applicantAddress: f.applicantAddress ?? null }),
    paragraphs: template.paragraphs.map((p) => tidyPunctuation(fill(p, vars))),
    items:
      kind === 'reply'
        ? (f.items ?? []).map(itemLines)
        : kind === 'receipt'
          ? (f.requested ?? []).map(requestedLines)
          : [],
    remedy: DECISION_KINDS.includes(kind) ? remedyClause(f) : null,
    issuedOn: f.issuedOn,
    ...(THIRD_PARTY_KINDS.includes(kind) ? { addressee: String(f.vars.party ?? '') || null } : {}),
  };
}

/** The letter as plain text lines (for the tracking page and for tests). */
export function letterText(c: LetterContent): string[] {
  return [
    c.title,
    `登记号：${c.registrationNo}`,
    ...applicantLines(c),
    ...c.paragraphs,
    ...c.items.flatMap((i) => [i.heading, ...i.lines]),
    ...(c.remedy ? [c.remedy] : []),
    c.agencyName,
    formatDateZh(c.issuedOn),
  ];
}

/**
 * The same letter with the applicant's name (and address) masked, for anything outside the handling
 * staff and for the tracking page; the applicant's own download is the letter as served.
 */
export function maskLetter(c: LetterContent, masked: string, maskedAddress?: string | null): LetterContent {
  const swap = (s: string) => {
    const named = c.applicant ? s.split(c.applicant).join(masked) : s;
    return c.applicantAddress ? named.split(c.applicantAddress).join(maskedAddress ?? '***') : named;
  };
  return {
    ...c,
    applicant: masked,
    ...(c.applicantAddress ? { applicantAddress: maskedAddress ?? '***' } : {}),
    paragraphs: c.paragraphs.map(swap),
    items: c.items.map((i) => ({ heading: swap(i.heading), lines: i.lines.map(swap) })),
  };
}
