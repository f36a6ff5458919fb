/**
 * Per-agency settings of the application process (docs/product.md §3.3–3.4): the approval chain a reply
 * passes before it leaves (default unit head → office head) and the letter templates. Only the
 * agency's disclosure office or agency administrator edits them; every change is audited. Each use
 * case takes (deps, db|tx, ctx, …); the route opens the transaction.
 */
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { isRole, ROLE_LABELS, type Role } from '../access/roles.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import {
  buildLetter,
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  type LetterKind,
  type LetterTemplate,
  letterText,
} from './letter.ts';
import {
  ALLOWED_PLACEHOLDERS,
  APPROVAL_ROLES,
  approvalChainProblems,
  LETTER_KIND_LABELS,
  normaliseTemplate,
  PLACEHOLDER_LABELS,
  parseTemplates,
  SAMPLE_VARS,
  templateProblems,
} from './letter-template.ts';
import { requestPolicy } from './request.policy.ts';
import { requestRepository as repo } from './request.repository.ts';
import { DEFAULT_APPROVAL_CHAIN } from './request.service.ts';

export interface Ctx {
  actor: StaffActor | null;
  ip?: string | null;
}

const ENTITY = 'request_settings';

async function agencyFor(deps: Deps, db: DbOrTx, ctx: Ctx, agencyId: number, edit: boolean) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const dir = await agencyDirectory(deps, db);
  const agency = dir.get(agencyId);
  // another agency's settings are not even acknowledged to exist
  if (
    !agency ||
    agency.kind === 'unit' ||
    agency.kind === 'region' ||
    !requestPolicy.canRead(actor, dir, agencyId)
  )
    throw new AppError('AGENCY_NOT_FOUND');
  const canEdit = requestPolicy.canEditSettings(actor, dir, agencyId);
  if (edit && !canEdit) throw new AppError('FORBIDDEN');
  return { agency, canEdit };
}

function parseChain(json: string | undefined): Role[] | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) && parsed.every((r) => typeof r === 'string' && isRole(r))
      ? (parsed as Role[])
      : null;
  } catch {
    return null;
  }
}

async function stored(db: DbOrTx, agencyId: number) {
  const s = await repo.settings(db, agencyId);
  return {
    chain: parseChain(s?.approvalChainJson),
    templates: parseTemplates(s?.templatesJson),
  };
}

export async function getSettings(deps: Deps, db: DbOrTx, ctx: Ctx, agencyId: number) {
  const { agency, canEdit } = await agencyFor(deps, db, ctx, agencyId, false);
  const s = await stored(db, agencyId);
  return {
    agencyId,
    agencyName: agency.name,
    canEdit,
    approvalChain: s.chain ?? DEFAULT_APPROVAL_CHAIN,
    approvalChainIsDefault: s.chain === null || s.chain.join() === DEFAULT_APPROVAL_CHAIN.join(),
    defaultApprovalChain: DEFAULT_APPROVAL_CHAIN,
    approvalRoles: APPROVAL_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
    templates: LETTER_KINDS.map((kind) => {
      const t = s.templates[kind] ?? DEFAULT_TEMPLATES[kind];
      return {
        kind,
        label: LETTER_KIND_LABELS[kind],
        title: t.title,
        paragraphs: t.paragraphs,
        isDefault: !s.templates[kind],
        defaultTemplate: DEFAULT_TEMPLATES[kind],
        placeholders: ALLOWED_PLACEHOLDERS[kind].map((name) => ({ name, label: PLACEHOLDER_LABELS[name] })),
      };
    }),
  };
}

async function save(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  next: { chain: Role[] | null; templates: Partial<Record<LetterKind, LetterTemplate>> },
  action: string,
  before: unknown,
  after: unknown,
) {
  await repo.upsertSettings(tx, {
    agencyId,
    approvalChainJson: JSON.stringify(next.chain ?? DEFAULT_APPROVAL_CHAIN),
    templatesJson: JSON.stringify(next.templates),
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId,
    entityType: ENTITY,
    entityId: agencyId,
    action,
    before,
    after,
    ip: ctx.ip ?? null,
  });
}

/** The ordered roles that approve a reply before it leaves (approvalChain() in request.service.ts). */
export async function setApprovalChain(deps: Deps, tx: DbOrTx, ctx: Ctx, agencyId: number, chain: string[]) {
  await agencyFor(deps, tx, ctx, agencyId, true);
  const problems = approvalChainProblems(chain);
  if (problems.length) throw validationError(problems);
  const s = await stored(tx, agencyId);
  const before = s.chain ?? DEFAULT_APPROVAL_CHAIN;
  await save(
    deps,
    tx,
    ctx,
    agencyId,
    { ...s, chain: chain as Role[] },
    'request.settings.approval_chain_set',
    { approvalChain: before },
    { approvalChain: chain },
  );
  return getSettings(deps, tx, ctx, agencyId);
}

function checkedTemplate(kind: LetterKind, input: LetterTemplate): LetterTemplate {
  const problems = templateProblems(kind, input);
  if (problems.length) throw validationError(problems);
  return normaliseTemplate(input);
}

export async function saveTemplate(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  kind: LetterKind,
  input: LetterTemplate,
) {
  await agencyFor(deps, tx, ctx, agencyId, true);
  const t = checkedTemplate(kind, input);
  const s = await stored(tx, agencyId);
  const before = s.templates[kind] ?? null;
  await save(
    deps,
    tx,
    ctx,
    agencyId,
    { ...s, templates: { ...s.templates, [kind]: t } },
    'request.settings.template_saved',
    { kind, template: before },
    { kind, template: t },
  );
  return getSettings(deps, tx, ctx, agencyId);
}

/** Back to the national default wording (DEFAULT_TEMPLATES in letter.ts). */
export async function resetTemplate(deps: Deps, tx: DbOrTx, ctx: Ctx, agencyId: number, kind: LetterKind) {
  await agencyFor(deps, tx, ctx, agencyId, true);
  const s = await stored(tx, agencyId);
  const before = s.templates[kind] ?? null;
  const { [kind]: _dropped, ...rest } = s.templates;
  await save(
    deps,
    tx,
    ctx,
    agencyId,
    { ...s, templates: rest },
    'request.settings.template_reset',
    { kind, template: before },
    { kind, template: null },
  );
  return getSettings(deps, tx, ctx, agencyId);
}

/** The letter as it would read with sample facts; refused with the same checks as saving. */
export async function previewTemplate(
  deps: Deps,
  db: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  kind: LetterKind,
  input: LetterTemplate,
) {
  const { agency } = await agencyFor(deps, db, ctx, agencyId, false);
  const t = checkedTemplate(kind, input);
  const rules = await rulesForAgency(deps, db, agencyId);
  const content = buildLetter(kind, t, {
    agencyName: agency.name,
    reconsiderationBody: null,
    registrationNo: String(SAMPLE_VARS.registrationNo),
    applicant: String(SAMPLE_VARS.applicant),
    issuedOn: chinaDate(deps.clock.now()),
    reconsiderationDays: rules.reconsiderationDays,
    litigationMonths: rules.litigationMonths,
    vars: { ...SAMPLE_VARS, agency: agency.name },
    items:
      kind === 'reply'
        ? [
            {
              seq: 1,
              description: '（示例）2025年本机关行政处罚案件统计数据',
              title: null,
              docNo: null,
              disposition: 'disclosed',
              legalBasis: null,
              reasons: null,
              withheld: null,
              holdingAgency: null,
              holdingContact: null,
              howToObtain: '见本答复书附件',
            },
          ]
        : [],
  });
  return { kind, text: letterText(content) };
}
