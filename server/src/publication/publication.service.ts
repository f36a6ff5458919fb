/**
 * Publication use cases (docs/product.md §2.3). Each takes (deps, tx, ctx, input); the route or CLI opens
 * the transaction. Every state change writes an audit event in that transaction, and the search
 * index is changed in the same transaction as the item's visibility (docs/product.md §6).
 */
import { createHash } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyRepository } from '../agencies/agency.repository.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { calendarFor, createDeadline } from '../calendar/calendar.service.ts';
import { deadlineRepository } from '../calendar/deadline.repository.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { isRole, type Role } from '../access/roles.ts';
import { extractKeywords, indexPublicItem, setIndexedValidity, unindexItem } from '../search/index.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { cacheChanged } from '../cluster/cache-bus.ts';
import { checkAttachment, extractText } from './attachment-files.ts';
import { DEFAULT_CATALOG, DEFAULT_CATALOG_FORM, DEFAULT_CATALOG_LIMIT, flattenCatalog } from './catalog.ts';
import {
  DEFAULT_INDEX_PATTERN,
  IndexPatternError,
  parseIndexPattern,
  renderIndexNumber,
  sequencePeriodKey,
} from './index-number.ts';
import {
  checkDraft,
  type DisclosureAttribute,
  htmlToText,
  type ItemEvent,
  type ItemStatus,
  nextStatus,
  type PublicScope,
  type Validity,
} from './information-item.ts';
import { publicationPolicy } from './publication.policy.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import { ITEM_ENTITY, PUBLICATION_DEADLINE_KIND } from './publish-due.service.ts';
import type { ItemRow } from './publication.table.ts';
import { type Finding, findingsFingerprint, scanItem } from './sensitive-scan.ts';
import { isKnownSubject } from './subjects.ts';

export interface Ctx {
  actor: StaffActor | null;
  ip?: string | null;
}

const ENTITY = ITEM_ENTITY;
const DEADLINE_KIND = PUBLICATION_DEADLINE_KIND;

// ---------------------------------------------------------------- helpers

function actorOf(ctx: Ctx): StaffActor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

async function audit(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  item: { id: number; agencyId: number },
  action: string,
  before?: unknown,
  after?: unknown,
) {
  await recordAudit(tx, deps, {
    actor: ctx.actor ? actorRef(ctx.actor) : SYSTEM_ACTOR,
    agencyId: item.agencyId,
    entityType: ENTITY,
    entityId: item.id,
    action,
    before,
    after,
    ip: ctx.ip ?? null,
  });
}

/** What an audit event keeps of an item (never the full body). */
function snap(i: ItemRow) {
  return {
    status: i.status,
    title: i.title,
    indexNo: i.indexNo,
    validity: i.validity,
    scope: i.scope,
    attribute: i.attribute,
  };
}

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'b',
      'em',
      'i',
      'u',
      'ul',
      'ol',
      'li',
      'h2',
      'h3',
      'h4',
      'blockquote',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'a',
    ],
    allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  });
}

function today(deps: Deps): string {
  return chinaDate(deps.clock.now());
}

async function loadItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
): Promise<{ item: ItemRow; dir: AgencyDirectory; actor: StaffActor }> {
  const actor = actorOf(ctx);
  const item = await repo.itemById(tx, id);
  const dir = await agencyDirectory(deps, tx);
  if (!item || !publicationPolicy.canRead(actor, dir, item)) throw new AppError('ITEM_NOT_FOUND');
  return { item, dir, actor };
}

function transition(item: ItemRow, event: ItemEvent): ItemStatus {
  const to = nextStatus(item.status as ItemStatus, event);
  if (!to) throw new AppError('ITEM_INVALID_TRANSITION', { detail: { from: item.status, event } });
  return to;
}

// ---------------------------------------------------------------- agency setup

export interface PublicationSettings {
  indexPattern: string;
  approvalChain: Role[];
}

export async function settingsFor(tx: DbOrTx, agencyId: number): Promise<PublicationSettings> {
  const s = await repo.settings(tx, agencyId);
  if (!s) return { indexPattern: DEFAULT_INDEX_PATTERN, approvalChain: ['leader'] };
  const chain = (JSON.parse(s.approvalChainJson) as string[]).filter(isRole);
  return { indexPattern: s.indexPattern, approvalChain: chain.length ? chain : ['leader'] };
}

