/**
 * Filing (备案), yearly archive volumes (归档卷) and the hand-over log (移交) — see archive.ts for the
 * rules and their sources. Each use case takes (deps, tx, ctx, …); the route opens the transaction and
 * every state change writes an audit event in it.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import {
  ARCHIVED_ITEM_STATUSES,
  FILEABLE_ITEM_STATUSES,
  type FilingEvent,
  type FilingStatus,
  isHandedOver,
  nextFilingStatus,
  type RecipientKind,
} from './archive.ts';
import { archivePolicy, supervisorsOf } from './archive.policy.ts';
import { archiveRepository as arch } from './archive.repository.ts';
import type { ArchiveVolumeRow } from './archive.table.ts';
import { publicationPolicy } from './publication.policy.ts';
import { publicationRepository as repo } from './publication.repository.ts';

export interface Ctx {
  actor: StaffActor;
  ip?: string | null;
}

const today = (deps: Deps) => chinaDate(deps.clock.now());

// ------------------------------------------------------------------ filing

export async function fileItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  input: { itemId: number; supervisorId: number; reportNo: string; filedOn: string; note: string | null },
) {
  const dir = await agencyDirectory(deps, tx);
  const item = await repo.itemById(tx, input.itemId);
  if (!item || !publicationPolicy.canRead(ctx.actor, dir, item)) throw new AppError('ITEM_NOT_FOUND');
  if (!archivePolicy.canFile(ctx.actor, dir, item.agencyId)) throw new AppError('FORBIDDEN');
  if (!(FILEABLE_ITEM_STATUSES as readonly string[]).includes(item.status))
    throw new AppError('FILING_ITEM_NOT_FILEABLE');
  if (!supervisorsOf(dir, item.agencyId).includes(input.supervisorId))
    throw new AppError('FILING_SUPERVISOR_INVALID');
  if (await arch.filingOf(tx, item.id, input.supervisorId)) throw new AppError('FILING_DUPLICATE');
  const now = deps.clock.now().toISOString();
  const row = await arch.insertFiling(tx, {
    itemId: item.id,
    agencyId: item.agencyId,
    supervisorId: input.supervisorId,
    reportNo: input.reportNo.trim(),
    filedOn: input.filedOn,
    note: input.note,
    status: 'filed' satisfies FilingStatus,
    reviewNote: null,
    reviewedOn: null,
    reviewedBy: null,
    filedBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: item.agencyId,
    entityType: 'item_filing',
    entityId: row.id,
    action: 'filing.filed',
    after: row,
    ip: ctx.ip ?? null,
  });
  return row;
}

/** The supervising office records its review: 已审查 or 要求纠正 (with a note). */
export async function reviewFiling(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { decision: 'reviewed' | 'correction_required'; note: string | null },
) {
  const dir = await agencyDirectory(deps, tx);
  const before = await arch.filing(tx, id);
  if (!before || !archivePolicy.canReviewFiling(ctx.actor, dir, before.supervisorId))
    throw new AppError('FILING_NOT_FOUND');
  if (input.decision === 'correction_required' && !input.note?.trim())
    throw validationError([
      { field: 'note', label: '审查意见', message: '要求纠正时必须写明需要纠正的内容' },
    ]);
  const event: FilingEvent = input.decision === 'reviewed' ? 'review' : 'require_correction';
  const status = nextFilingStatus(before.status as FilingStatus, event);
  if (!status) throw new AppError('FILING_INVALID_TRANSITION');
  const row = await arch.updateFiling(tx, id, {
    status,
    reviewNote: input.note,
    reviewedOn: today(deps),
    reviewedBy: ctx.actor.userId,
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: before.supervisorId,
    entityType: 'item_filing',
    entityId: id,
    action: `filing.${status}`,
    before: { status: before.status },
    after: { status, reviewNote: input.note },
    ip: ctx.ip ?? null,
  });
  return row;
}

