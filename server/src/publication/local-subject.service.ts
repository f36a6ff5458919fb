/**
 * Agency-specific (local) second-level subject categories: "the State Council's 22 subject categories
 * with their second level, extensible" (issue #4; 国务院政策文件库主题分类 — e.g. 云南 adds 民政、乡村振兴、
 * 救灾). A local subject hangs under a national first-level category with the code 'NN.Lxx'; national
 * categories are never changed. The disclosure office keeps them.
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { actorRef } from '../access/actor.ts';
import { AppError, validationError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { publicationPolicy } from './publication.policy.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import type { Ctx } from './publication.service.ts';
import { STATE_COUNCIL_SUBJECTS, subjectsFor } from './subjects.ts';

export async function subjectsOfAgency(deps: Deps, ctx: Ctx, agencyId: number) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const local = await repo.localSubjects(deps.db, agencyId);
  return { subjects: subjectsFor(local), local };
}

export async function addLocalSubject(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  agencyId: number,
  input: { parentCode: string; name: string },
) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const dir = await agencyDirectory(deps, tx);
  if (!publicationPolicy.canManage(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
  const parent = STATE_COUNCIL_SUBJECTS.find((s) => s.code === input.parentCode);
  if (!parent)
    throw validationError([
      { field: 'parentCode', label: '一级分类', message: '必须是国务院22个一级主题分类之一' },
    ]);
  const name = input.name.trim();
  const local = await repo.localSubjects(tx, agencyId);
  const siblings = subjectsFor(local).find((s) => s.code === parent.code)!.children;
  if (siblings.some((c) => c.name === name))
    throw validationError([{ field: 'name', label: '分类名称', message: `“${parent.name}”下已有“${name}”` }]);
  const used = local
    .filter((l) => l.parentCode === parent.code)
    .map((l) => Number(l.code.split('.L')[1]))
    .filter(Number.isFinite);
  const code = `${parent.code}.L${String(Math.max(0, ...used) + 1).padStart(2, '0')}`;
  await repo.insertLocalSubject(tx, {
    agencyId,
    code,
    parentCode: parent.code,
    name,
    createdAt: deps.clock.now().toISOString(),
  });
  await recordAudit(tx, deps, {
    actor: actorRef(actor),
    agencyId,
    entityType: 'publication_subject',
    entityId: code,
    action: 'subject.local_added',
    after: { code, parentCode: parent.code, name },
    ip: ctx.ip ?? null,
  });
  return { code, parentCode: parent.code, name };
}