export async function updateSettings(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  input: PublicationSettings,
) {
  const actor = actorOf(ctx);
  const dir = await agencyDirectory(deps, tx);
  if (!publicationPolicy.canManage(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  try {
    parseIndexPattern(input.indexPattern);
  } catch (e) {
    if (e instanceof IndexPatternError)
      throw validationError([{ field: 'indexPattern', label: '索引号规则', message: e.message }]);
    throw e;
  }
  const before = await settingsFor(tx, agencyId);
  await repo.upsertSettings(
    tx,
    agencyId,
    input.indexPattern,
    JSON.stringify(input.approvalChain),
    deps.clock.now().toISOString(),
  );
  await recordAudit(tx, deps, {
    actor: actorRef(actor),
    agencyId,
    entityType: 'publication_settings',
    entityId: agencyId,
    action: 'publication.settings_updated',
    before,
    after: input,
    ip: ctx.ip ?? null,
  });
  return input;
}

/** Seeds the default catalog tree (《省司法厅政务公开意见》 top level + R.20 items) for an agency that has none. */
export async function ensureCatalog(deps: Deps, tx: DbOrTx, agencyId: number): Promise<void> {
  if ((await repo.catalog(tx, agencyId)).length > 0) return;
  const now = deps.clock.now().toISOString();
  const ids = new Map<string, number>();
  let order = 0;
  for (const s of flattenCatalog(DEFAULT_CATALOG)) {
    const row = await repo.insertCatalogEntry(tx, {
      agencyId,
      parentId: s.parentCode ? ids.get(s.parentCode)! : null,
      code: s.code,
      name: s.name,
      matter: s.statutoryItem ? `《政府信息公开条例》第二十条第（${s.statutoryItem}）项` : null,
      timeLimit: DEFAULT_CATALOG_LIMIT,
      form: DEFAULT_CATALOG_FORM,
      statutoryItem: s.statutoryItem ?? null,
      permanent: s.permanent ? 1 : 0,
      sortOrder: order++,
      active: 1,
      changedOn: null,
      updateDueOn: null,
      catalogUpdatedOn: null,
      createdAt: now,
      updatedAt: now,
    });
    ids.set(s.code, row.id);
  }
}

export interface CatalogEntryInput {
  parentId: number | null;
  code: string;
  name: string;
  matter: string | null;
  timeLimit: string;
  form: string;
  permanent: boolean;
  /** the date the matter, time limit or form changed (starts the 20-working-day catalog update limit) */
  changedOn?: string | null;
}

export async function saveCatalogEntry(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  id: number | null,
  input: CatalogEntryInput,
) {
  const actor = actorOf(ctx);
  const dir = await agencyDirectory(deps, tx);
  if (!publicationPolicy.canManage(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  // the portal's catalog tree is cached with the latest lists (latest.service.ts), on every node
  await cacheChanged(deps, tx, 'latest', agencyId);
  await ensureCatalog(deps, tx, agencyId);
  const all = await repo.catalog(tx, agencyId);
  if (input.parentId !== null && !all.some((e) => e.id === input.parentId))
    throw new AppError('CATALOG_ENTRY_NOT_FOUND');
  if (all.some((e) => e.code === input.code && e.id !== id)) throw new AppError('CATALOG_CODE_TAKEN');
  const now = deps.clock.now().toISOString();
  const rules = await rulesForAgency(deps, tx, agencyId);
  // docs/product.md §2.2: a change of matter, limit or form is reflected in the catalog within 20 working days
  const changedOn = input.changedOn ?? today(deps);
  const updateDueOn = (await calendarFor(deps, agencyId)).addWorkingDays(changedOn, rules.catalogUpdateDays);
  const fields = {
    parentId: input.parentId,
    code: input.code,
    name: input.name,
    matter: input.matter,
    timeLimit: input.timeLimit,
    form: input.form,
    permanent: input.permanent ? 1 : 0,
    changedOn,
    updateDueOn,
    catalogUpdatedOn: today(deps),
    updatedAt: now,
  };
  if (id === null) {
    const row = await repo.insertCatalogEntry(tx, {
      ...fields,
      agencyId,
      statutoryItem: null,
      sortOrder: all.length,
      active: 1,
      createdAt: now,
    });
    await recordAudit(tx, deps, {
      actor: actorRef(actor),
      agencyId,
      entityType: 'catalog_entry',
      entityId: row.id,
      action: 'catalog.created',
      after: row,
      ip: ctx.ip ?? null,
    });
    return row;
  }
  const before = all.find((e) => e.id === id);
  if (!before) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
  const row = await repo.updateCatalogEntry(tx, id, fields);
  await recordAudit(tx, deps, {
    actor: actorRef(actor),
    agencyId,
    entityType: 'catalog_entry',
    entityId: id,
    action: 'catalog.updated',
    before,
    after: row,
    ip: ctx.ip ?? null,
  });
  return row;
}

// ---------------------------------------------------------------- drafting

export interface ItemInput {
  agencyId: number;
  unitId?: number | null;
  catalogEntryId?: number | null;
  title: string;
  subjectCode?: string | null;
  publisher?: string | null;
  generatedOn: string;
  docNo?: string | null;
  scope: PublicScope;
  channels?: string[];
  attribute: DisclosureAttribute;
  nonDisclosureGround?: string | null;
  nonDisclosureReason?: string | null;
  summary?: string | null;
  keywords?: string | null;
  bodyHtml: string;
  partial?: boolean;
  publicBodyHtml?: string | null;
  producingUnit?: string | null;
  responsiblePerson?: string | null;
  interpretationOfId?: number | null;
  declassified?: boolean;
  jointAgencyIds?: number[];
  scheduledAt?: string | null;
}

async function validateInput(tx: DbOrTx, input: ItemInput) {
  const problems = checkDraft({
    title: input.title,
    attribute: input.attribute,
    nonDisclosureGround: input.nonDisclosureGround ?? null,
    scope: input.scope,
    generatedOn: input.generatedOn,
    partial: !!input.partial,
    publicBody: input.publicBodyHtml ?? null,
    jointAgencyIds: input.jointAgencyIds ?? [],
  });
  if (input.subjectCode) {
    const local = await repo.localSubjects(tx, input.agencyId);
    if (!isKnownSubject(input.subjectCode, local))
      problems.push({ field: 'subjectCode', label: '主题分类', message: '主题分类不存在' });
  }
  if (input.catalogEntryId) {
    const e = await repo.catalogEntry(tx, input.catalogEntryId);
    if (!e || e.agencyId !== input.agencyId)
      problems.push({ field: 'catalogEntryId', label: '目录分类', message: '不是本机关的目录分类' });
  }
  if (input.interpretationOfId) {
    const p = await repo.itemById(tx, input.interpretationOfId);
    if (!p || p.agencyId !== input.agencyId)
      problems.push({ field: 'interpretationOfId', label: '所解读的文件', message: '必须是本机关的文件' });
  }
  if (input.scheduledAt && Number.isNaN(Date.parse(input.scheduledAt)))
    problems.push({ field: 'scheduledAt', label: '定时发布时间', message: '时间格式不正确' });
  if (problems.length) throw validationError(problems);
}

function columnsFrom(input: ItemInput, agencyName: string) {
  const bodyHtml = sanitizeBody(input.bodyHtml);
  return {
    unitId: input.unitId ?? null,
    catalogEntryId: input.catalogEntryId ?? null,
    title: input.title.trim(),
    subjectCode: input.subjectCode ?? null,
    publisher: input.publisher?.trim() || agencyName,
    generatedOn: input.generatedOn,
    docNo: input.docNo?.trim() || null,
    scope: input.scope,
    channelsJson: JSON.stringify(input.channels?.length ? input.channels : ['website']),
    attribute: input.attribute,
    nonDisclosureGround: input.attribute === 'proactive' ? null : (input.nonDisclosureGround ?? null),
    nonDisclosureReason: input.attribute === 'proactive' ? null : (input.nonDisclosureReason ?? null),
    summary: input.summary ?? null,
    keywords: input.keywords ?? null,
    bodyHtml,
    partial: input.partial ? 1 : 0,
    publicBodyHtml: input.partial ? sanitizeBody(input.publicBodyHtml ?? '') : null,
    producingUnit: input.producingUnit ?? null,
    responsiblePerson: input.responsiblePerson ?? null,
    interpretationOfId: input.interpretationOfId ?? null,
    declassified: input.declassified ? 1 : 0,
    scheduledAt: input.scheduledAt ?? null,
  };
}

/**
 * The scan covers what would be published: the public version of a partial publication and the
 * attachments the public would download (the unredacted original stays internal, 《县司法局公开工作制度》 §4 区分处理).
 */
async function rescan(tx: DbOrTx, item: ItemRow): Promise<Finding[]> {
  const atts = (await repo.attachments(tx, item.id)).filter((a) => a.publicVisible === 1);
  const body = item.partial ? (item.publicBodyHtml ?? '') : item.bodyHtml;
  return scanItem({
    title: item.title,
    summary: item.summary,
    body: htmlToText(body),
    attachments: atts.map((a) => ({ name: a.name, text: a.text })),
  });
}

async function storeScan(tx: DbOrTx, item: ItemRow): Promise<ItemRow> {
  const findings = await rescan(tx, item);
  return repo.updateItem(tx, item.id, { scanJson: JSON.stringify(findings) });
}

/** Live scan for the editor (nothing stored). */
export function scanDraft(input: {
  title: string;
  bodyHtml: string;
  attachmentTexts?: { name: string; text: string }[];
}): Finding[] {
  return scanItem({
    title: input.title,
    body: htmlToText(input.bodyHtml),
    attachments: input.attachmentTexts ?? [],
  });
}

async function startPublicationClock(deps: Deps, tx: DbOrTx, ctx: Ctx, item: ItemRow): Promise<ItemRow> {
  if (item.attribute !== 'proactive') return item;
  const rules = await rulesForAgency(deps, tx, item.agencyId);
  // R.26: public within 20 working days of being generated or changed
  const d = await createDeadline(deps, tx, ctx, {
    agencyId: item.agencyId,
    subjectType: ENTITY,
    subjectId: item.id,
    kind: DEADLINE_KIND,
    startDate: item.generatedOn,
    workingDays: rules.proactivePublishDays,
  });
  return repo.updateItem(tx, item.id, { publishDueOn: d.dueDate });
}

async function closePublicationClock(deps: Deps, tx: DbOrTx, itemId: number, state: string) {
  for (const d of await deadlineRepository.bySubject(tx, ENTITY, itemId))
    if (d.state === 'open' && d.kind === DEADLINE_KIND)
      await deadlineRepository.setState(tx, d.id, state, deps.clock.now().toISOString());
}

export async function createItem(deps: Deps, tx: DbOrTx, ctx: Ctx, input: ItemInput): Promise<ItemRow> {
  const actor = actorOf(ctx);
  const dir = await agencyDirectory(deps, tx);
  if (!publicationPolicy.canDraftIn(actor, dir, input.agencyId)) throw new AppError('FORBIDDEN');
  await ensureCatalog(deps, tx, input.agencyId);
  await validateInput(tx, input);
  const now = deps.clock.now().toISOString();
  const agency = dir.byId.get(input.agencyId)!;
  let item = await repo.insertItem(tx, {
    agencyId: input.agencyId,
    ...columnsFrom(input, agency.name),
    indexNo: null,
    publishedOn: null,
    publishedAt: null,
    validity: 'valid',
    validityChangedOn: null,
    validityNote: null,
    replacedById: null,
    status: 'draft',
    approvalChainJson: null,
    approvalStep: 0,
    publishDueOn: null,
    scanJson: null,
    scanOverrideJson: null,
    changeNote: null,
    revokedAt: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await repo.setJointAgencies(tx, item.id, input.jointAgencyIds ?? []);
  item = await storeScan(tx, item);
  item = await startPublicationClock(deps, tx, ctx, item);
  await audit(deps, tx, ctx, item, 'item.created', undefined, snap(item));
  return item;
}

export async function updateItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: ItemInput,
): Promise<ItemRow> {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canEdit(actor, dir, item)) throw new AppError('FORBIDDEN');
  if (item.status !== 'draft') throw new AppError('ITEM_NOT_EDITABLE');
  input = { ...input, agencyId: item.agencyId };
  await validateInput(tx, input);
  let after = await repo.updateItem(tx, id, {
    ...columnsFrom(input, dir.byId.get(item.agencyId)!.name),
    // an edited draft loses any earlier scan override: the reviewer must look again
    scanOverrideJson: null,
    updatedAt: deps.clock.now().toISOString(),
  });
  await repo.setJointAgencies(tx, id, input.jointAgencyIds ?? []);
  after = await storeScan(tx, after);
  if (after.generatedOn !== item.generatedOn || after.attribute !== item.attribute) {
    // R.26 counts from the generation or change date
    await closePublicationClock(deps, tx, id, 'superseded');
    after = await startPublicationClock(deps, tx, ctx, after);
  }
  await audit(deps, tx, ctx, after, 'item.updated', snap(item), snap(after));
  return after;
}

export async function addAttachment(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  file: { name: string; bytes: Uint8Array; publicVisible?: boolean },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canEdit(actor, dir, item)) throw new AppError('FORBIDDEN');
  if (item.status !== 'draft') throw new AppError('ITEM_NOT_EDITABLE');
  const checked = checkAttachment(file.name, file.bytes);
  if ('refused' in checked)
    throw new AppError(checked.refused === 'size' ? 'ATTACHMENT_TOO_LARGE' : 'ATTACHMENT_TYPE_NOT_ALLOWED');
  const text = await extractText(checked.kind, file.bytes);
  if (text === null)
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', {
      message: '无法读取附件内容（文件可能已损坏或加密），不能进行敏感信息检查；请另存后重新上传',
    });
  // path separators and control characters never reach a Content-Disposition header
  const name = [...file.name]
    .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c))
    .join('')
    .slice(0, 200);
  const att = await repo.insertAttachment(tx, {
    itemId: id,
    name,
    mime: checked.mime,
    size: checked.size,
    sha256: checked.sha256,
    contentB64: Buffer.from(file.bytes).toString('base64'),
    text,
    publicVisible: file.publicVisible === false ? 0 : 1,
    createdAt: deps.clock.now().toISOString(),
  });
  const after = await storeScan(
    tx,
    await repo.updateItem(tx, id, { scanOverrideJson: null, updatedAt: deps.clock.now().toISOString() }),
  );
  await audit(deps, tx, ctx, item, 'item.attachment_added', undefined, {
    attachmentId: att.id,
    name,
    size: att.size,
    sha256: att.sha256,
    publicVisible: att.publicVisible,
  });
  return { attachment: { ...att, contentB64: undefined }, item: after };
}