/** After 要求纠正 the issuing agency corrects the item and files again. */
export async function refileItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { reportNo: string; filedOn: string; note: string | null },
) {
  const dir = await agencyDirectory(deps, tx);
  const before = await arch.filing(tx, id);
  if (!before || !archivePolicy.canFile(ctx.actor, dir, before.agencyId))
    throw new AppError('FILING_NOT_FOUND');
  const status = nextFilingStatus(before.status as FilingStatus, 'refile');
  if (!status) throw new AppError('FILING_INVALID_TRANSITION');
  const row = await arch.updateFiling(tx, id, {
    status,
    reportNo: input.reportNo.trim(),
    filedOn: input.filedOn,
    note: input.note,
    filedBy: ctx.actor.userId,
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: before.agencyId,
    entityType: 'item_filing',
    entityId: id,
    action: 'filing.refiled',
    before: { status: before.status, reportNo: before.reportNo, reviewNote: before.reviewNote },
    after: { status, reportNo: row.reportNo, filedOn: row.filedOn },
    ip: ctx.ip ?? null,
  });
  return row;
}

/** What the actor filed (as the issuing agency) and what was filed with it (as the supervising office). */
export async function listFilings(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  side: 'filed' | 'received',
  status?: FilingStatus,
) {
  const dir = await agencyDirectory(deps, db);
  return side === 'filed'
    ? arch.filings(db, { agencyIds: archivePolicy.filerScope(actor, dir), status })
    : arch.filings(db, { supervisorIds: archivePolicy.reviewerScope(actor, dir), status });
}

