/**
 * The national annual-report format (《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号;
 * regulations.md §2): six fixed sections, Table 二 (proactive disclosure), Table 三 (applications,
 * 7 columns × 28 rows), Table 四 (reconsideration and litigation, 15 cells), and the balancing
 * identities regulators check. Pure: records in, tables and problems out.
 */

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

/** One application as the annual report sees it. */
export interface ReportApplication {
  id: number | string;
  column: ApplicantColumn;
  /** date of receipt (R.31), YYYY-MM-DD */
  receivedOn: string;
  /** date the application was answered or otherwise closed; null while open */
  closedOn: string | null;
  /** the application's single report row (部分公开 takes precedence over every other item outcome); null while open */
  outcome: OutcomeKey | null;
}

export type Table3 = Record<Table3RowKey, Record<Table3Column, number>>;

function emptyRow(): Record<Table3Column, number> {
  return { natural: 0, commercial: 0, research: 0, nonprofit: 0, legal_service: 0, other: 0, total: 0 };
}

/**
 * Counts per the national notes: 新收 = received in the year; 上年结转 = received earlier and still
 * open on 1 January; 办理结果 = closed in the year, one row per application; 结转下年 = received by
 * 31 December and still open then. Each application counts once in each applicable row.
 */
export function computeTable3(
  apps: readonly ReportApplication[],
  year: number,
): { table: Table3; contributors: Map<Table3RowKey, (number | string)[]> } {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table = Object.fromEntries(TABLE3_ROWS.map((r) => [r, emptyRow()])) as Table3;
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
    const closedBefore = a.closedOn !== null && a.closedOn < start;
    if (closedBefore) continue;
    if (a.receivedOn >= start) add('new', a);
    else add('carried_in', a);
    const closedInYear = a.closedOn !== null && a.closedOn <= end;
    if (closedInYear && a.outcome) {
      add(a.outcome, a);
      add('total', a);
    } else {
      add('carried_out', a);
    }
  }
  return { table, contributors };
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

/** Cases filed in the year; a case not decided by 31 December counts as 尚未审结. */
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

// ---------------------------------------------------------------- balancing identities

export interface IdentityProblem {
  identity: string;
  column?: Table3Column | AppealKind;
  expected: number;
  actual: number;
  message: string;
}

/**
 * The identities checkers apply (regulations.md §2.3, §2.4):
 * 一 + 二 = （七）总计 + 四 per column; （七）总计 = the sum of every outcome row; 总计 column = the
 * sum of the six applicant columns, for every row; in Table 四 each block's 总计 = the sum of its four cells.
 */
export function checkIdentities(t3: Table3, t4: Table4): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  for (const c of TABLE3_COLUMNS) {
    const left = t3.new[c] + t3.carried_in[c];
    const right = t3.total[c] + t3.carried_out[c];
    if (left !== right) {
      problems.push({
        identity: '一+二=（七）+四',
        column: c,
        expected: left,
        actual: right,
        message: `“${COLUMN_LABELS[c]}”列：本年新收 ${t3.new[c]} + 上年结转 ${t3.carried_in[c]} = ${left}，但总计 ${t3.total[c]} + 结转下年 ${t3.carried_out[c]} = ${right}`,
      });
    }
    const sum = OUTCOME_KEYS.reduce((s, k) => s + t3[k][c], 0);
    if (sum !== t3.total[c]) {
      problems.push({
        identity: '（七）总计=各办理结果之和',
        column: c,
        expected: sum,
        actual: t3.total[c],
        message: `“${COLUMN_LABELS[c]}”列：各办理结果之和为 ${sum}，但（七）总计为 ${t3.total[c]}`,
      });
    }
  }
  for (const r of TABLE3_ROWS) {
    const sum = APPLICANT_COLUMNS.reduce((s, c) => s + t3[r][c], 0);
    if (sum !== t3[r].total) {
      problems.push({
        identity: '总计列=各列之和',
        expected: sum,
        actual: t3[r].total,
        message: `“${ROW_LABELS[r]}”行：各类申请人之和为 ${sum}，但总计列为 ${t3[r].total}`,
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

export interface AnnualReport {
  agencyName: string;
  year: number;
  table2: Table2;
  table3: Table3;
  table4: Table4;
  narrative: Narrative;
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