export async function removeAttachment(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number, attachmentId: number) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canEdit(actor, dir, item)) throw new AppError('FORBIDDEN');
  if (item.status !== 'draft') throw new AppError('ITEM_NOT_EDITABLE');
  const att = await repo.attachment(tx, attachmentId);
  if (!att || att.itemId !== id) throw new AppError('ATTACHMENT_NOT_FOUND');
  await repo.deleteAttachment(tx, attachmentId);
  const after = await storeScan(tx, item);
  await audit(
    deps,
    tx,
    ctx,
    item,
    'item.attachment_removed',
    { attachmentId, name: att.name, sha256: att.sha256 },
    undefined,
  );
  return after;
}

// ---------------------------------------------------------------- the pipeline

async function recordReview(
  deps: Deps,
  tx: DbOrTx,
  actor: StaffActor,
  itemId: number,
  stage: string,
  decision: string,
  basis: string | null,
  reason: string | null,
) {
  await repo.insertReview(tx, {
    itemId,
    stage,
    decision,
    basis,
    reason,
    reviewerUserId: actor.userId,
    reviewerLabel: actorRef(actor).label,
    reviewedOn: today(deps),
    createdAt: deps.clock.now().toISOString(),
  });
}

/** Separation of duties on one item (publicationPolicy.canFillStep, docs/access.md). */
async function assertSeparateDuties(tx: DbOrTx, item: ItemRow, actor: StaffActor, stage: string) {
  if (!publicationPolicy.canFillStep(actor.userId, item, await repo.reviews(tx, item.id), stage))
    throw new AppError('SEPARATION_OF_DUTIES');
}

