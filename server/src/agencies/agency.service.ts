import { recordAudit } from '../audit/audit.service.ts';
import { cacheChanged, cacheGeneration, cacheUsable, registerCache } from '../cluster/cache-bus.ts';
import { primaryOf } from '../db/primary.ts';
import type { Db, DbOrTx } from '../db/create-db.ts';
import type { AgencyRow, RuleProfileRow } from '../db/database.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { type AgencyKind, isAllowedParent, isValidOfficialCode } from './agency.ts';
import { AgencyDirectory } from './agency-directory.ts';
import { agencyPolicy } from './agency.policy.ts';
import { agencyRepository } from './agency.repository.ts';
import { BUILTIN_PROFILES, parseRules, type Rules } from './rule-profile.ts';

// ---------------------------------------------------------------- directory cache

/**
 * The directory is replaced whenever an agency or supervision changes on any node (cluster/cache-bus.ts);
 * the TTL is only a backstop.
 */
const DIRECTORY_TTL_MS = 60_000;
const cache = new WeakMap<Db, { dir: AgencyDirectory; loadedAt: number }>();
registerCache(['agencies'], (db) => cache.delete(db));

export async function agencyDirectory(
  deps: Pick<Deps, 'db'>,
  db: DbOrTx = deps.db,
): Promise<AgencyDirectory> {
  // cached on (and read from) the primary, also for a route served from the read replica
  const home = primaryOf(deps.db);
  const shared = db === deps.db;
  const hit = cache.get(home);
  if (hit && Date.now() - hit.loadedAt < DIRECTORY_TTL_MS && shared && cacheUsable(home)) return hit.dir;
  const gen = cacheGeneration(home, 'agencies');
  const src = shared ? home : db;
  const dir = new AgencyDirectory(await agencyRepository.all(src), await agencyRepository.supervisions(src));
  if (shared && cacheGeneration(home, 'agencies') === gen) cache.set(home, { dir, loadedAt: Date.now() });
  return dir;
}

// ---------------------------------------------------------------- agencies

export interface AgencyInput {
  parentId?: number | null;
  kind?: AgencyKind;
  name?: string;
  shortName?: string | null;
  code?: string;
  officialCode?: string | null;
  regionCode?: string | null;
  address?: string | null;
  postalCode?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  officeHours?: string | null;
  website?: string | null;
  acceptsApplications?: boolean;
  ruleProfileId?: number | null;
  sortOrder?: number;
  active?: boolean;
}

interface Ctx {
  actor: StaffActor;
  ip?: string | null;
}

const STRUCTURAL: (keyof AgencyInput)[] = ['parentId', 'kind', 'code', 'ruleProfileId'];

function toRowValues(input: AgencyInput): Partial<AgencyRow> {
  const out: Partial<AgencyRow> = {};
  for (const [k, v] of Object.entries(input) as [keyof AgencyInput, unknown][]) {
    if (v === undefined) continue;
    if (k === 'acceptsApplications' || k === 'active') (out as Record<string, unknown>)[k] = v ? 1 : 0;
    else
      (out as Record<string, unknown>)[k] =
        typeof v === 'string' && v.trim() === '' && k !== 'name' ? null : v;
  }
  return out;
}

async function checkInvariants(
  tx: DbOrTx,
  dir: AgencyDirectory,
  id: number | null,
  next: {
    parentId: number | null;
    kind: AgencyKind;
    code: string;
    officialCode: string | null;
    ruleProfileId: number | null;
  },
): Promise<void> {
  const parentKind = next.parentId === null ? null : (dir.get(next.parentId)?.kind ?? undefined);
  if (parentKind === undefined) throw new AppError('AGENCY_NOT_FOUND', { message: '上级机关不存在' });
  if (!isAllowedParent(next.kind, parentKind)) throw new AppError('AGENCY_INVALID_PARENT');
  if (id !== null && next.parentId !== null && dir.subtree(id).includes(next.parentId)) {
    throw new AppError('AGENCY_INVALID_PARENT', { message: '不能把机关移动到它自己的下级之下' });
  }
  const sameCode = await agencyRepository.byCode(tx, next.code);
  if (sameCode && sameCode.id !== id) throw new AppError('AGENCY_CODE_TAKEN');
  if (next.officialCode && !isValidOfficialCode(next.officialCode))
    throw new AppError('AGENCY_INVALID_OFFICIAL_CODE');
  if (next.ruleProfileId !== null && !(await agencyRepository.ruleProfile(tx, next.ruleProfileId))) {
    throw new AppError('RULE_PROFILE_NOT_FOUND');
  }
}

