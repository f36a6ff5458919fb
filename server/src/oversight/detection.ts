/**
 * Violations the platform detects from its own records (违规自动发现) — pure rules, no db, no http.
 *
 * Each rule takes a snapshot of records and the agency's calendar and rule profile
 * (agencies/rule-profile.ts, calendar/working-days.ts) and returns findings. A finding is either
 * **open** (the duty is still unfulfilled past its due date: `doneOn` null) or **resolved** (the duty
 * was fulfilled, but late: `doneOn` is the day it was done). The daily job (detection.service.ts)
 * keeps each finding's history: first seen, last seen, resolved.
 *
 * Rules and their basis:
 * - proactive_late: 《政府信息公开条例》第二十六条 — proactive information public within 20 working days
 *   of being generated or changed (`publishDueOn`, publication/publication-clock.ts);
 * - request_late: 第三十三条 — the reply within 20 working days of receipt (+ the approved extension);
 * - correction_late: 第三十条 — the correction notice within 7 working days of receipt;
 * - catalog_late: 第十二条 and docs/product.md §2.2 — the catalog updated within 20 working days of a change;
 * - guide_review_due / guide_contact_changed: 第十二条 ("及时更新") — the guide reviewed yearly and kept
 *   in line with the agency's contact data (publication/guide.ts);
 * - annual_report_late: 第四十九条 — last year's annual report by 31 January (departments) or
 *   31 March (governments), or the rule profile's dates;
 * - review_missing / scan_override: 第十七条 (保密审查) — a published item without the confidentiality
 *   office's recorded conclusion, or published over a sensitive-content scan override;
 * - interpretation_late: docs/product.md §2.3.4 (《市司法局自查报告》) — the interpretation published within
 *   `interpretationDays` working days of its policy document.
 */
import type { Rules } from '../agencies/rule-profile.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';

export const DETECTION_KINDS = [
  'proactive_late',
  'request_late',
  'correction_late',
  'catalog_late',
  'guide_review_due',
  'guide_contact_changed',
  'annual_report_late',
  'review_missing',
  'scan_override',
  'interpretation_late',
] as const;
export type DetectionKind = (typeof DETECTION_KINDS)[number];

export const DETECTION_KIND_INFO: Record<DetectionKind, { label: string; basis: string }> = {
  proactive_late: { label: '主动公开超期', basis: '《政府信息公开条例》第二十六条' },
  request_late: { label: '依申请公开逾期答复', basis: '《政府信息公开条例》第三十三条' },
  correction_late: { label: '补正告知超期', basis: '《政府信息公开条例》第三十条' },
  catalog_late: { label: '公开目录未及时更新', basis: '《政府信息公开条例》第十二条' },
  guide_review_due: { label: '公开指南逾期未复核', basis: '《政府信息公开条例》第十二条' },
  guide_contact_changed: { label: '公开指南联系方式未更新', basis: '《政府信息公开条例》第十二条' },
  annual_report_late: { label: '年度报告未按期公布', basis: '《政府信息公开条例》第四十九条' },
  review_missing: { label: '发布前无保密审查记录', basis: '《政府信息公开条例》第十七条' },
  scan_override: { label: '敏感信息检测被人工放行', basis: '《政府信息公开条例》第十七条' },
  interpretation_late: { label: '政策解读未同步发布', basis: 'docs/product.md §2.3.4' },
};

export function isDetectionKind(s: string): s is DetectionKind {
  return (DETECTION_KINDS as readonly string[]).includes(s);
}

/** The record a finding is about: its type, id and the staff SPA path to open it. */
export type SubjectType = 'item' | 'application' | 'catalog_entry' | 'guide' | 'annual_report';

export interface Finding {
  kind: DetectionKind;
  agencyId: number;
  subjectType: SubjectType;
  subjectId: number;
  /** unique per kind: the same violation found again on another day is the same finding */
  key: string;
  /** what the record is — never an applicant's name (a registration number, a title) */
  title: string;
  dueOn: string | null;
  /** the day the duty was fulfilled late; null while it is still open */
  doneOn: string | null;
  /** facts behind the finding (e.g. working days late) */
  detail: Record<string, string | number | null>;
}

