/** What leaves the server per audience (house style rule 10): staff views here; public pages render in publication.pages.ts from public rows only. */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { ITEM_STATUS_LABELS, type ItemStatus } from './information-item.ts';
import type { AttachmentRow, ItemReviewRow, ItemRow } from './publication.table.ts';
import type { ItemStaffView } from './publication.schemas.ts';
import type { Finding } from './sensitive-scan.ts';
import { subjectLabel } from './subjects.ts';

export function presentItemForStaff(
  i: ItemRow,
  dir: AgencyDirectory,
  extra: {
    attachments?: Omit<AttachmentRow, 'contentB64'>[];
    reviews?: ItemReviewRow[];
    joint?: { agencyId: number; consentedOn: string | null; consentNote?: string | null }[];
  } = {},
): ItemStaffView {
  const override = i.scanOverrideJson
    ? (JSON.parse(i.scanOverrideJson) as { reason: string; by: string; at: string })
    : null;
  return {
    id: i.id,
    agencyId: i.agencyId,
    agencyName: dir.byId.get(i.agencyId)?.name ?? '',
    status: i.status,
    statusLabel: ITEM_STATUS_LABELS[i.status as ItemStatus] ?? i.status,
    indexNo: i.indexNo,
    title: i.title,
    subjectCode: i.subjectCode,
    subjectLabel: subjectLabel(i.subjectCode),
    catalogEntryId: i.catalogEntryId,
    publisher: i.publisher,
    generatedOn: i.generatedOn,
    publishedOn: i.publishedOn,
    docNo: i.docNo,
    validity: i.validity,
    scope: i.scope,
    attribute: i.attribute,
    nonDisclosureGround: i.nonDisclosureGround,
    nonDisclosureReason: i.nonDisclosureReason,
    summary: i.summary,
    keywords: i.keywords,
    bodyHtml: i.bodyHtml,
    partial: i.partial === 1,
    publicBodyHtml: i.publicBodyHtml,
    producingUnit: i.producingUnit,
    responsiblePerson: i.responsiblePerson,
    interpretationOfId: i.interpretationOfId,
    declassified: i.declassified === 1,
    channels: JSON.parse(i.channelsJson) as string[],
    scheduledAt: i.scheduledAt,
    publishDueOn: i.publishDueOn,
    approvalChain: JSON.parse(i.approvalChainJson ?? '[]') as string[],
    approvalStep: i.approvalStep,
    findings: i.scanJson ? (JSON.parse(i.scanJson) as Finding[]) : [],
    scanOverride: override,
    changeNote: i.changeNote,
    createdBy: i.createdBy,
    updatedAt: i.updatedAt,
    attachments: extra.attachments?.map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      publicVisible: a.publicVisible === 1,
    })),
    reviews: extra.reviews?.map((r) => ({
      stage: r.stage,
      decision: r.decision,
      basis: r.basis,
      reason: r.reason,
      reviewer: r.reviewerLabel,
      reviewedOn: r.reviewedOn,
    })),
    jointAgencies: extra.joint?.map((j) => ({
      agencyId: j.agencyId,
      agencyName: dir.byId.get(j.agencyId)?.name ?? '',
      consentedOn: j.consentedOn,
      consentNote: j.consentNote ?? null,
    })),
  };
}