/** Items of an agency that can be filed, and the supervising agencies they can be filed with. */
export async function filingOptions(deps: Deps, db: DbOrTx, actor: StaffActor, agencyId: number) {
  const dir = await agencyDirectory(deps, db);
  if (!archivePolicy.canFile(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const items = await repo.itemsForStaff(db, {
    agencyIds: [agencyId],
    statuses: [...FILEABLE_ITEM_STATUSES],
    limit: 200,
    offset: 0,
  });
  return {
    supervisors: supervisorsOf(dir, agencyId).map((id) => ({ id, name: dir.get(id)?.name ?? String(id) })),
    items: items.rows.map((i) => ({ id: i.id, title: i.title, indexNo: i.indexNo, status: i.status })),
  };
}

// ------------------------------------------------------------------ archive volumes

async function readableVolume(deps: Deps, db: DbOrTx, actor: StaffActor, id: number) {
  const dir = await agencyDirectory(deps, db);
  const v = await arch.volumeById(db, id);
  if (!v || !archivePolicy.canReadArchive(actor, dir, v.agencyId)) throw new AppError('VOLUME_NOT_FOUND');
  return v;
}

/** The items that belong in an agency's volume for a year, as catalogue rows. */
async function catalogueRows(db: DbOrTx, agencyId: number, year: number) {
  const items = await arch.itemsOfYear(db, agencyId, year, ARCHIVED_ITEM_STATUSES);
  return items.map((i, n) => ({
    itemId: i.id,
    position: n + 1,
    indexNo: i.indexNo,
    title: i.title,
    docNo: i.docNo,
    generatedOn: i.generatedOn,
    publishedOn: i.publishedOn,
    attribute: i.attribute,
    scope: i.scope,
    status: i.status,
    attachmentCount: Number(i.attachmentCount ?? 0),
  }));
}

/** Builds (or rebuilds, while open) the volume of an agency and year from its items. */
export async function buildVolume(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  year: number,
): Promise<ArchiveVolumeRow> {
  const dir = await agencyDirectory(deps, tx);
  if (!archivePolicy.canManageArchive(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const now = deps.clock.now().toISOString();
  let v = await arch.volume(tx, agencyId, year);
  if (v?.status === 'closed') throw new AppError('VOLUME_CLOSED');
  const rows = await catalogueRows(tx, agencyId, year);
  if (!v)
    v = await arch.insertVolume(tx, {
      agencyId,
      year,
      status: 'open',
      itemCount: 0,
      closedOn: null,
      closedBy: null,
      createdAt: now,
      updatedAt: now,
    });
  await arch.replaceVolumeItems(tx, v.id, rows);
  const row = await arch.updateVolume(tx, v.id, { itemCount: rows.length, updatedAt: now });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'archive_volume',
    entityId: v.id,
    action: 'archive.volume_built',
    after: { year, itemCount: rows.length },
    ip: ctx.ip ?? null,
  });
  return row;
}

/** Closes (封卷) a volume after its year has ended: the catalogue is rebuilt one last time and frozen. */
export async function closeVolume(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number): Promise<ArchiveVolumeRow> {
  const v = await readableVolume(deps, tx, ctx.actor, id);
  const dir = await agencyDirectory(deps, tx);
  if (!archivePolicy.canManageArchive(ctx.actor, dir, v.agencyId)) throw new AppError('FORBIDDEN');
  if (v.status === 'closed') throw new AppError('VOLUME_CLOSED');
  if (Number(today(deps).slice(0, 4)) <= v.year) throw new AppError('VOLUME_YEAR_NOT_ENDED');
  const built = await buildVolume(deps, tx, ctx, v.agencyId, v.year);
  const row = await arch.updateVolume(tx, id, {
    status: 'closed',
    closedOn: today(deps),
    closedBy: ctx.actor.userId,
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: v.agencyId,
    entityType: 'archive_volume',
    entityId: id,
    action: 'archive.volume_closed',
    before: { status: v.status },
    after: { status: 'closed', itemCount: built.itemCount, closedOn: row.closedOn },
    ip: ctx.ip ?? null,
  });
  return row;
}

export async function volumesOf(deps: Deps, db: DbOrTx, actor: StaffActor, agencyId: number) {
  const dir = await agencyDirectory(deps, db);
  if (!archivePolicy.canReadArchive(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  return arch.volumesOf(db, agencyId);
}

export async function volumeWithItems(deps: Deps, db: DbOrTx, actor: StaffActor, id: number) {
  const volume = await readableVolume(deps, db, actor, id);
  const dir = await agencyDirectory(deps, db);
  return {
    volume,
    agencyName: dir.get(volume.agencyId)?.name ?? '',
    items: await arch.volumeItems(db, id),
  };
}

// ------------------------------------------------------------------ hand-over log

export async function recordHandover(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  input: {
    year: number;
    volumeId: number | null;
    recipientKind: RecipientKind;
    institution: string;
    handedOn: string;
    itemCount: number | null;
    receiptNo: string | null;
    note: string | null;
  },
) {
  const dir = await agencyDirectory(deps, tx);
  if (!archivePolicy.canManageArchive(ctx.actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  let itemCount = input.itemCount;
  if (input.volumeId === null && itemCount === null)
    throw validationError([
      { field: 'itemCount', label: '移交条数', message: '未选择归档卷时必须填写移交条数' },
    ]);
  let year = input.year;
  if (input.volumeId !== null) {
    const v = await arch.volumeById(tx, input.volumeId);
    if (!v || v.agencyId !== agencyId) throw new AppError('VOLUME_NOT_FOUND');
    if (v.status !== 'closed') throw new AppError('HANDOVER_VOLUME_NOT_CLOSED');
    year = v.year;
    // R.25: what is sent out is the proactively disclosed part of the volume
    itemCount ??= (await arch.volumeItems(tx, v.id)).filter(isHandedOver).length;
  }
  const row = await arch.insertHandover(tx, {
    agencyId,
    year,
    volumeId: input.volumeId,
    recipientKind: input.recipientKind,
    institution: input.institution.trim(),
    handedOn: input.handedOn,
    itemCount: itemCount ?? 0,
    receiptNo: input.receiptNo,
    note: input.note,
    recordedBy: ctx.actor.userId,
    createdAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: 'archive_handover',
    entityId: row.id,
    action: 'archive.handed_over',
    after: row,
    ip: ctx.ip ?? null,
  });
  return row;
}

export async function handoversOf(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  year?: number,
) {
  const dir = await agencyDirectory(deps, db);
  if (!archivePolicy.canReadArchive(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  return arch.handovers(db, agencyId, year);
}
