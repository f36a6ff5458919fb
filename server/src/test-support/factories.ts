/** Factories: tests create their own agencies and staff instead of relying on order or demo data. */
import { createAgency } from '../agencies/agency.service.ts';
import type { AgencyRow } from '../db/database.ts';
import type { Role } from '../access/roles.ts';
import { createUser, grantRole } from '../identity/user.service.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';

let seq = 0;
export const TEST_PASSWORD = 'Test-password-2026';

export async function makeAgency(
  deps: Deps,
  a: Partial<Parameters<typeof createAgency>[3]> & { kind: AgencyRow['kind'] },
): Promise<AgencyRow> {
  seq++;
  return inTransaction(deps, (tx) =>
    createAgency(deps, tx, null, {
      name: a.name ?? `测试机关${seq}`,
      code: a.code ?? `t${seq}-${Math.random().toString(36).slice(2, 7)}`,
      ...a,
      kind: a.kind as 'region',
    }),
  );
}

/** A region with a government and two departments (A, B), each with one internal unit; the government supervises both. */
export async function makeCounty(deps: Deps) {
  const region = await makeAgency(deps, { kind: 'region', name: '测试县' });
  const gov = await makeAgency(deps, {
    kind: 'government',
    parentId: region.id,
    name: '测试县人民政府',
    acceptsApplications: true,
  });
  const deptA = await makeAgency(deps, {
    kind: 'department',
    parentId: gov.id,
    name: '测试县司法局',
    acceptsApplications: true,
  });
  const deptB = await makeAgency(deps, {
    kind: 'department',
    parentId: gov.id,
    name: '测试县市场监督管理局',
    acceptsApplications: true,
  });
  const unitA = await makeAgency(deps, { kind: 'unit', parentId: deptA.id, name: '办公室' });
  const unitB = await makeAgency(deps, { kind: 'unit', parentId: deptB.id, name: '办公室' });
  const { addSupervision } = await import('../agencies/agency.service.ts');
  await inTransaction(deps, async (tx) => {
    await addSupervision(deps, tx, null, gov.id, deptA.id);
    await addSupervision(deps, tx, null, gov.id, deptB.id);
  });
  return { region, gov, deptA, deptB, unitA, unitB };
}

export async function makeStaff(
  deps: Deps,
  grants: { agencyId: number; role: Role; unitId?: number | null }[],
  opts: { username?: string; platformAdmin?: boolean } = {},
) {
  seq++;
  const username = opts.username ?? `user${seq}`;
  return inTransaction(deps, async (tx) => {
    const u = await createUser(deps, tx, null, {
      username,
      displayName: `测试用户${seq}`,
      password: TEST_PASSWORD,
      isPlatformAdmin: opts.platformAdmin,
      mustChangePassword: false,
    });
    for (const g of grants) await grantRole(deps, tx, null, u.id, g);
    return u;
  });
}

/** Completes an 18-digit resident identity number with its GB 11643 check digit. */
export { completeResidentId as residentId } from '../shared/resident-id.ts';