/** Staff SPA path of a finding's record (admin/src routes). */
export function staffPathOf(f: { subjectType: string; subjectId: number; agencyId: number }): string {
  switch (f.subjectType) {
    case 'item':
      return `/admin/proactive/${f.subjectId}`;
    case 'application':
      return `/admin/requests/${f.subjectId}`;
    case 'catalog_entry':
      return `/admin/proactive/catalog?agencyId=${f.agencyId}`;
    case 'guide':
      return `/admin/proactive/guide?agencyId=${f.agencyId}`;
    case 'annual_report':
      return `/admin/reporting/annual-report?agencyId=${f.agencyId}&year=${f.subjectId}`;
    default:
      return '/admin/';
  }
}

/** Working days late, or null when the calendar cannot count (a year without calendar data). */
function lateBy(cal: WorkingCalendar | null, due: string, done: string): number | null {
  if (!cal) return null;
  try {
    return cal.workingDaysBetween(due, done);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- 第二十六条: proactive items

export interface ItemFacts {
  id: number;
  agencyId: number;
  title: string;
  attribute: string;
  status: string;
  generatedOn: string;
  publishDueOn: string | null;
  publishedOn: string | null;
}

/** Items still in the pipeline: their R.26 clock runs (referred/deferred are lawful pauses of review). */
const PIPELINE = ['draft', 'leader_review', 'office_review', 'approval', 'scheduled'];

export function proactiveLate(items: readonly ItemFacts[], today: string, cal: CalOf): Finding[] {
  const out: Finding[] = [];
  for (const i of items) {
    if (i.attribute !== 'proactive' || !i.publishDueOn) continue;
    const base = {
      kind: 'proactive_late' as const,
      agencyId: i.agencyId,
      subjectType: 'item' as const,
      subjectId: i.id,
      key: `item:${i.id}`,
      title: i.title,
      dueOn: i.publishDueOn,
    };
    if (i.status === 'published' && i.publishedOn && i.publishedOn > i.publishDueOn)
      out.push({
        ...base,
        doneOn: i.publishedOn,
        detail: {
          generatedOn: i.generatedOn,
          workingDaysLate: lateBy(cal(i.agencyId), i.publishDueOn, i.publishedOn),
        },
      });
    else if (PIPELINE.includes(i.status) && today > i.publishDueOn)
      out.push({
        ...base,
        doneOn: null,
        detail: {
          generatedOn: i.generatedOn,
          workingDaysLate: lateBy(cal(i.agencyId), i.publishDueOn, today),
        },
      });
  }
  return out;
}

// ---------------------------------------------------------------- 第三十三条 / 第三十条: applications

export type CalOf = (agencyId: number) => WorkingCalendar | null;
export type RulesOf = (agencyId: number) => Rules;

export interface ApplicationFacts {
  id: number;
  agencyId: number;
  registrationNo: string;
  status: string;
  /** the reply deadline (deadlines table, kind 'reply', latest not superseded) */
  replyDueOn: string | null;
  repliedOn: string | null;
  /** the clock is paused (consultation, fee, suspension): the due date moves, nothing is late */
  paused: boolean;
}

/** Statuses whose reply clock runs (requests/request.repository.ts RUNNING). */
const RUNNING = ['registered', 'in_progress', 'awaiting_approval'];

export function requestLate(apps: readonly ApplicationFacts[], today: string, cal: CalOf): Finding[] {
  const out: Finding[] = [];
  for (const a of apps) {
    if (!a.replyDueOn) continue;
    const base = {
      kind: 'request_late' as const,
      agencyId: a.agencyId,
      subjectType: 'application' as const,
      subjectId: a.id,
      key: `application:${a.id}`,
      title: `申请 ${a.registrationNo}`,
      dueOn: a.replyDueOn,
    };
    if (a.repliedOn) {
      if (a.repliedOn > a.replyDueOn)
        out.push({
          ...base,
          doneOn: a.repliedOn,
          detail: { workingDaysLate: lateBy(cal(a.agencyId), a.replyDueOn, a.repliedOn) },
        });
    } else if (RUNNING.includes(a.status) && !a.paused && today > a.replyDueOn)
      out.push({
        ...base,
        doneOn: null,
        detail: { workingDaysLate: lateBy(cal(a.agencyId), a.replyDueOn, today) },
      });
  }
  return out;
}

export interface CorrectionNoticeFacts {
  applicationId: number;
  agencyId: number;
  registrationNo: string;
  receivedOn: string;
  noticeOn: string;
}

/** 第三十条: a notice later than rules.correctionNoticeDays working days after receipt (as statistics count it). */
export function correctionLate(
  notices: readonly CorrectionNoticeFacts[],
  cal: CalOf,
  rules: RulesOf,
): Finding[] {
  const out: Finding[] = [];
  for (const n of notices) {
    const c = cal(n.agencyId);
    if (!c) continue;
    let due: string;
    try {
      due = c.addWorkingDays(n.receivedOn, rules(n.agencyId).correctionNoticeDays);
    } catch {
      continue; // a year without calendar data: not judged
    }
    if (n.noticeOn <= due) continue;
    out.push({
      kind: 'correction_late',
      agencyId: n.agencyId,
      subjectType: 'application',
      subjectId: n.applicationId,
      key: `application:${n.applicationId}:${n.noticeOn}`,
      title: `申请 ${n.registrationNo}`,
      dueOn: due,
      doneOn: n.noticeOn,
      detail: { receivedOn: n.receivedOn, workingDaysLate: lateBy(c, due, n.noticeOn) },
    });
  }
  return out;
}

// ---------------------------------------------------------------- 第十二条: catalog and guide

export interface CatalogEntryFacts {
  id: number;
  agencyId: number;
  code: string;
  name: string;
  active: number;
  changedOn: string | null;
  updateDueOn: string | null;
  catalogUpdatedOn: string | null;
}

export function catalogLate(entries: readonly CatalogEntryFacts[], today: string): Finding[] {
  const out: Finding[] = [];
  for (const e of entries) {
    if (!e.changedOn || !e.updateDueOn) continue;
    const base = {
      kind: 'catalog_late' as const,
      agencyId: e.agencyId,
      subjectType: 'catalog_entry' as const,
      subjectId: e.id,
      key: `catalog_entry:${e.id}:${e.changedOn}`,
      title: `目录“${e.name}”（${e.code}）`,
      dueOn: e.updateDueOn,
      detail: { changedOn: e.changedOn },
    };
    const updated = e.catalogUpdatedOn !== null && e.catalogUpdatedOn >= e.changedOn;
    if (updated && e.catalogUpdatedOn! > e.updateDueOn) out.push({ ...base, doneOn: e.catalogUpdatedOn });
    else if (!updated && e.active === 1 && today > e.updateDueOn) out.push({ ...base, doneOn: null });
  }
  return out;
}

export interface GuideFacts {
  agencyId: number;
  agencyName: string;
  /** the latest published version, null when the agency never published a guide */
  latest: { version: number; publishedOn: string; nextReviewOn: string } | null;
  /** contact fields of the agency record that differ from the latest version's */
  changedFields: string[];
}

export function guideFindings(guides: readonly GuideFacts[], today: string): Finding[] {
  const out: Finding[] = [];
  for (const g of guides) {
    const base = { agencyId: g.agencyId, subjectType: 'guide' as const, doneOn: null };
    if (!g.latest)
      out.push({
        ...base,
        kind: 'guide_review_due',
        subjectId: 0,
        key: `guide:${g.agencyId}:none`,
        title: `${g.agencyName}政府信息公开指南（未发布）`,
        dueOn: null,
        detail: {},
      });
    else if (today > g.latest.nextReviewOn)
      out.push({
        ...base,
        kind: 'guide_review_due',
        subjectId: g.latest.version,
        key: `guide:${g.agencyId}:v${g.latest.version}`,
        title: `${g.agencyName}政府信息公开指南（第${g.latest.version}版）`,
        dueOn: g.latest.nextReviewOn,
        detail: { publishedOn: g.latest.publishedOn },
      });
    if (g.latest && g.changedFields.length > 0)
      out.push({
        ...base,
        kind: 'guide_contact_changed',
        subjectId: g.latest.version,
        key: `guide:${g.agencyId}:v${g.latest.version}:${[...g.changedFields].sort().join(',')}`,
        title: `${g.agencyName}政府信息公开指南（第${g.latest.version}版）`,
        dueOn: null,
        detail: { changedFields: g.changedFields.join('、') },
      });
  }
  return out;
}

// ---------------------------------------------------------------- 第四十九条: annual report

export interface ReportDuty {
  agencyId: number;
  agencyName: string;
  year: number;
  dueOn: string;
  /** Beijing date of publication, null while unpublished */
  publishedOn: string | null;
}

export function annualReportLate(duties: readonly ReportDuty[], today: string): Finding[] {
  const out: Finding[] = [];
  for (const d of duties) {
    const base = {
      kind: 'annual_report_late' as const,
      agencyId: d.agencyId,
      subjectType: 'annual_report' as const,
      subjectId: d.year,
      key: `annual_report:${d.agencyId}:${d.year}`,
      title: `${d.agencyName}${d.year}年政府信息公开工作年度报告`,
      dueOn: d.dueOn,
      detail: { year: d.year },
    };
    if (d.publishedOn) {
      if (d.publishedOn > d.dueOn) out.push({ ...base, doneOn: d.publishedOn });
    } else if (today > d.dueOn) out.push({ ...base, doneOn: null });
  }
  return out;
}

// ---------------------------------------------------------------- 第十七条: confidentiality review

export interface ReviewFacts {
  id: number;
  agencyId: number;
  title: string;
  publishedOn: string;
  /** a stage-1 (drafter) review is recorded: the item went through the platform's pipeline */
  inPipeline: boolean;
  /** the confidentiality office's conclusion (stage 'office') is recorded */
  officeReviewed: boolean;
  scanOverride: boolean;
}

/**
 * Published items without the office's recorded conclusion, or published over a scan override. Items
 * with no review trail at all were loaded in bulk (an import from an old site, publication/item-import.ts):
 * their review happened outside the platform and is not judged here.
 */
export function reviewFindings(items: readonly ReviewFacts[]): Finding[] {
  const out: Finding[] = [];
  for (const i of items) {
    const base = {
      agencyId: i.agencyId,
      subjectType: 'item' as const,
      subjectId: i.id,
      title: i.title,
      dueOn: null,
      doneOn: null,
      detail: { publishedOn: i.publishedOn },
    };
    if (i.inPipeline && !i.officeReviewed) out.push({ ...base, kind: 'review_missing', key: `item:${i.id}` });
    if (i.scanOverride) out.push({ ...base, kind: 'scan_override', key: `item:${i.id}` });
  }
  return out;
}

// ---------------------------------------------------------------- interpretations

export interface InterpretationFacts {
  id: number;
  agencyId: number;
  title: string;
  status: string;
  publishedOn: string | null;
  policyId: number;
  policyPublishedOn: string;
}

export function interpretationLate(
  rows: readonly InterpretationFacts[],
  today: string,
  cal: CalOf,
  rules: RulesOf,
): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const c = cal(r.agencyId);
    if (!c) continue;
    let due: string;
    try {
      due = c.addWorkingDays(r.policyPublishedOn, rules(r.agencyId).interpretationDays);
    } catch {
      continue;
    }
    const base = {
      kind: 'interpretation_late' as const,
      agencyId: r.agencyId,
      subjectType: 'item' as const,
      subjectId: r.id,
      key: `item:${r.id}`,
      title: r.title,
      dueOn: due,
      detail: { policyId: r.policyId, policyPublishedOn: r.policyPublishedOn },
    };
    if (r.status === 'published' && r.publishedOn) {
      if (r.publishedOn > due) out.push({ ...base, doneOn: r.publishedOn });
    } else if (PIPELINE.includes(r.status) && today > due) out.push({ ...base, doneOn: null });
  }
  return out;
}

// ---------------------------------------------------------------- the day's findings against the stored ones

export interface StoredFinding {
  id: number;
  kind: string;
  key: string;
  resolvedOn: string | null;
}

/**
 * What the daily run changes: findings new today are inserted; stored open ones found again are
 * refreshed (and resolved when now done late); stored open ones no longer found are resolved today
 * (the record was corrected, revoked or withdrawn). Resolved findings are history and left alone.
 */
export function reconcile(
  stored: readonly StoredFinding[],
  found: readonly Finding[],
): { insert: Finding[]; update: { id: number; f: Finding }[]; resolve: number[] } {
  const byKey = new Map(stored.map((s) => [`${s.kind}|${s.key}`, s]));
  const seen = new Set<string>();
  const insert: Finding[] = [];
  const update: { id: number; f: Finding }[] = [];
  for (const f of found) {
    const k = `${f.kind}|${f.key}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const s = byKey.get(k);
    if (!s) insert.push(f);
    else if (s.resolvedOn === null) update.push({ id: s.id, f });
  }
  const resolve = stored
    .filter((s) => s.resolvedOn === null && !seen.has(`${s.kind}|${s.key}`))
    .map((s) => s.id);
  return { insert, update, resolve };
}