/** Step 1 (《县司法局公开工作制度》《县局政务公开制度汇编》): the drafter's opinion on classification and disclosure, and submission. */
export async function submitItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  opinion: { opinion: string; requestOverride?: boolean },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canEdit(actor, dir, item)) throw new AppError('FORBIDDEN');
  const status = transition(item, 'submit');
  // the scan stops a proactive item at the drafter's desk; only an explicit request sends flagged
  // content on to the review office, which alone may override (docs/product.md §2.3)
  const findings = await rescan(tx, item);
  if (item.attribute === 'proactive' && findings.length > 0 && !opinion.requestOverride)
    throw new AppError('ITEM_SCAN_BLOCKED', { detail: { findings } });
  await recordReview(deps, tx, actor, id, 'drafter', item.attribute, null, opinion.opinion);
  const after = await repo.updateItem(tx, id, { status, updatedAt: deps.clock.now().toISOString() });
  await audit(deps, tx, ctx, after, 'item.submitted', snap(item), snap(after));
  return after;
}

/** Step 2: the leader in charge reviews (approve → review office; return → drafter). */
export async function leaderReview(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { decision: 'approve' | 'return'; comment: string | null },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canLeaderReview(actor, dir, item.agencyId)) throw new AppError('FORBIDDEN');
  if (item.status !== 'leader_review') throw new AppError('ITEM_INVALID_TRANSITION');
  await assertSeparateDuties(tx, item, actor, 'leader');
  const status = transition(item, input.decision === 'approve' ? 'leader_approve' : 'return');
  await recordReview(deps, tx, actor, id, 'leader', input.decision, null, input.comment);
  const after = await repo.updateItem(tx, id, { status, updatedAt: deps.clock.now().toISOString() });
  await audit(deps, tx, ctx, after, `item.leader_${input.decision}`, snap(item), snap(after));
  return after;
}