export async function createAgency(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx | null,
  input: AgencyInput & { name: string; code: string; kind: AgencyKind },
): Promise<AgencyRow> {
  const dir = await agencyDirectory(deps, tx);
  const parentId = input.parentId ?? null;
  if (ctx && !agencyPolicy.canCreate(ctx.actor, dir, parentId, input.kind)) throw new AppError('FORBIDDEN');
  await checkInvariants(tx, dir, null, {
    parentId,
    kind: input.kind,
    code: input.code,
    officialCode: input.officialCode ?? null,
    ruleProfileId: input.ruleProfileId ?? null,
  });
  const now = deps.clock.now().toISOString();
  const row = await agencyRepository.insert(tx, {
    ...(toRowValues(input) as AgencyRow),
    parentId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx?.actor ?? null),
    agencyId: row.id,
    entityType: 'agency',
    entityId: row.id,
    action: 'agency.created',
    after: row,
    ip: ctx?.ip ?? null,
  });
  await cacheChanged(deps, tx, 'agencies');
  return row;
}

export async function updateAgency(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: AgencyInput,
): Promise<AgencyRow> {
  const dir = await agencyDirectory(deps, tx);
  const before = await agencyRepository.byId(tx, id);
  if (!before || !agencyPolicy.canRead(ctx.actor, dir, id)) throw new AppError('AGENCY_NOT_FOUND');
  if (!agencyPolicy.canEdit(ctx.actor, dir, id)) throw new AppError('FORBIDDEN');
  const structural = STRUCTURAL.filter(
    (k) => input[k] !== undefined && input[k] !== (before as unknown as Record<string, unknown>)[k],
  );
  if (structural.length > 0 && !agencyPolicy.canRestructure(ctx.actor)) {
    throw new AppError('FORBIDDEN', { message: '只有平台管理员可以修改机关的上级、类型、简码和规则配置' });
  }
  if (
    input.active === false &&
    before.active === 1 &&
    (await agencyRepository.countActiveChildren(tx, id)) > 0
  ) {
    throw new AppError('AGENCY_HAS_CHILDREN');
  }
  await checkInvariants(tx, dir, id, {
    parentId: input.parentId !== undefined ? input.parentId : before.parentId,
    kind: (input.kind ?? before.kind) as AgencyKind,
    code: input.code ?? before.code,
    officialCode: input.officialCode !== undefined ? input.officialCode : before.officialCode,
    ruleProfileId: input.ruleProfileId !== undefined ? input.ruleProfileId : before.ruleProfileId,
  });
  const after = await agencyRepository.update(tx, id, {
    ...toRowValues(input),
    updatedAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: id,
    entityType: 'agency',
    entityId: id,
    action: input.active === false && before.active === 1 ? 'agency.deactivated' : 'agency.updated',
    before,
    after,
    ip: ctx.ip ?? null,
  });
  await cacheChanged(deps, tx, 'agencies');
  return after;
}

export async function addSupervision(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx | null,
  supervisorId: number,
  supervisedId: number,
): Promise<void> {
  const dir = await agencyDirectory(deps, tx);
  if (ctx && !agencyPolicy.canRestructure(ctx.actor)) throw new AppError('FORBIDDEN');
  if (!dir.get(supervisorId) || !dir.get(supervisedId)) throw new AppError('AGENCY_NOT_FOUND');
  if (dir.wouldCycle(supervisorId, supervisedId)) throw new AppError('AGENCY_SUPERVISION_CYCLE');
  const added = await agencyRepository.addSupervision(
    tx,
    supervisorId,
    supervisedId,
    deps.clock.now().toISOString(),
  );
  if (added) {
    await recordAudit(tx, deps, {
      actor: actorRef(ctx?.actor ?? null),
      agencyId: supervisorId,
      entityType: 'agency',
      entityId: supervisorId,
      action: 'agency.supervision_added',
      after: { supervisorId, supervisedId },
      ip: ctx?.ip ?? null,
    });
  }
  await cacheChanged(deps, tx, 'agencies');
}

export async function removeSupervision(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  supervisorId: number,
  supervisedId: number,
): Promise<void> {
  if (!agencyPolicy.canRestructure(ctx.actor)) throw new AppError('FORBIDDEN');
  if (await agencyRepository.removeSupervision(tx, supervisorId, supervisedId)) {
    await recordAudit(tx, deps, {
      actor: actorRef(ctx.actor),
      agencyId: supervisorId,
      entityType: 'agency',
      entityId: supervisorId,
      action: 'agency.supervision_removed',
      before: { supervisorId, supervisedId },
      ip: ctx.ip ?? null,
    });
  }
  await cacheChanged(deps, tx, 'agencies');
}

// ---------------------------------------------------------------- rule profiles

