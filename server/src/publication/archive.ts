/**
 * Filing (备案), yearly archive volumes (归档卷) and the hand-over log (移交) — docs/product.md §2.3 items 7–8.
 * - 《县局政务公开制度汇编》 四 政务公开备案制度: "政务公开的具体内容应及时报送县政务公开办备案" — a department files
 *   what it publishes with the supervising 政务公开办; 《县司法局公开工作制度》: "暂时不宜公开或不能公开的，要报上级主管
 *   机关备案" — withheld and deferred items are filed too.
 * - 《县司法局公开工作制度》 第三项档案管理制度 / 《县局政务公开制度汇编》 四.4: "分年度统一归档" — one volume per agency and year, with
 *   every item of the year whatever its attribute (the archive is internal).
 * - R.25 and 《市司法局自查报告》: proactively disclosed items are sent to the state archive and the public library.
 * Pure: no db, no http.
 */

export const FILING_STATUSES = ['filed', 'reviewed', 'correction_required'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  filed: '已报备，待审查',
  reviewed: '已审查',
  correction_required: '要求纠正',
};

export type FilingEvent = 'review' | 'require_correction' | 'refile';
export const FILING_TRANSITIONS: Record<FilingStatus, Partial<Record<FilingEvent, FilingStatus>>> = {
  filed: { review: 'reviewed', require_correction: 'correction_required' },
  // the issuing agency corrects and files again (new report number and date)
  correction_required: { refile: 'filed' },
  reviewed: {},
};

export function nextFilingStatus(from: FilingStatus, event: FilingEvent): FilingStatus | null {
  return FILING_TRANSITIONS[from][event] ?? null;
}

/** Items that can be filed: published ones, and those withheld or deferred (《县司法局公开工作制度》 "报上级主管机关备案"). */
export const FILEABLE_ITEM_STATUSES = ['published', 'scheduled', 'withheld', 'deferred'] as const;

/** Items that belong in a year's volume: everything that reached a final state in the year. */
export const ARCHIVED_ITEM_STATUSES = ['published', 'withheld', 'revoked'] as const;

/** The date that places an item in a year's volume: its publication date, else its date written. */
export function archiveDateOf(item: { publishedOn: string | null; generatedOn: string }): string {
  return item.publishedOn ?? item.generatedOn;
}

export const VOLUME_STATUSES = ['open', 'closed'] as const;
export type VolumeStatus = (typeof VOLUME_STATUSES)[number];
export const VOLUME_STATUS_LABELS: Record<VolumeStatus, string> = {
  open: '整理中',
  closed: '已封卷',
};

export const RECIPIENT_KINDS = ['state_archive', 'public_library'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  state_archive: '国家档案馆',
  public_library: '公共图书馆',
};

/** Only proactively disclosed, published, public items are sent out (R.25). */
export function isHandedOver(row: { attribute: string; scope: string; status: string }): boolean {
  return row.attribute === 'proactive' && row.scope === 'public' && row.status === 'published';
}

/**
 * The figure of the self-inspection report (《市司法局自查报告》 "向市图书馆、档案馆报送主动公开信息28条"): the same
 * items usually go to both, so it is the larger of the two totals, not their sum.
 */
export function itemsSentFigure(handovers: { recipientKind: string; itemCount: number }[]): {
  stateArchive: number;
  publicLibrary: number;
  items: number;
} {
  const sum = (k: RecipientKind) =>
    handovers.filter((h) => h.recipientKind === k).reduce((a, h) => a + h.itemCount, 0);
  const stateArchive = sum('state_archive');
  const publicLibrary = sum('public_library');
  return { stateArchive, publicLibrary, items: Math.max(stateArchive, publicLibrary) };
}

/**
 * 《省司法厅信息公开指南》: items past online retention "不再继续通过网上公开，公民、法人或其他组织可以依申请获取" —
 * the application form, prefilled with the item's title and 索引号 (requests/request.pages.ts reads them).
 */
export function archiveRequestHref(
  agencyCode: string,
  item: { title: string; indexNo: string | null; docNo: string | null },
): string {
  const q = new URLSearchParams({ title: item.title });
  const ref = item.indexNo ?? item.docNo;
  if (ref) q.set('ref', ref);
  return `/a/${encodeURIComponent(agencyCode)}/apply?${q.toString()}`;
}