export type OfficeConclusion = 'public' | 'not_public' | 'refer' | 'defer' | 'return';

/** Step 3: the confidentiality review office's conclusion 公开 / 不予公开 / 需报审, with basis and reasons (the written record). */
export async function officeReview(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { conclusion: OfficeConclusion; basis: string | null; reason: string | null },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canOfficeReview(actor, dir, item.agencyId)) throw new AppError('FORBIDDEN');
  if (item.status !== 'office_review') throw new AppError('ITEM_INVALID_TRANSITION');
  await assertSeparateDuties(tx, item, actor, 'office');
  if (input.conclusion === 'public' && item.attribute !== 'proactive')
    throw new AppError('ITEM_NOT_PROACTIVE');
  if ((input.conclusion === 'not_public' || input.conclusion === 'refer') && !input.basis?.trim())
    throw validationError([{ field: 'basis', label: '审查依据', message: '不予公开或报审时必须写明依据' }]);
  const event: ItemEvent =
    input.conclusion === 'public'
      ? 'conclude_public'
      : input.conclusion === 'not_public'
        ? 'conclude_not_public'
        : input.conclusion === 'refer'
          ? 'refer'
          : input.conclusion === 'defer'
            ? 'defer'
            : 'return';
  const status = transition(item, event);
  await recordReview(deps, tx, actor, id, 'office', input.conclusion, input.basis, input.reason);
  const settings = await settingsFor(tx, item.agencyId);
  const after = await repo.updateItem(tx, id, {
    status,
    ...(status === 'approval'
      ? { approvalChainJson: JSON.stringify(settings.approvalChain), approvalStep: 0 }
      : {}),
    updatedAt: deps.clock.now().toISOString(),
  });
  if (status === 'withheld') await closePublicationClock(deps, tx, id, 'closed');
  await audit(deps, tx, ctx, after, `item.review_${input.conclusion}`, snap(item), {
    ...snap(after),
    basis: input.basis,
    reason: input.reason,
  });
  return after;
}

/** A referred or deferred item goes back to the review office once its secrecy is determined (《县局政务公开制度汇编》 art.13). */
export async function resumeReview(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number, input: { note: string }) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canOfficeReview(actor, dir, item.agencyId)) throw new AppError('FORBIDDEN');
  await assertSeparateDuties(tx, item, actor, 'office');
  const status = transition(item, 'resume_review');
  await recordReview(deps, tx, actor, id, 'office', 'resume', null, input.note);
  const after = await repo.updateItem(tx, id, { status, updatedAt: deps.clock.now().toISOString() });
  await audit(deps, tx, ctx, after, 'item.review_resumed', snap(item), snap(after));
  return after;
}