export async function ensureBuiltinRuleProfiles(deps: Deps, tx: DbOrTx): Promise<void> {
  const now = deps.clock.now().toISOString();
  for (const p of BUILTIN_PROFILES) {
    if (await agencyRepository.ruleProfileByCode(tx, p.code)) continue;
    const row = await agencyRepository.insertRuleProfile(tx, {
      code: p.code,
      name: p.name,
      description: p.description,
      isDefault: p.isDefault ? 1 : 0,
      rulesJson: JSON.stringify(p.rules),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, deps, {
      actor: { userId: null, label: '系统' },
      agencyId: null,
      entityType: 'rule_profile',
      entityId: row.id,
      action: 'rule_profile.created',
      after: row,
    });
    await cacheChanged(deps, tx, 'rules', row.id);
  }
}

/** Rules as the API takes them: `serviceDays` (0021) may be left out and reads as its default. */
type RulesInput = Omit<Rules, 'serviceDays'> & Partial<Pick<Rules, 'serviceDays'>>;

export async function createRuleProfile(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  input: { code: string; name: string; description?: string | null; rules: RulesInput },
): Promise<RuleProfileRow> {
  if (!agencyPolicy.canManageRuleProfiles(ctx.actor)) throw new AppError('FORBIDDEN');
  if (await agencyRepository.ruleProfileByCode(tx, input.code)) {
    throw new AppError('VALIDATION_FAILED', {
      message: '规则配置代码已被使用',
      fields: [{ field: 'code', label: '代码', message: '已被使用' }],
    });
  }
  const now = deps.clock.now().toISOString();
  const row = await agencyRepository.insertRuleProfile(tx, {
    code: input.code,
    name: input.name,
    description: input.description ?? null,
    isDefault: 0,
    rulesJson: JSON.stringify(input.rules),
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: null,
    entityType: 'rule_profile',
    entityId: row.id,
    action: 'rule_profile.created',
    after: row,
    ip: ctx.ip ?? null,
  });
  await cacheChanged(deps, tx, 'rules', row.id);
  return row;
}

export async function updateRuleProfile(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  input: { name?: string; description?: string | null; rules?: Partial<Rules> },
): Promise<RuleProfileRow> {
  if (!agencyPolicy.canManageRuleProfiles(ctx.actor)) throw new AppError('FORBIDDEN');
  const before = await agencyRepository.ruleProfile(tx, id);
  if (!before) throw new AppError('RULE_PROFILE_NOT_FOUND');
  const patch: Partial<RuleProfileRow> = { updatedAt: deps.clock.now().toISOString() };
  if (input.name !== undefined) patch.name = input.name;
  if (input.description !== undefined) patch.description = input.description;
  if (input.rules !== undefined)
    patch.rulesJson = JSON.stringify({ ...parseRules(before.rulesJson), ...input.rules });
  const after = await agencyRepository.updateRuleProfile(tx, id, patch);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: null,
    entityType: 'rule_profile',
    entityId: id,
    action: 'rule_profile.updated',
    before: { ...before, rules: parseRules(before.rulesJson) },
    after: { ...after, rules: parseRules(after.rulesJson) },
    ip: ctx.ip ?? null,
  });
  // every node's cached rules of this profile (and what depends on them, e.g. online retention)
  await cacheChanged(deps, tx, 'rules', id);
  return after;
}

/**
 * Parsed rule profiles by id ('default' for the default profile), read outside transactions; dropped
 * on every node when a profile changes (cluster/cache-bus.ts).
 */
const rulesCache = new WeakMap<Db, Map<number | 'default', Rules>>();
registerCache(['rules'], (db) => rulesCache.delete(db));

/** The rules an agency works under: its own profile, else its nearest ancestor's, else the default. */
export async function rulesForAgency(deps: Deps, db: DbOrTx, agencyId: number): Promise<Rules> {
  const dir = await agencyDirectory(deps, db);
  const id = dir.ruleProfileOf(agencyId);
  const home = primaryOf(deps.db);
  const shared = db === deps.db;
  const hit = shared && cacheUsable(home) ? rulesCache.get(home)?.get(id ?? 'default') : undefined;
  // a copy: callers may adjust their rules object without touching the cache
  if (hit) return { ...hit };
  const gen = cacheGeneration(home, 'rules');
  const src = shared ? home : db;
  const row =
    id !== null
      ? await agencyRepository.ruleProfile(src, id)
      : await agencyRepository.defaultRuleProfile(src);
  const rules = parseRules(row?.rulesJson ?? '{}');
  if (shared && row && cacheGeneration(home, 'rules') === gen) {
    const m = rulesCache.get(home) ?? new Map<number | 'default', Rules>();
    m.set(id ?? 'default', rules);
    rulesCache.set(home, m);
  }
  return { ...rules };
}
