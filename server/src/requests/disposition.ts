/**
 * Dispositions (处理结果): every leaf row of annual-report Table 三 (国办公开办函〔2021〕30号,
 * 国办公开办函〔2021〕30号) with its Chinese label, its row, the default legal basis and what the reply
 * letter must contain (R.36–R.39). Each request item gets exactly one. Pure.
 */

export type DispositionGroup = 'disclosed' | 'partial' | 'withheld' | 'unable' | 'not_processed' | 'other';

export const GROUP_LABELS: Record<DispositionGroup, string> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

/** What the reply letter (and the stored decision) must carry besides the decision and remedy clause. */
export type LetterRequirement =
  | 'how_to_obtain' // R.36(1)(2): how, where and when to obtain
  | 'reasons' // R.36(3), R.37: the reasons
  | 'withheld' // R.37: what was withheld
  | 'holding_agency' // R.36(5): the agency holding it and its contact, when known
  | 'proper_channel'; // R.39, R.36(7): the proper channel or statutory route

export interface DispositionDef {
  code: string;
  label: string;
  group: DispositionGroup;
  /** row of Table 三, e.g. "（三）4" */
  row: string;
  /** the article(s) cited by default in the reply letter */
  basis: string;
  requires: readonly LetterRequirement[];
  /** the operative sentence of the reply letter */
  decisionText: string;
}

const D = <const C extends string>(
  code: C,
  label: string,
  group: DispositionGroup,
  row: string,
  basis: string,
  requires: readonly LetterRequirement[],
  decisionText: string,
) => ({ code, label, group, row, basis, requires, decisionText }) satisfies DispositionDef;

/** In Table 三 order. */
export const DISPOSITIONS = [
  D(
    'disclosed',
    '予以公开',
    'disclosed',
    '（一）',
    '《中华人民共和国政府信息公开条例》第三十六条第（一）（二）项',
    ['how_to_obtain'],
    '经审查，您申请的政府信息属于公开范围，现予以公开。',
  ),
  D(
    'partially_disclosed',
    '部分公开',
    'partial',
    '（二）',
    '《中华人民共和国政府信息公开条例》第三十七条',
    ['how_to_obtain', 'withheld', 'reasons'],
    '经审查，您申请的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，现向您提供可以公开的部分。',
  ),
  D(
    'withheld_state_secret',
    '属于国家秘密',
    'withheld',
    '（三）1',
    '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    ['reasons'],
    '经审查，您申请的政府信息属于国家秘密，依法不予公开。',
  ),
  D(
    'withheld_prohibited_by_law',
    '其他法律行政法规禁止公开',
    'withheld',
    '（三）2',
    '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    ['reasons'],
    '经审查，您申请的政府信息属于法律、行政法规禁止公开的政府信息，依法不予公开。',
  ),
  D(
    'withheld_security_stability',
    '危及“三安全一稳定”',
    'withheld',
    '（三）3',
    '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    ['reasons'],
    '经审查，您申请的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。',
  ),
  D(
    'withheld_third_party',
    '保护第三方合法权益',
    'withheld',
    '（三）4',
    '《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项',
    ['reasons'],
    '经审查，您申请的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，依法不予公开。',
  ),
  D(
    'withheld_internal_affairs',
    '属于三类内部事务信息',
    'withheld',
    '（三）5',
    '《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项',
    ['reasons'],
    '经审查，您申请的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，可以不予公开。',
  ),
  D(
    'withheld_process_information',
    '属于四类过程性信息',
    'withheld',
    '（三）6',
    '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    ['reasons'],
    '经审查，您申请的政府信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开。',
  ),
  D(
    'withheld_enforcement_file',
    '属于行政执法案卷',
    'withheld',
    '（三）7',
    '《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项',
    ['reasons'],
    '经审查，您申请的政府信息属于行政执法案卷信息，可以不予公开。',
  ),
  D(
    'withheld_administrative_inquiry',
    '属于行政查询事项',
    'withheld',
    '（三）8',
    '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
    ['reasons', 'proper_channel'],
    '您申请获取的信息，有关法律、行政法规对信息的获取有特别规定，请按照有关法律、行政法规的规定办理。',
  ),
  D(
    'unable_not_held',
    '本机关不掌握相关政府信息',
    'unable',
    '（四）1',
    '《中华人民共和国政府信息公开条例》第三十六条第（四）（五）项',
    ['reasons', 'holding_agency'],
    '经检索查找，本机关未制作或者获取您申请的政府信息。',
  ),
  D(
    'unable_needs_creation',
    '没有现成信息需要另行制作',
    'unable',
    '（四）2',
    '《中华人民共和国政府信息公开条例》第三十八条',
    ['reasons'],
    '您申请的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。',
  ),
  D(
    'unable_unclear_after_correction',
    '补正后申请内容仍不明确',
    'unable',
    '（四）3',
    '《中华人民共和国政府信息公开条例》第三十条',
    ['reasons'],
    '您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。',
  ),
  D(
    'not_processed_petition',
    '信访举报投诉类申请',
    'not_processed',
    '（五）1',
    '《中华人民共和国政府信息公开条例》第三十九条第一款',
    ['proper_channel'],
    '您以政府信息公开申请形式提出的信访、投诉、举报等诉求，不作为政府信息公开申请处理，请通过相应渠道提出。',
  ),
  D(
    'not_processed_repeat',
    '重复申请',
    'not_processed',
    '（五）2',
    '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
    ['reasons'],
    '本机关已就您申请公开的政府信息作出答复，您重复申请公开相同政府信息，本机关不予重复处理。',
  ),
  D(
    'not_processed_publication',
    '要求提供公开出版物',
    'not_processed',
    '（五）3',
    '《中华人民共和国政府信息公开条例》第三十九条第二款',
    ['proper_channel'],
    '您要求提供的政府公报、报刊、书籍等公开出版物，请通过相关渠道获取。',
  ),
  D(
    'not_processed_excessive',
    '无正当理由大量反复申请',
    'not_processed',
    '（五）4',
    '《中华人民共和国政府信息公开条例》第三十五条',
    ['reasons'],
    '您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。',
  ),
  D(
    'not_processed_confirmation',
    '要求行政机关确认或重新出具已获取信息',
    'not_processed',
    '（五）5',
    '《中华人民共和国政府信息公开条例》第三十八条、第三十九条',
    ['reasons'],
    '您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的范围，本机关不予处理。',
  ),
  D(
    'other_no_correction',
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    'other',
    '（六）1',
    '《中华人民共和国政府信息公开条例》第三十条',
    [],
    '您未在补正期限内补正申请且无正当理由，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  D(
    'other_fee_unpaid',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'other',
    '（六）2',
    '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    [],
    '您未在收费通知要求的期限内缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  D(
    'other_other',
    '其他',
    'other',
    '（六）3',
    '《中华人民共和国政府信息公开条例》',
    ['reasons'],
    '本机关对您的申请作如下处理。',
  ),
] as const;