/** The review office records why flagged content may be published anyway (bound to the current findings). */
export async function overrideScan(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number, input: { reason: string }) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canOfficeReview(actor, dir, item.agencyId)) throw new AppError('FORBIDDEN');
  await assertSeparateDuties(tx, item, actor, 'office');
  const findings = await rescan(tx, item);
  const override = {
    reason: input.reason,
    by: actorRef(actor).label,
    byUserId: actor.userId,
    at: deps.clock.now().toISOString(),
    fingerprint: createHash('sha256').update(findingsFingerprint(findings)).digest('hex'),
  };
  const after = await repo.updateItem(tx, id, {
    scanJson: JSON.stringify(findings),
    scanOverrideJson: JSON.stringify(override),
  });
  await audit(deps, tx, ctx, after, 'item.scan_overridden', undefined, {
    findings: findings.length,
    reason: input.reason,
  });
  return after;
}

/** Everything that must hold before an item becomes public (docs/product.md §2.3). */
async function assertPublishable(tx: DbOrTx, item: ItemRow) {
  if (item.attribute !== 'proactive') throw new AppError('ITEM_NOT_PROACTIVE');
  const findings = await rescan(tx, item);
  if (item.declassified && findings.some((f) => f.kind === 'classification_mark'))
    throw new AppError('ITEM_DECLASSIFIED_MARKS');
  if (findings.length > 0) {
    const o = item.scanOverrideJson ? (JSON.parse(item.scanOverrideJson) as { fingerprint: string }) : null;
    const fp = createHash('sha256').update(findingsFingerprint(findings)).digest('hex');
    if (!o || o.fingerprint !== fp) throw new AppError('ITEM_SCAN_BLOCKED', { detail: { findings } });
  }
  const joint = await repo.jointAgencies(tx, item.id);
  if (joint.some((j) => !j.consentedOn)) throw new AppError('ITEM_JOINT_CONSENT_MISSING');
}

/** Deliberation and approval along the agency's chain; the last step publishes or schedules (《县司法局公开工作制度》: 谁审批、谁负责). */
export async function approveItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { decision: 'approve' | 'return'; comment: string | null },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (item.status !== 'approval') throw new AppError('ITEM_INVALID_TRANSITION');
  const chain = (JSON.parse(item.approvalChainJson ?? '["leader"]') as string[]).filter(isRole);
  const role = chain[item.approvalStep] ?? 'leader';
  if (!publicationPolicy.canApproveAs(actor, dir, item.agencyId, role)) throw new AppError('FORBIDDEN');
  await assertSeparateDuties(tx, item, actor, `approval:${role}`);
  await recordReview(deps, tx, actor, id, `approval:${role}`, input.decision, null, input.comment);
  if (input.decision === 'return') {
    const after = await repo.updateItem(tx, id, {
      status: transition(item, 'return'),
      approvalStep: 0,
      updatedAt: deps.clock.now().toISOString(),
    });
    await audit(deps, tx, ctx, after, 'item.approval_returned', snap(item), snap(after));
    return after;
  }
  if (item.approvalStep + 1 < chain.length) {
    const after = await repo.updateItem(tx, id, {
      approvalStep: item.approvalStep + 1,
      updatedAt: deps.clock.now().toISOString(),
    });
    await audit(
      deps,
      tx,
      ctx,
      after,
      'item.approval_step',
      { step: item.approvalStep },
      { step: after.approvalStep, role },
    );
    return after;
  }
  await assertPublishable(tx, item);
  // docs/product.md §2.3.4 (《市司法局自查报告》: 解读材料与政策性文件一同报批, "谁起草、谁解读"): interpretation material
  // is published together with its policy document, never ahead of it — an approved interpretation of
  // a document not yet public waits (scheduled, no time) and is released in the document's transaction
  if (item.interpretationOfId) {
    const policy = await repo.itemById(tx, item.interpretationOfId);
    if (!policy || policy.status === 'revoked' || policy.status === 'withheld')
      throw new AppError('ITEM_POLICY_NOT_PUBLISHABLE');
    if (policy.status !== 'published') {
      const after = await repo.updateItem(tx, id, {
        status: transition(item, 'schedule'),
        scheduledAt: null,
        updatedAt: deps.clock.now().toISOString(),
      });
      await audit(deps, tx, ctx, after, 'item.held_for_policy', snap(item), {
        ...snap(after),
        policyId: policy.id,
      });
      return after;
    }
  }
  if (item.scheduledAt && Date.parse(item.scheduledAt) > deps.clock.now().getTime()) {
    const after = await repo.updateItem(tx, id, {
      status: transition(item, 'schedule'),
      updatedAt: deps.clock.now().toISOString(),
    });
    await audit(deps, tx, ctx, after, 'item.scheduled', snap(item), {
      ...snap(after),
      scheduledAt: item.scheduledAt,
    });
    return after;
  }
  transition(item, 'approve_final');
  return publish(deps, tx, ctx, item);
}

