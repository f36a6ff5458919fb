/**
 * Province-scale synthetic data for benchmarks: regions, county governments, departments with
 * internal units, supervising relations and staff. Rows are inserted in batches inside one
 * transaction with one summarising audit event (a bulk load, not a user's state change).
 */
import { makeOrganUscc } from '../agencies/agency.ts';
import { cacheChanged } from '../cluster/cache-bus.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { progressBar } from '../shared/progress.ts';
import { bulkLoadRepository } from '../db/bulk-load.repository.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { NewAgencyRow } from '../db/database.ts';
import { hashPassword } from '../identity/password.ts';
import type { Deps } from '../shared/deps.ts';
import { documentsGenerator } from './documents.generate.ts';
import { applicationsGenerator } from './applications.generate.ts';
import { inTransaction } from '../shared/tx.ts';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, personName } from './demo.data.ts';

export interface GenerateOptions {
  agencies: number;
  documents: number;
  applications: number;
  seed: number;
}

/** Generators of later modules register here (documents, applications …). */
export interface SyntheticGenerator {
  what: 'documents' | 'applications';
  run(deps: Deps, tx: DbOrTx, count: number, seed: number, onProgress: (done: number) => void): Promise<void>;
}
export const SYNTHETIC_GENERATORS: SyntheticGenerator[] = [];
SYNTHETIC_GENERATORS.push(documentsGenerator);
SYNTHETIC_GENERATORS.push(applicationsGenerator);

const SYL =
  '安宁丰华和平长乐永兴清河临江青山白云东阳西林南屏北川金沙玉溪凤凰龙泉鹤庆石屏泸西弥勒宾川祥云漾濞巍山南涧云龙洱源剑川';

function placeName(i: number): string {
  const a = SYL[(i * 2) % SYL.length]!;
  const b = SYL[(i * 2 + 1 + Math.floor(i / SYL.length)) % SYL.length]!;
  return a + b;
}

export async function generateSynthetic(
  deps: Deps,
  o: GenerateOptions,
): Promise<{ ok: boolean; summary: string[] }> {
  const summary: string[] = [];
  let ok = true;
  const missing = (['documents', 'applications'] as const).filter(
    (w) => o[w] > 0 && !SYNTHETIC_GENERATORS.some((g) => g.what === w),
  );
  for (const w of missing) {
    summary.push(
      `未生成${w === 'documents' ? '公开信息（--documents）：主动公开模块尚未安装' : '依申请公开申请（--applications）：依申请公开模块尚未安装'}`,
    );
    ok = false;
  }
  if (o.agencies > 0) {
    const r = await generateAgencies(deps, o.agencies, o.seed);
    summary.push(
      `已生成 ${r.agencies} 个机关（另含 ${r.units} 个内设机构、${r.regions} 个地区）和 ${r.users} 个工作人员账号（密码 ${DEMO_PASSWORD}）`,
    );
  }
  for (const g of SYNTHETIC_GENERATORS) {
    const count = o[g.what];
    if (count <= 0) continue;
    const bar = progressBar(g.what === 'documents' ? '生成公开信息' : '生成申请', count);
    await bulkLoadRepository.withLargeCache(deps.db, deps.dialect, () =>
      inTransaction(deps, (tx) => g.run(deps, tx, count, o.seed, (n) => bar.update(n))),
    );
    bar.done();
    summary.push(`已生成 ${count} 条${g.what === 'documents' ? '公开信息' : '申请'}`);
  }
  return { ok, summary };
}

