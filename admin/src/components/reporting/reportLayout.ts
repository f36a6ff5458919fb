/**
 * The national annual-report format (国办公开办函〔2021〕30号, and the 2019 trial format 〔2019〕60号 for
 * past years): Table 三 rows and columns, Table 四 columns, status labels and colours shared by the
 * reporting pages.
 */
import type {
  AppealColumn,
  AppealKind,
  ReportFormat,
  ReportStatus,
  Table3,
  Table3Column,
  Table4,
} from '../../types/reporting';

export const TABLE3_COLUMNS: readonly Table3Column[] = [
  'natural',
  'commercial',
  'research',
  'nonprofit',
  'legal_service',
  'other',
  'total',
];

/** The columns staff fill in; 总计 is their sum. */
export const APPLICANT_COLUMNS = TABLE3_COLUMNS.filter((c) => c !== 'total');

export const COLUMN_LABELS: Record<Table3Column, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
  total: '总计',
};

export interface OutcomeGroup {
  label: string;
  /** a single-row group has no sub-items: its label spans the two label columns */
  rows: { key: string; label: string }[];
}

export const OUTCOME_GROUPS: OutcomeGroup[] = [
  { label: '（一）予以公开', rows: [{ key: 'disclosed', label: '（一）予以公开' }] },
  {
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    rows: [{ key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' }],
  },
  {
    label: '（三）不予公开',
    rows: [
      { key: 'withheld.1', label: '1.属于国家秘密' },
      { key: 'withheld.2', label: '2.其他法律行政法规禁止公开' },
      { key: 'withheld.3', label: '3.危及“三安全一稳定”' },
      { key: 'withheld.4', label: '4.保护第三方合法权益' },
      { key: 'withheld.5', label: '5.属于三类内部事务信息' },
      { key: 'withheld.6', label: '6.属于四类过程性信息' },
      { key: 'withheld.7', label: '7.属于行政执法案卷' },
      { key: 'withheld.8', label: '8.属于行政查询事项' },
    ],
  },
  {
    label: '（四）无法提供',
    rows: [
      { key: 'unable.1', label: '1.本机关不掌握相关政府信息' },
      { key: 'unable.2', label: '2.没有现成信息需要另行制作' },
      { key: 'unable.3', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    label: '（五）不予处理',
    rows: [
      { key: 'not_processed.1', label: '1.信访举报投诉类申请' },
      { key: 'not_processed.2', label: '2.重复申请' },
      { key: 'not_processed.3', label: '3.要求提供公开出版物' },
      { key: 'not_processed.4', label: '4.无正当理由大量反复申请' },
      { key: 'not_processed.5', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
  {
    label: '（六）其他处理',
    rows: [
      {
        key: 'other.1',
        label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      },
      {
        key: 'other.2',
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      },
      { key: 'other.3', label: '3.其他' },
    ],
  },
  { label: '（七）总计', rows: [{ key: 'total', label: '（七）总计' }] },
];

/** 2019 format: （六）其他处理 is a single row without the three sub-items. */
export const OUTCOME_GROUPS_2019: OutcomeGroup[] = OUTCOME_GROUPS.map((g) =>
  g.label === '（六）其他处理' ? { label: g.label, rows: [{ key: 'other', label: '（六）其他处理' }] } : g,
);

export function outcomeGroups(format: ReportFormat = '2021'): OutcomeGroup[] {
  return format === '2019' ? OUTCOME_GROUPS_2019 : OUTCOME_GROUPS;
}

export const RESULTS_LABEL = '三、本年度办理结果';

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  '2021': '2021 格式（国办公开办函〔2021〕30号）',
  '2019': '2019 格式（国办公开办函〔2019〕60号）',
};

/** Every Table 三 row of a format in order, with the label a reader needs to identify it on its own. */
export function table3Rows(format: ReportFormat = '2021'): { key: string; label: string }[] {
  return [
    { key: 'new', label: '一、本年新收政府信息公开申请数量' },
    { key: 'carried_in', label: '二、上年结转政府信息公开申请数量' },
    ...outcomeGroups(format).flatMap((g) =>
      g.rows.map((r) => ({ key: r.key, label: g.rows.length > 1 ? `${g.label}${r.label}` : r.label })),
    ),
    { key: 'carried_out', label: '四、结转下年度继续办理' },
  ];
}

export const TABLE3_ROWS = table3Rows('2021');

export const TABLE3_ROW_LABELS: Record<string, string> = Object.fromEntries(
  [...TABLE3_ROWS, ...table3Rows('2019')].map((r) => [r.key, r.label]),
);

export const APPEAL_KINDS: readonly AppealKind[] = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
];

export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼·未经复议直接起诉',
  litigation_after_reconsideration: '行政诉讼·复议后起诉',
};

export const APPEAL_COLUMNS: readonly AppealColumn[] = ['upheld', 'corrected', 'other', 'pending', 'total'];

export const APPEAL_COLUMN_LABELS: Record<AppealColumn, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export function emptyTable3(format: ReportFormat = '2021'): Table3 {
  return Object.fromEntries(
    table3Rows(format).map((r) => [r.key, Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0]))]),
  ) as Table3;
}

export function emptyTable4(): Table4 {
  return Object.fromEntries(
    APPEAL_KINDS.map((k) => [k, Object.fromEntries(APPEAL_COLUMNS.map((c) => [c, 0]))]),
  ) as Table4;
}

export const STATUS_COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'warning',
  published: 'success',
};

/** Reports are compiled in January for the previous year. */
export function defaultReportYear(): number {
  return new Date().getFullYear() - 1;
}

export const FIRST_REPORT_YEAR = 2008;

export function yearOptions(): { value: number; label: string }[] {
  const last = new Date().getFullYear();
  const options = [];
  for (let y = last; y >= FIRST_REPORT_YEAR; y--) options.push({ value: y, label: `${y} 年` });
  return options;
}

export function reportPath(agencyId: number, year: number): string {
  return `/admin/reports/${agencyId}/${year}`;
}

/** Same-origin URL for a download link (the session cookie goes along with the GET). */
export function downloadUrl(apiPath: string): string {
  return `/api/v1${apiPath}`;
}