/** Allocates the 索引号 in this transaction and makes the item public (and searchable when public-scope). */
async function publish(deps: Deps, tx: DbOrTx, ctx: Ctx, item: ItemRow): Promise<ItemRow> {
  const on = today(deps);
  const settings = await settingsFor(tx, item.agencyId);
  const pattern = parseIndexPattern(settings.indexPattern);
  const agency = await agencyRepository.byId(tx, item.agencyId);
  const entry = item.catalogEntryId ? await repo.catalogEntry(tx, item.catalogEntryId) : undefined;
  const seq = await repo.nextSequence(tx, item.agencyId, sequencePeriodKey(pattern, on));
  const official = agency?.officialCode ?? null;
  const indexNo = renderIndexNumber(
    pattern,
    {
      creditCode: official && official.length === 18 ? official : null,
      orgCode: official && official.length === 18 ? official.slice(8, 17) : official,
      regionCode: agency?.regionCode ?? null,
      agencyCode: agency?.code ?? String(item.agencyId),
      category: entry?.code ?? null,
    },
    on,
    seq,
  );
  const bodyText = htmlToText(item.partial ? (item.publicBodyHtml ?? '') : item.bodyHtml);
  const keywords = item.keywords?.trim()
    ? item.keywords
    : extractKeywords(`${item.title}\n${bodyText}`).join(' ');
  const after = await repo.updateItem(tx, item.id, {
    status: 'published',
    indexNo,
    keywords,
    publishedOn: on,
    publishedAt: deps.clock.now().toISOString(),
    updatedAt: deps.clock.now().toISOString(),
  });
  if (after.scope === 'public') await indexItem(deps, tx, after);
  await closePublicationClock(deps, tx, item.id, 'met');
  await audit(deps, tx, ctx, after, 'item.published', snap(item), snap(after));
  await cacheChanged(deps, tx, 'latest');
  // its approved interpretation material goes public with it, in this transaction (docs/product.md §2.3.4)
  for (const held of await repo.interpretationsHeldFor(tx, item.id)) {
    await assertPublishable(tx, held);
    await publish(deps, tx, ctx, held);
  }
  return after;
}

async function indexItem(deps: Deps, tx: DbOrTx, item: ItemRow) {
  const atts = (await repo.attachments(tx, item.id)).filter((a) => a.publicVisible === 1);
  await indexPublicItem(deps, tx, {
    itemId: item.id,
    agencyId: item.agencyId,
    catalogEntryId: item.catalogEntryId,
    subjectCode: item.subjectCode,
    docNo: item.docNo,
    validity: item.validity,
    publishedOn: item.publishedOn!,
    title: item.title,
    bodyText: htmlToText(item.partial ? (item.publicBodyHtml ?? '') : item.bodyHtml),
    keywords: (item.keywords ?? '').split(/\s+/).filter(Boolean),
    attachmentTexts: atts.map((a) => a.text),
  });
}

/** Publishes scheduled items whose time has come (run by the scheduler and on start). */
export async function releaseScheduled(deps: Deps, tx: DbOrTx): Promise<number> {
  const due = await repo.scheduledDue(tx, deps.clock.now().toISOString(), deps.dialect === 'postgres');
  for (const row of due) {
    const item = await repo.itemById(tx, row.id);
    if (item?.status !== 'scheduled') continue; // already released together with its policy document
    const policy = item.interpretationOfId ? await repo.itemById(tx, item.interpretationOfId) : null;
    if (policy && policy.status !== 'published') {
      // an interpretation never goes public ahead of its policy document: it now waits for it
      await repo.updateItem(tx, item.id, { scheduledAt: null, updatedAt: deps.clock.now().toISOString() });
      continue;
    }
    await assertPublishable(tx, item);
    await publish(deps, tx, { actor: null }, item);
  }
  return due.length;
}

/** Revocation (撤回) before or after publication, with the explanation published (《县司法局公开工作制度》 §4); removed from the index in the same transaction. */
export async function revokeItem(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { explanation: string },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canManage(actor, dir, item.agencyId)) throw new AppError('FORBIDDEN');
  const status = transition(item, 'revoke');
  await unindexItem(deps, tx, id);
  const after = await repo.updateItem(tx, id, {
    status,
    changeNote: input.explanation,
    revokedAt: deps.clock.now().toISOString(),
    updatedAt: deps.clock.now().toISOString(),
  });
  await cacheChanged(deps, tx, 'latest');
  await audit(deps, tx, ctx, after, 'item.revoked', snap(item), {
    ...snap(after),
    explanation: input.explanation,
  });
  return after;
}

