/**
 * The report's life: a draft the disclosure office edits → submitted → approved by the leader in
 * charge or the principal (the figures are frozen) → published on the portal. Imported past years are
 * published as imported. Pure.
 */
import { DISPOSITIONS } from '../requests/disposition.ts';
import type { AppealKind, AppealOutcome, ApplicantColumn, Narrative, OutcomeKey } from './annual-report.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已审批待发布',
  published: '已发布',
};

export type ReportAction = 'submit' | 'approve' | 'return' | 'publish';

const TRANSITIONS: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
};

export function nextStatus(current: ReportStatus, action: ReportAction): ReportStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(current) ? t.to : null;
}

/** Disposition rows of the requests module ('（三）4') → the report's outcome keys ('withheld.4'). */
export function outcomeFromRow(row: string): OutcomeKey | null {
  const m = /^（([一二三四五六])）(\d)?$/.exec(row);
  if (!m) return null;
  const group = {
    一: 'disclosed',
    二: 'partial',
    三: 'withheld',
    四: 'unable',
    五: 'not_processed',
    六: 'other',
  }[m[1] as '一'];
  if (group === 'disclosed' || group === 'partial') return group;
  return m[2] ? (`${group}.${m[2]}` as OutcomeKey) : null;
}

const ROW_BY_CODE = new Map<string, string>(DISPOSITIONS.map((d) => [d.code, d.row]));

/**
 * An application's report row from its stored disposition category; decided without a national
 * category (e.g. withdrawn) counts as 其他处理 3.其他; undecided → null.
 */
export function outcomeOf(reportCategory: string | null, decidedOn: string | null): OutcomeKey | null {
  const row = reportCategory ? ROW_BY_CODE.get(reportCategory) : undefined;
  return row ? outcomeFromRow(row) : decidedOn ? 'other.3' : null;
}

export function columnOf(applicantKind: string, orgType: string | null): ApplicantColumn {
  if (applicantKind === 'natural') return 'natural';
  const o = orgType ?? 'other';
  return (['commercial', 'research', 'nonprofit', 'legal_service', 'other'] as const).includes(o as 'other')
    ? (o as ApplicantColumn)
    : 'other';
}

export function appealKindOf(kind: string): AppealKind | null {
  return kind === 'reconsideration' ||
    kind === 'litigation_direct' ||
    kind === 'litigation_after_reconsideration'
    ? kind
    : null;
}

export function appealOutcomeOf(outcome: string): Exclude<AppealOutcome, 'pending'> | null {
  return outcome === 'upheld' || outcome === 'corrected' || outcome === 'other' ? outcome : null;
}

/** The figures staff enter because they come from other systems (Table 二 items (五)(六)(八)) or are not recorded here. */
export interface ReportInputs {
  rulesIssued: number;
  rulesAbolished: number;
  rulesInForce: number;
  licensing: number;
  penalties: number;
  enforcement: number;
  feesTenThousandYuan: number;
  /** 信息处理费 actually collected (元), reported in section 六 */
  processingFeesYuan: number;
}

export const EMPTY_INPUTS: ReportInputs = {
  rulesIssued: 0,
  rulesAbolished: 0,
  rulesInForce: 0,
  licensing: 0,
  penalties: 0,
  enforcement: 0,
  feesTenThousandYuan: 0,
  processingFeesYuan: 0,
};

export interface Facts {
  agencyName: string;
  year: number;
  published: number;
  normativeIssued: number;
  newApplications: number;
  handled: number;
  disclosed: number;
  partial: number;
  carriedOut: number;
  appeals: number;
  corrected: number;
  /** replies sent in the year, and those sent after their reply deadline (R.33) */
  replies: number;
  lateReplies: number;
  /** 信息处理费 recorded as paid in the year (109号), and how many fees */
  processingFeesYuan: number;
  processingFeesPaid: number;
}

/** The sentence on reply timeliness: only what the records show (no claim when nothing was answered). */
export function timelinessSentence(replies: number, late: number): string {
  if (replies === 0) return '';
  if (late === 0) return `全年答复${replies}件，均在法定期限内答复。`;
  return `全年答复${replies}件，其中${replies - late}件在法定期限内答复，${late}件超过法定期限答复。`;
}

/** Narrative sections prefilled with the year's facts and figures; staff edit them before approval. */
export function prefillNarrative(f: Facts): Narrative {
  return {
    overview: [
      `${f.year}年，${f.agencyName}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进政府信息公开工作。`,
      `（一）主动公开。全年通过政府信息公开专栏主动公开政府信息${f.published}条，其中行政规范性文件${f.normativeIssued}件。`,
      `（二）依申请公开。全年新收政府信息公开申请${f.newApplications}件，办结${f.handled}件，其中予以公开${f.disclosed}件、部分公开${f.partial}件，结转下年度继续办理${f.carriedOut}件。${timelinessSentence(f.replies, f.lateReplies)}`,
      '（三）政府信息管理。严格落实公开前保密审查机制，动态更新政府信息公开指南和主动公开基本目录。',
      '（四）平台建设。依托政府信息公开专栏集中发布法定主动公开内容，提供在线申请和办理进度查询。',
      `（五）监督保障。全年因政府信息公开被申请行政复议、提起行政诉讼${f.appeals}件，其中被纠错${f.corrected}件。`,
    ].join('\n'),
    problems: [
      '（一）存在的主要问题：政策解读的形式还比较单一，部分栏目更新不够及时。',
      '（二）改进情况：下一步将丰富政策解读形式，加强栏目日常维护和监督检查，进一步提升政府信息公开质量。',
    ].join('\n'),
    other: [
      f.processingFeesPaid > 0
        ? `依据《政府信息公开信息处理费管理办法》，本年度实际收取信息处理费${f.processingFeesYuan}元（${f.processingFeesPaid}笔）。`
        : '依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。',
      '本年度政务公开工作要点落实情况、人大代表建议和政协提案办理结果公开情况等，见本机关政府信息公开专栏。',
    ].join('\n'),
  };
}