export type DispositionCode = (typeof DISPOSITIONS)[number]['code'];
export const DISPOSITION_CODES = DISPOSITIONS.map((d) => d.code) as DispositionCode[];

const BY_CODE = new Map<string, DispositionDef>(DISPOSITIONS.map((d) => [d.code, d]));

export function dispositionDef(code: DispositionCode): DispositionDef {
  return BY_CODE.get(code)!;
}

export function isDispositionCode(s: string): s is DispositionCode {
  return BY_CODE.has(s);
}

/** A decision on one request item. */
export interface ItemDecision {
  code: DispositionCode;
  legalBasis?: string | null;
  reasons?: string | null;
  /** R.37: what was withheld */
  withheld?: string | null;
  /** R.36(5): the agency that holds the information and its contact, when known */
  holdingAgency?: string | null;
  holdingContact?: string | null;
  /** R.36(1)(2): how, where and when to obtain; R.39: the proper channel */
  howToObtain?: string | null;
}

export interface DecisionProblem {
  field: keyof ItemDecision;
  message: string;
}

/** What a decision is missing for its letter to be complete (R.36–R.39). */
export function decisionProblems(d: ItemDecision): DecisionProblem[] {
  const def = BY_CODE.get(d.code);
  if (!def) return [{ field: 'code', message: '处理结果不在全国统一分类内' }];
  const out: DecisionProblem[] = [];
  const blank = (s: string | null | undefined) => !s || s.trim() === '';
  if (def.requires.includes('reasons') && blank(d.reasons))
    out.push({ field: 'reasons', message: `“${def.label}”须说明理由` });
  // R.36(1)(2), R.37: a reply that provides information must tell the applicant 获取该政府信息的方式、途径和时间
  if (def.requires.includes('how_to_obtain') && blank(d.howToObtain))
    out.push({
      field: 'howToObtain',
      message: `“${def.label}”须写明获取该政府信息的方式、途径和时间（条例第三十六条）`,
    });
  if (def.requires.includes('withheld') && blank(d.withheld))
    out.push({ field: 'withheld', message: '部分公开须写明不予公开的内容（条例第三十七条）' });
  if (!blank(d.holdingContact) && blank(d.holdingAgency))
    out.push({ field: 'holdingAgency', message: '填写了联系方式时须写明掌握该信息的机关' });
  return out;
}

/**
 * The application's category in Table 三 (national rule, row （二）: "区分处理的，只计这一情形，不计其他情形"):
 * - any item 部分公开 → 部分公开;
 * - some items disclosed and others not (区分处理 across items) → 部分公开;
 * - all items in one category → that category;
 * - otherwise (several non-disclosure categories) → the category of most items, ties broken by
 *   Table 三 order.
 */
export function reportCategory(items: readonly { code: DispositionCode }[]): DispositionCode | null {
  if (items.length === 0) return null;
  const codes = items.map((i) => i.code);
  if (codes.includes('partially_disclosed')) return 'partially_disclosed';
  const anyDisclosed = codes.includes('disclosed');
  if (anyDisclosed && codes.some((c) => c !== 'disclosed')) return 'partially_disclosed';
  const counts = new Map<DispositionCode, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  let best: DispositionCode | null = null;
  for (const code of DISPOSITION_CODES) {
    const n = counts.get(code) ?? 0;
    if (n > 0 && (best === null || n > counts.get(best)!)) best = code;
  }
  return best;
}