/** 有效性 changes (amended / abolished / expired), published with an explanation; an abolished document links its replacement. */
export async function changeValidity(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { validity: Validity; note: string; replacedById: number | null; effectiveOn?: string | null },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canManage(actor, dir, item.agencyId)) throw new AppError('FORBIDDEN');
  if (item.status !== 'published') throw new AppError('ITEM_NOT_PUBLISHED');
  if (input.replacedById !== null) {
    const r = await repo.itemById(tx, input.replacedById);
    if (!r || r.id === id || r.agencyId !== item.agencyId || r.status !== 'published')
      throw new AppError('ITEM_REPLACEMENT_INVALID');
  }
  const after = await repo.updateItem(tx, id, {
    validity: input.validity,
    validityNote: input.note,
    validityChangedOn: input.effectiveOn ?? today(deps),
    replacedById: input.replacedById,
    updatedAt: deps.clock.now().toISOString(),
  });
  await setIndexedValidity(tx, id, input.validity);
  await audit(
    deps,
    tx,
    ctx,
    after,
    'item.validity_changed',
    { validity: item.validity },
    { validity: after.validity, note: input.note, replacedById: input.replacedById },
  );
  return after;
}

/** Records a co-producing agency's written consent (docs/product.md §2.3: joint information). */
export async function recordJointConsent(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { agencyId: number; consentedOn: string; note: string; signedBy?: string },
) {
  const { item, dir, actor } = await loadItem(deps, tx, ctx, id);
  if (!publicationPolicy.canManage(actor, dir, item.agencyId) && !publicationPolicy.canEdit(actor, dir, item))
    throw new AppError('FORBIDDEN');
  if (input.consentedOn > today(deps))
    throw validationError([{ field: 'consentedOn', label: '同意日期', message: '不能晚于今天' }]);
  // the written record: which document, and who signed it for the other agency
  const note = input.signedBy?.trim()
    ? `${input.note.trim()}（同意人：${input.signedBy.trim()}）`
    : input.note.trim();
  const n = await repo.recordConsent(tx, id, input.agencyId, input.consentedOn, note, actor.userId);
  if (n === 0) throw new AppError('AGENCY_NOT_FOUND');
  await audit(deps, tx, ctx, item, 'item.joint_consent', undefined, input);
}

// ---------------------------------------------------------------- queues

export type QueueName =
  | 'drafts'
  | 'leader_review'
  | 'office_review'
  | 'approval'
  | 'due_soon'
  | 'overdue'
  | 'published'
  | 'all';

export async function queue(deps: Deps, ctx: Ctx, name: QueueName, page: number, pageSize: number) {
  const actor = actorOf(ctx);
  const dir = await agencyDirectory(deps);
  const { readableScope, scopeWithRole, scopeList } = await import('../access/access.ts');
  const readable = scopeList(readableScope(actor, dir));
  const withRoles = (roles: Role[]) => scopeList(scopeWithRole(actor, dir, roles));
  const t = today(deps);
  const base = { limit: pageSize, offset: (page - 1) * pageSize };
  let r: { total: number; rows: ItemRow[] };
  switch (name) {
    case 'drafts':
      r = await repo.itemsForStaff(deps.db, {
        ...base,
        agencyIds: readable,
        statuses: ['draft'],
        createdBy: actor.userId,
      });
      break;
    case 'leader_review':
      r = await repo.itemsForStaff(deps.db, {
        ...base,
        agencyIds: withRoles(['leader', 'principal']),
        statuses: ['leader_review'],
      });
      break;
    case 'office_review':
      r = await repo.itemsForStaff(deps.db, {
        ...base,
        agencyIds: withRoles(['confidentiality_reviewer']),
        statuses: ['office_review', 'referred', 'deferred'],
      });
      break;
    case 'approval': {
      const all = await repo.itemsForStaff(deps.db, {
        limit: 500,
        offset: 0,
        agencyIds: readable,
        statuses: ['approval'],
      });
      const mine = all.rows.filter((i) => {
        const chain = (JSON.parse(i.approvalChainJson ?? '["leader"]') as string[]).filter(isRole);
        return publicationPolicy.canApproveAs(actor, dir, i.agencyId, chain[i.approvalStep] ?? 'leader');
      });
      r = { total: mine.length, rows: mine.slice(base.offset, base.offset + pageSize) };
      break;
    }
    case 'due_soon':
    case 'overdue': {
      const open = ['draft', 'leader_review', 'office_review', 'approval', 'referred', 'deferred'];
      const rules = { soon: 5 };
      const cutoff = name === 'overdue' ? addDays(t, -1) : addDays(t, 14);
      const all = await repo.itemsForStaff(deps.db, {
        limit: 1000,
        offset: 0,
        agencyIds: readable,
        statuses: open,
        dueBefore: cutoff,
      });
      const rows: ItemRow[] = [];
      for (const i of all.rows) {
        if (!i.publishDueOn) continue;
        const cal = await calendarFor(deps, i.agencyId);
        const left = cal.workingDaysLeft(t, i.publishDueOn);
        if (name === 'overdue' ? left < 0 : left >= 0 && left <= rules.soon) rows.push(i);
      }
      r = { total: rows.length, rows: rows.slice(base.offset, base.offset + pageSize) };
      break;
    }
    case 'published':
      r = await repo.itemsForStaff(deps.db, {
        ...base,
        agencyIds: readable,
        statuses: ['published', 'scheduled'],
      });
      break;
    default:
      r = await repo.itemsForStaff(deps.db, { ...base, agencyIds: readable });
  }
  return { total: r.total, rows: r.rows.filter((i) => publicationPolicy.canRead(actor, dir, i)) };
}
