/**
 * Guide use cases (docs/product.md §2.2): edit a draft prefilled from the agency record, publish it as a new
 * numbered version (history kept, R.12 "及时更新"), compare versions, and the yearly-review status.
 */
import { agencyRepository } from '../agencies/agency.repository.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { archivePolicy } from './archive.policy.ts';
import { archiveRepository as arch } from './archive.repository.ts';
import {
  contactOf,
  defaultGuide,
  diffGuides,
  type GuideContact,
  type GuideContent,
  type GuideReviewStatus,
  type GuideSection,
  guideReviewStatus,
  nextReviewOn,
  parseGuideContent,
} from './guide.ts';
import { publicationRepository as repo } from './publication.repository.ts';

export interface Ctx {
  actor: StaffActor;
  ip?: string | null;
}

async function currentContact(db: DbOrTx, agencyId: number): Promise<GuideContact> {
  const a = await agencyRepository.byId(db, agencyId);
  if (!a) throw new AppError('AGENCY_NOT_FOUND');
  return contactOf(a);
}

/** The review status of an agency's guide: missing, older than 12 months, or contact data changed since. */
export async function guideReview(deps: Deps, db: DbOrTx, agencyId: number): Promise<GuideReviewStatus> {
  const latest = await repo.latestGuide(db, agencyId);
  return guideReviewStatus(
    latest ? { nextReviewOn: latest.nextReviewOn, content: parseGuideContent(latest.contentJson) } : null,
    await currentContact(db, agencyId),
    chinaDate(deps.clock.now()),
  );
}

export interface GuideWorkspace {
  draft: GuideContent;
  /** false when the draft shown is a fresh prefill (from the latest version, else from the agency record) */
  draftSaved: boolean;
  draftUpdatedAt: string | null;
  contact: GuideContact;
  versions: { version: number; publishedOn: string; nextReviewOn: string; createdAt: string }[];
  review: GuideReviewStatus;
}

export async function guideWorkspace(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
): Promise<GuideWorkspace> {
  const dir = await agencyDirectory(deps, db);
  const agency = dir.get(agencyId);
  if (!agency || !archivePolicy.canReadGuide(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const contact = await currentContact(db, agencyId);
  const versions = await repo.guideVersions(db, agencyId);
  const draftRow = await arch.guideDraft(db, agencyId);
  let draft: GuideContent;
  if (draftRow) draft = { ...parseGuideContent(draftRow.contentJson), contact };
  else if (versions[0]) draft = { ...parseGuideContent(versions[0].contentJson), contact };
  else draft = defaultGuide(agency.name, contact);
  return {
    draft,
    draftSaved: draftRow !== undefined,
    draftUpdatedAt: draftRow?.updatedAt ?? null,
    contact,
    versions: versions.map((v) => ({
      version: v.version,
      publishedOn: v.publishedOn,
      nextReviewOn: v.nextReviewOn,
      createdAt: v.createdAt,
    })),
    review: await guideReview(deps, db, agencyId),
  };
}

export async function saveGuideDraft(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  sections: GuideSection[],
): Promise<void> {
  const dir = await agencyDirectory(deps, tx);
  if (!archivePolicy.canEditGuide(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const before = await arch.guideDraft(tx, agencyId);
  const contentJson = JSON.stringify({ sections: sections.map((s) => ({ ...s, text: s.text.trim() })) });
  await arch.upsertGuideDraft(tx, {
    agencyId,
    contentJson,
    updatedBy: ctx.actor.userId,
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'guide',
    entityId: agencyId,
    action: 'guide.draft_saved',
    before: before ? { contentJson: before.contentJson } : null,
    after: { contentJson },
    ip: ctx.ip ?? null,
  });
}

/** Publishes the saved draft as the next version, with the agency's contact data as of today. */
export async function publishGuide(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
): Promise<{ version: number; publishedOn: string }> {
  const dir = await agencyDirectory(deps, tx);
  if (!archivePolicy.canEditGuide(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const draft = await arch.guideDraft(tx, agencyId);
  if (!draft) throw new AppError('GUIDE_DRAFT_MISSING');
  const latest = await repo.latestGuide(tx, agencyId);
  const publishedOn = chinaDate(deps.clock.now());
  const content: GuideContent = {
    sections: parseGuideContent(draft.contentJson).sections,
    contact: await currentContact(tx, agencyId),
  };
  const row = await repo.insertGuide(tx, {
    agencyId,
    version: (latest?.version ?? 0) + 1,
    contentJson: JSON.stringify(content),
    publishedOn,
    nextReviewOn: nextReviewOn(publishedOn),
    createdBy: ctx.actor.userId,
    createdAt: deps.clock.now().toISOString(),
  });
  await arch.deleteGuideDraft(tx, agencyId);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'guide',
    entityId: agencyId,
    action: 'guide.published',
    before: latest ? { version: latest.version } : null,
    after: { version: row.version, publishedOn, nextReviewOn: row.nextReviewOn },
    ip: ctx.ip ?? null,
  });
  return { version: row.version, publishedOn };
}

export async function guideVersionContent(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  version: number,
) {
  const dir = await agencyDirectory(deps, db);
  if (!archivePolicy.canReadGuide(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const row = await arch.guideVersion(db, agencyId, version);
  if (!row) throw new AppError('GUIDE_VERSION_NOT_FOUND');
  return { version: row.version, publishedOn: row.publishedOn, content: parseGuideContent(row.contentJson) };
}

export async function guideDiff(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  from: number,
  to: number,
) {
  const a = await guideVersionContent(deps, db, actor, agencyId, from);
  const b = await guideVersionContent(deps, db, actor, agencyId, to);
  return diffGuides(a.content, b.content);
}
