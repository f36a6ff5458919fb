/**
 * The national annual-report format (《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号;
 * 国办公开办函〔2021〕30号): six fixed sections, Table 二 (proactive disclosure), Table 三 (applications,
 * 7 columns × 28 rows), Table 四 (reconsideration and litigation, 15 cells), and the balancing
 * identities regulators check. Past years may be in the 2019 trial format (国办公开办函〔2019〕60号):
 * its own Table 二 and a Table 三 whose （六）其他处理 has no sub-rows (26 rows); Table 四 is the same.
 * Pure: records in, tables and problems out.
 */

/** '2021' = 国办公开办函〔2021〕30号 (every computed year); '2019' = the trial format 〔2019〕60号 (past years only). */
export type ReportFormat = '2019' | '2021';
export const REPORT_FORMATS: readonly ReportFormat[] = ['2021', '2019'];
export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  '2021': '2021 格式（国办公开办函〔2021〕30号）',
  '2019': '2019 格式（国办公开办函〔2019〕60号）',
};

export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

// ---------------------------------------------------------------- Table 三

/** The seven columns: 自然人 | 法人或其他组织 (five sub-types) | 总计. */
export const APPLICANT_COLUMNS = [
  'natural',
  'commercial',
  'research',
  'nonprofit',
  'legal_service',
  'other',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export type Table3Column = ApplicantColumn | 'total';
export const TABLE3_COLUMNS: readonly Table3Column[] = [...APPLICANT_COLUMNS, 'total'];

export const COLUMN_LABELS: Record<Table3Column, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** Outcome rows of 三、本年度办理结果 — the leaf rows of the national table, in order. */
export const OUTCOME_ROWS = [
  { key: 'disclosed', group: '（一）予以公开', label: '（一）予以公开' },
  {
    key: 'partial',
    group: '（二）部分公开',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  },
  { key: 'withheld.1', group: '（三）不予公开', label: '1.属于国家秘密' },
  { key: 'withheld.2', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { key: 'withheld.3', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { key: 'withheld.4', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { key: 'withheld.5', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { key: 'withheld.6', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { key: 'withheld.7', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { key: 'withheld.8', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { key: 'unable.1', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { key: 'unable.2', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { key: 'unable.3', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { key: 'not_processed.1', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { key: 'not_processed.2', group: '（五）不予处理', label: '2.重复申请' },
  { key: 'not_processed.3', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { key: 'not_processed.4', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { key: 'not_processed.5', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  {
    key: 'other.1',
    group: '（六）其他处理',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: 'other.2',
    group: '（六）其他处理',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: 'other.3', group: '（六）其他处理', label: '3.其他' },
] as const;
export type OutcomeKey = (typeof OUTCOME_ROWS)[number]['key'];
export const OUTCOME_KEYS: readonly OutcomeKey[] = OUTCOME_ROWS.map((r) => r.key);

export type Table3RowKey = 'new' | 'carried_in' | OutcomeKey | 'total' | 'carried_out';
export const TABLE3_ROWS: readonly Table3RowKey[] = [
  'new',
  'carried_in',
  ...OUTCOME_KEYS,
  'total',
  'carried_out',
];

export const ROW_LABELS: Record<Table3RowKey, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  ...(Object.fromEntries(OUTCOME_ROWS.map((r) => [r.key, r.label])) as Record<OutcomeKey, string>),
  total: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};

/** 2019 format: （六）其他处理 is one row without sub-items; every other outcome row is as in 2021. */
export type OutcomeKey2019 = Exclude<OutcomeKey, 'other.1' | 'other.2' | 'other.3'> | 'other';
export type Table3RowKey2019 = 'new' | 'carried_in' | OutcomeKey2019 | 'total' | 'carried_out';
export type Table3Of2019 = Record<Table3RowKey2019, Record<Table3Column, number>>;

export interface OutcomeRow {
  key: string;
  group: string;
  label: string;
}

export const OUTCOME_ROWS_2019: readonly OutcomeRow[] = [
  ...OUTCOME_ROWS.filter((r) => r.group !== '（六）其他处理'),
  { key: 'other', group: '（六）其他处理', label: '（六）其他处理' },
];

/** The outcome rows (leaf rows of 三、本年度办理结果 before （七）总计) of a format, in order. */
export function outcomeRows(format: ReportFormat): readonly OutcomeRow[] {
  return format === '2019' ? OUTCOME_ROWS_2019 : OUTCOME_ROWS;
}

/** Every Table 三 row key of a format, in order. */
export function table3Rows(format: ReportFormat): readonly string[] {
  return ['new', 'carried_in', ...outcomeRows(format).map((r) => r.key), 'total', 'carried_out'];
}

export function table3RowLabel(format: ReportFormat, key: string): string {
  if (key in ROW_LABELS && !(format === '2019' && key.startsWith('other.')))
    return ROW_LABELS[key as Table3RowKey];
  return outcomeRows(format).find((r) => r.key === key)?.label ?? key;
}

/** A Table 三 of either format, for code that only walks its rows. */
export type AnyTable3 = Record<string, Record<Table3Column, number>>;

/** One application as the annual report sees it. */
export interface ReportApplication {
  id: number | string;
  column: ApplicantColumn;
  /** date of receipt (R.31), YYYY-MM-DD */
  receivedOn: string;
  /**
   * date of the reply (R.33) or other terminating act (withdrawal, lapse of correction R.30 or of the
   * fee, 109号) — never the archiving date (docs/rules.md §1); null while no such act has happened
   */
  decidedOn: string | null;
  /** the application's single report row (部分公开 takes precedence over every other item outcome); null while open */
  outcome: OutcomeKey | null;
}

export type Table3 = Record<Table3RowKey, Record<Table3Column, number>>;

/** A Table 三 row with every applicant column at zero. */
export function emptyTable3Row(): Record<Table3Column, number> {
  return { natural: 0, commercial: 0, research: 0, nonprofit: 0, legal_service: 0, other: 0, total: 0 };
}

/**
 * Counts per the national notes: 新收 = received in the year; 上年结转 = received earlier and not yet
 * decided on 1 January; 办理结果 = decided in the year (reply or other terminating act, R.33), one row
 * per application; 结转下年 = received by 31 December with no such act by then. Archiving (办结归档) is
 * record-keeping and moves nothing between rows or years (docs/rules.md §1). Each application counts
 * once in each applicable row.
 */
export function computeTable3(
  apps: readonly ReportApplication[],
  year: number,
): { table: Table3; contributors: Map<Table3RowKey, (number | string)[]> } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table = Object.fromEntries(TABLE3_ROWS.map((r) => [r, emptyTable3Row()])) as Table3;
  const contributors = new Map<Table3RowKey, (number | string)[]>();
  const add = (row: Table3RowKey, a: ReportApplication) => {
    table[row][a.column]++;
    table[row].total++;
    const list = contributors.get(row) ?? [];
    list.push(a.id);
    contributors.set(row, list);
  };
  for (const a of apps) {
    if (a.receivedOn > end) continue;
    const decidedBefore = a.decidedOn !== null && a.decidedOn < start;
    if (decidedBefore) continue;
    if (a.receivedOn >= start) add('new', a);
    else add('carried_in', a);
    const decidedInYear = a.decidedOn !== null && a.decidedOn <= end;
    if (decidedInYear && a.outcome) {
      add(a.outcome, a);
      add('total', a);
    } else {
      add('carried_out', a);
    }
  }
  return { table, contributors };
}

/** One GROUP BY cell of the applications (the database aggregates; see reporting.repository.ts). */
export interface ApplicationCount {
  column: ApplicantColumn;
  /** received in the year (一) rather than earlier and still undecided on 1 January (二) */
  isNew: boolean;
  /** the report row when decided in the year; null = no terminating act by 31 December (四) */
  outcome: OutcomeKey | null;
  n: number;
}

/**
 * Table 三 from aggregated counts, by exactly the rules of `computeTable3` (the counts must come from
 * the applications that `computeTable3` would look at: received by 31 December, not decided before 1 January).
 */
export function table3FromCounts(counts: readonly ApplicationCount[]): Table3 {
  const table = Object.fromEntries(TABLE3_ROWS.map((r) => [r, emptyTable3Row()])) as Table3;
  const add = (row: Table3RowKey, c: ApplicationCount) => {
    table[row][c.column] += c.n;
    table[row].total += c.n;
  };
  for (const c of counts) {
    add(c.isNew ? 'new' : 'carried_in', c);
    if (c.outcome) {
      add(c.outcome, c);
      add('total', c);
    } else add('carried_out', c);
  }
  return table;
}

// ---------------------------------------------------------------- Table 四

export const APPEAL_KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_reconsideration: '复议后起诉',
};
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome | 'total', string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export interface ReportAppeal {
  id: number | string;
  kind: AppealKind;
  /** the date the case was filed (申请复议 / 起诉) */
  filedOn: string;
  /** the date of the decision or judgment; null while pending */
  decidedOn: string | null;
  outcome: Exclude<AppealOutcome, 'pending'> | null;
}

export type Table4 = Record<AppealKind, Record<AppealOutcome | 'total', number>>;

/**
 * Table 四 counts the cases filed (申请复议 / 起诉) in the year, each once, by its state on 31
 * December: decided by then → its outcome; otherwise 尚未审结. A case filed in one year and decided in
 * the next stays in the year it was filed (as 尚未审结 there) and is not counted again in the year of
 * its decision, so no case is in two reports (docs/rules.md §2).
 */
export function computeTable4(appeals: readonly ReportAppeal[], year: number): Table4 {
  const t = Object.fromEntries(
    APPEAL_KINDS.map((k) => [k, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]),
  ) as Table4;
  const end = `${year}-12-31`;
  for (const a of appeals) {
    if (a.filedOn.slice(0, 4) !== String(year)) continue;
    const decided = a.decidedOn !== null && a.decidedOn <= end && a.outcome !== null;
    t[a.kind][decided ? a.outcome! : 'pending']++;
    t[a.kind].total++;
  }
  return t;
}

// ---------------------------------------------------------------- Table 二

export interface Table2 {
  /** 第二十条第（一）项: 规章 and 行政规范性文件 — 本年制发 / 本年废止 / 现行有效 */
  rules: { issued: number; abolished: number; inForce: number };
  normativeDocs: { issued: number; abolished: number; inForce: number };
  /** 第二十条第（五）项: 行政许可 本年处理决定数量 (entered or imported from the licensing system) */
  licensing: number;
  /** 第二十条第（六）项: 行政处罚, 行政强制 */
  penalties: number;
  enforcement: number;
  /** 第二十条第（八）项: 行政事业性收费 本年收费金额（万元） */
  feesTenThousandYuan: number;
}

/** 2019 format, 第二十条第（一）项: 本年新制作数量 / 本年新公开数量 / 对外公开总数量. */
export interface MadePublished {
  made: number;
  published: number;
  totalPublic: number;
}
/** 2019 format, 第二十条第（五）（六）项: 上一年项目数量 / 本年增/减 (may be negative) / 处理决定数量. */
export interface ItemChange {
  previous: number;
  change: number;
  decisions: number;
}

/** Table 二 of the 2019 trial format (国办公开办函〔2019〕60号; 国办公开办函〔2021〕30号). */
export interface Table2Of2019 {
  rules: MadePublished;
  normativeDocs: MadePublished;
  licensing: ItemChange;
  /** 其他对外管理服务事项 (dropped in 2021) */
  otherServices: ItemChange;
  penalties: ItemChange;
  enforcement: ItemChange;
  /** 第二十条第（八）项 行政事业性收费: 上一年项目数量 / 本年增/减 (a count of fee items, not an amount) */
  fees: { previous: number; change: number };
  /** 第二十条第（九）项 政府集中采购: 采购项目数量 / 采购总金额 (dropped in 2021; amount as published) */
  procurement: { projects: number; amount: number };
}

export function emptyTable2Of2019(): Table2Of2019 {
  const ic = () => ({ previous: 0, change: 0, decisions: 0 });
  return {
    rules: { made: 0, published: 0, totalPublic: 0 },
    normativeDocs: { made: 0, published: 0, totalPublic: 0 },
    licensing: ic(),
    otherServices: ic(),
    penalties: ic(),
    enforcement: ic(),
    fees: { previous: 0, change: 0 },
    procurement: { projects: 0, amount: 0 },
  };
}

// ---------------------------------------------------------------- balancing identities

export interface IdentityProblem {
  identity: string;
  column?: Table3Column | AppealKind;
  expected: number;
  actual: number;
  message: string;
}

/**
 * The identities checkers apply (国办公开办函〔2021〕30号):
 * 一 + 二 = （七）总计 + 四 per column; （七）总计 = the sum of every outcome row; 总计 column = the
 * sum of the six applicant columns, for every row; in Table 四 each block's 总计 = the sum of its four cells.
 */
export function checkIdentities(t3: AnyTable3, t4: Table4, format: ReportFormat = '2021'): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  const outcomeKeys = outcomeRows(format).map((r) => r.key);
  const cell = (row: string, c: Table3Column) => t3[row]?.[c] ?? 0;
  for (const c of TABLE3_COLUMNS) {
    const left = cell('new', c) + cell('carried_in', c);
    const right = cell('total', c) + cell('carried_out', c);
    if (left !== right) {
      problems.push({
        identity: '一+二=（七）+四',
        column: c,
        expected: left,
        actual: right,
        message: `“${COLUMN_LABELS[c]}”列：本年新收 ${cell('new', c)} + 上年结转 ${cell('carried_in', c)} = ${left}，但总计 ${cell('total', c)} + 结转下年 ${cell('carried_out', c)} = ${right}`,
      });
    }
    const sum = outcomeKeys.reduce((s, k) => s + cell(k, c), 0);
    if (sum !== cell('total', c)) {
      problems.push({
        identity: '（七）总计=各办理结果之和',
        column: c,
        expected: sum,
        actual: cell('total', c),
        message: `“${COLUMN_LABELS[c]}”列：各办理结果之和为 ${sum}，但（七）总计为 ${cell('total', c)}`,
      });
    }
  }
  for (const r of table3Rows(format)) {
    const sum = APPLICANT_COLUMNS.reduce((s, c) => s + cell(r, c), 0);
    if (sum !== cell(r, 'total')) {
      problems.push({
        identity: '总计列=各列之和',
        expected: sum,
        actual: cell(r, 'total'),
        message: `“${table3RowLabel(format, r)}”行：各类申请人之和为 ${sum}，但总计列为 ${cell(r, 'total')}`,
      });
    }
  }
  for (const k of APPEAL_KINDS) {
    const b = t4[k];
    const sum = b.upheld + b.corrected + b.other + b.pending;
    if (sum !== b.total) {
      problems.push({
        identity: '表四各部分总计=四项之和',
        column: k,
        expected: sum,
        actual: b.total,
        message: `${APPEAL_KIND_LABELS[k]}：维持、纠正、其他、尚未审结之和为 ${sum}，但总计为 ${b.total}`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------- the whole report

export interface Narrative {
  overview: string;
  problems: string;
  other: string;
}

/** The three tables of a report in the 2021 format (every computed year). */
export interface Figures2021 {
  table2: Table2;
  table3: Table3;
  table4: Table4;
}
/** The three tables of a past year's report in the 2019 trial format. */
export interface Figures2019 {
  table2: Table2Of2019;
  table3: Table3Of2019;
  table4: Table4;
}
/** Figures tagged with their format. */
export type TaggedFigures = ({ format: '2021' } & Figures2021) | ({ format: '2019' } & Figures2019);

interface ReportBase {
  agencyName: string;
  year: number;
  table4: Table4;
  narrative: Narrative;
}
export interface AnnualReport2021 extends ReportBase {
  /** absent = 2021 */
  format?: '2021';
  table2: Table2;
  table3: Table3;
}
export interface AnnualReport2019 extends ReportBase {
  format: '2019';
  table2: Table2Of2019;
  table3: Table3Of2019;
}
export type AnnualReport = AnnualReport2021 | AnnualReport2019;

// ---------------------------------------------------------------- year-on-year across formats

/**
 * The figures that mean the same thing in the 2019 and 2021 formats, for year-on-year comparison.
 * Table 三's outcome groups are compared as group totals (the 2019 （六）其他处理 has no sub-rows);
 * Table 四 is identical in both formats.
 */
export interface ComparableFigures {
  newApplications: number;
  carriedIn: number;
  disclosed: number;
  partial: number;
  withheld: number;
  unable: number;
  notProcessed: number;
  otherHandling: number;
  handled: number;
  carriedOut: number;
  appeals: number;
  appealsCorrected: number;
  /** 2021 本年制发件数 ≙ 2019 本年新制作数量 (规章 / 行政规范性文件) */
  rulesIssued: number;
  normativeIssued: number;
  /** 2021 本年处理决定数量 ≙ 2019 处理决定数量 */
  licensingDecisions: number;
  penaltyDecisions: number;
  enforcementDecisions: number;
}

export const COMPARABLE_LABELS: Record<keyof ComparableFigures, string> = {
  newApplications: '本年新收申请',
  carriedIn: '上年结转',
  disclosed: '予以公开',
  partial: '部分公开',
  withheld: '不予公开（合计）',
  unable: '无法提供（合计）',
  notProcessed: '不予处理（合计）',
  otherHandling: '其他处理（合计）',
  handled: '办理结果总计',
  carriedOut: '结转下年',
  appeals: '复议诉讼总数',
  appealsCorrected: '复议诉讼结果纠正',
  rulesIssued: '规章制发（2019：新制作）',
  normativeIssued: '规范性文件制发（2019：新制作）',
  licensingDecisions: '行政许可处理决定',
  penaltyDecisions: '行政处罚处理决定',
  enforcementDecisions: '行政强制处理决定',
};

/** What is deliberately left out of a comparison across the two formats, said plainly for the screen. */
export const NOT_COMPARABLE_ACROSS_FORMATS: readonly string[] = [
  '表三（六）其他处理的 1–3 子项：2019 格式没有子项，只比较（六）合计',
  '表二第二十条第（一）项的“本年废止件数”“现行有效件数”与 2019 格式的“本年新公开数量”“对外公开总数量”口径不同',
  '表二第二十条第（八）项行政事业性收费：2021 格式为收费金额（万元），2019 格式为项目数量',
  '2019 格式的“其他对外管理服务事项”“上一年项目数量”“本年增/减”和第二十条第（九）项政府集中采购，2021 格式已取消',
];

export function comparableFigures(f: TaggedFigures): ComparableFigures {
  const t3 = f.table3 as AnyTable3;
  const sum = (prefix: string) =>
    Object.entries(t3)
      .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
      .reduce((s, [, row]) => s + row.total, 0);
  const t4 = f.table4;
  const appealTotal = (o: AppealOutcome | 'total') => APPEAL_KINDS.reduce((s, k) => s + t4[k][o], 0);
  const t2 =
    f.format === '2019'
      ? {
          rulesIssued: f.table2.rules.made,
          normativeIssued: f.table2.normativeDocs.made,
          licensingDecisions: f.table2.licensing.decisions,
          penaltyDecisions: f.table2.penalties.decisions,
          enforcementDecisions: f.table2.enforcement.decisions,
        }
      : {
          rulesIssued: f.table2.rules.issued,
          normativeIssued: f.table2.normativeDocs.issued,
          licensingDecisions: f.table2.licensing,
          penaltyDecisions: f.table2.penalties,
          enforcementDecisions: f.table2.enforcement,
        };
  return {
    newApplications: t3.new?.total ?? 0,
    carriedIn: t3.carried_in?.total ?? 0,
    disclosed: t3.disclosed?.total ?? 0,
    partial: t3.partial?.total ?? 0,
    withheld: sum('withheld'),
    unable: sum('unable'),
    notProcessed: sum('not_processed'),
    otherHandling: sum('other'),
    handled: t3.total?.total ?? 0,
    carriedOut: t3.carried_out?.total ?? 0,
    appeals: appealTotal('total'),
    appealsCorrected: appealTotal('corrected'),
    ...t2,
  };
}

/**
 * Checks that entered or imported figures have every cell of their format (and nothing of the other
 * format): the list of missing or wrong cells, each named in Chinese; empty = complete.
 */
export function figuresShapeProblems(f: TaggedFigures): string[] {
  const out: string[] = [];
  const isCount = (v: unknown, signed = false) =>
    typeof v === 'number' && Number.isFinite(v) && (signed || v >= 0);
  const t3 = f.table3 as AnyTable3;
  const rows = table3Rows(f.format);
  for (const r of rows)
    for (const c of TABLE3_COLUMNS)
      if (!isCount(t3[r]?.[c])) out.push(`表三“${table3RowLabel(f.format, r)}”行“${COLUMN_LABELS[c]}”列`);
  for (const k of Object.keys(t3))
    if (!rows.includes(k)) out.push(`表三不属于${REPORT_FORMAT_LABELS[f.format]}的行“${k}”`);
  for (const k of APPEAL_KINDS)
    for (const o of [...APPEAL_OUTCOMES, 'total'] as const)
      if (!isCount(f.table4[k]?.[o])) out.push(`表四“${APPEAL_KIND_LABELS[k]}·${APPEAL_OUTCOME_LABELS[o]}”`);
  const t2 = f.table2 as unknown as Record<string, unknown>;
  const need = (path: string, label: string, signed = false) => {
    const [a, b] = path.split('.');
    const v = b ? (t2[a!] as Record<string, unknown> | undefined)?.[b] : t2[a!];
    if (!isCount(v, signed)) out.push(`表二“${label}”`);
  };
  if (f.format === '2019') {
    for (const [k, l] of [
      ['rules', '规章'],
      ['normativeDocs', '规范性文件'],
    ] as const) {
      need(`${k}.made`, `${l}本年新制作数量`);
      need(`${k}.published`, `${l}本年新公开数量`);
      need(`${k}.totalPublic`, `${l}对外公开总数量`);
    }
    for (const [k, l] of [
      ['licensing', '行政许可'],
      ['otherServices', '其他对外管理服务事项'],
      ['penalties', '行政处罚'],
      ['enforcement', '行政强制'],
    ] as const) {
      need(`${k}.previous`, `${l}上一年项目数量`);
      need(`${k}.change`, `${l}本年增/减`, true);
      need(`${k}.decisions`, `${l}处理决定数量`);
    }
    need('fees.previous', '行政事业性收费上一年项目数量');
    need('fees.change', '行政事业性收费本年增/减', true);
    need('procurement.projects', '政府集中采购采购项目数量');
    need('procurement.amount', '政府集中采购采购总金额');
  } else {
    for (const [k, l] of [
      ['rules', '规章'],
      ['normativeDocs', '行政规范性文件'],
    ] as const) {
      need(`${k}.issued`, `${l}本年制发件数`);
      need(`${k}.abolished`, `${l}本年废止件数`);
      need(`${k}.inForce`, `${l}现行有效件数`);
    }
    need('licensing', '行政许可本年处理决定数量');
    need('penalties', '行政处罚本年处理决定数量');
    need('enforcement', '行政强制本年处理决定数量');
    need('feesTenThousandYuan', '行政事业性收费本年收费金额');
  }
  return out;
}

/** R.49: a department's report is due by 31 January, a government's by 31 March of the next year (rule-profile data). */
export function reportDueDate(
  year: number,
  isGovernment: boolean,
  dueDepartment = '01-31',
  dueGovernment = '03-31',
): string {
  return `${year + 1}-${isGovernment ? dueGovernment : dueDepartment}`;
}