async function generateAgencies(deps: Deps, total: number, seed: number) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const bar = progressBar('生成机关与人员', total);
  const now = deps.clock.now().toISOString();
  const tag = `g${seed}-${Date.now().toString(36)}`;
  let regions = 0;
  let units = 0;
  let users = 0;
  let made = 0;
  await inTransaction(deps, async (tx) => {
    const insertAgency = async (row: Omit<NewAgencyRow, 'createdAt' | 'updatedAt'>) =>
      (
        await tx
          .insertInto('agencies')
          .values({ ...row, createdAt: now, updatedAt: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const province = await insertAgency({
      kind: 'region',
      name: `合成省（${tag}）`,
      code: `${tag}-p`,
      parentId: null,
    });
    regions++;
    let county = 0;
    let city = 0;
    let cityId = province;
    const userRows: {
      username: string;
      displayName: string;
      agencyId: number;
      unitId: number | null;
      role: string;
    }[] = [];
    while (made < total) {
      if (county % 10 === 0) {
        cityId = await insertAgency({
          kind: 'region',
          name: `${placeName(city + 500)}市`,
          code: `${tag}-c${city}`,
          parentId: province,
        });
        regions++;
        city++;
      }
      const regionCode = String(530000 + (county % 9999)).padStart(6, '0');
      const countyName = `${placeName(county)}县`;
      const regionId = await insertAgency({
        kind: 'region',
        name: countyName,
        code: `${tag}-r${county}`,
        parentId: cityId,
        regionCode,
      });
      regions++;
      const govId = await insertAgency({
        kind: 'government',
        name: `${countyName}人民政府`,
        code: `${tag}-${county}-gov`,
        parentId: regionId,
        regionCode,
        officialCode: makeOrganUscc(regionCode, made + 1),
        acceptsApplications: 1,
        phone: '0870-0000000',
        officeHours: '周一至周五 9:00—17:00',
      });
      made++;
      const deptIds: number[] = [];
      for (let d = 0; d < 19 && made < total; d++) {
        const dept = DEMO_DEPARTMENTS[d % DEMO_DEPARTMENTS.length]!;
        const id = await insertAgency({
          kind: 'department',
          name: dept.name.replace('云岭县', countyName),
          shortName: dept.shortName,
          code: `${tag}-${county}-d${d}`,
          parentId: govId,
          regionCode,
          officialCode: makeOrganUscc(regionCode, made + 1),
          acceptsApplications: 1,
          sortOrder: d,
          phone: `0870-${String(1000000 + made).slice(-7)}`,
          officeHours: '周一至周五 9:00—17:00',
        });
        deptIds.push(id);
        made++;
        const unitIds: number[] = [];
        for (const [k, u] of dept.units.slice(0, 2).entries()) {
          unitIds.push(
            await insertAgency({
              kind: 'unit',
              name: u,
              code: `${tag}-${county}-d${d}-u${k}`,
              parentId: id,
              sortOrder: k,
            }),
          );
          units++;
        }
        const base = `${tag}-${county}-d${d}`;
        userRows.push({
          username: `${base}-gk`,
          displayName: personName(made * 3),
          agencyId: id,
          unitId: unitIds[0] ?? null,
          role: 'disclosure_office',
        });
        userRows.push({
          username: `${base}-ng`,
          displayName: personName(made * 3 + 1),
          agencyId: id,
          unitId: unitIds[1] ?? null,
          role: 'drafter',
        });
        userRows.push({
          username: `${base}-kz`,
          displayName: personName(made * 3 + 2),
          agencyId: id,
          unitId: unitIds[1] ?? null,
          role: 'unit_head',
        });
        bar.update(made);
      }
      if (deptIds.length > 0) {
        await tx
          .insertInto('agencySupervisions')
          .values(deptIds.map((s) => ({ supervisorId: govId, supervisedId: s, createdAt: now })))
          .execute();
      }
      county++;
    }
    for (let i = 0; i < userRows.length; i += 300) {
      const batch = userRows.slice(i, i + 300);
      const ids = await tx
        .insertInto('users')
        .values(
          batch.map((u) => ({
            username: u.username,
            displayName: u.displayName,
            passwordHash,
            email: null,
            phone: null,
            isPlatformAdmin: 0,
            active: 1,
            mustChangePassword: 0,
            failedLogins: 0,
            lockedUntil: null,
            passwordChangedAt: now,
            lastLoginAt: null,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning('id')
        .execute();
      await tx
        .insertInto('roleAssignments')
        .values(
          batch.map((u, k) => ({
            userId: ids[k]!.id,
            agencyId: u.agencyId,
            role: u.role,
            unitId: u.unitId,
            createdAt: now,
          })),
        )
        .execute();
      users += batch.length;
    }
    await recordAudit(tx, deps, {
      actor: SYSTEM_ACTOR,
      agencyId: province,
      entityType: 'synthetic_load',
      entityId: tag,
      action: 'synthetic.generated',
      after: { agencies: made, units, regions, users },
    });
  });
  bar.done();
  // every node (a running server too) reloads the tree the generator has grown
  await cacheChanged(deps, deps.db, 'agencies');
  return { agencies: made, units, regions, users };
}
