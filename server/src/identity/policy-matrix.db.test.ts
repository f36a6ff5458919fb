/**
 * The access policy as one table (docs/access.md): role × relation × action → allowed or denied,
 * checked cell by cell against the HTTP API on both databases. Relations: "own" (a role held on
 * department A itself), "supervising" (the county government's 政务公开办 and 督查室, which supervise
 * A through an explicit supervision row), "parent" (the county head: a role on A's parent in the
 * tree, which grants nothing), "other" (another department), "platform" (the platform administrator).
 * Followed by the rules the table cannot show: separation of duties and self-grants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../http/build-app.ts';
import { makeCounty, makeStaff, residentId } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const ACTORS = ['a-gk', 'a-adm', 'a-ng', 'a-fg', 'gkb', 'dcs', 'xzz', 'b-gk', 'root'] as const;
type Actor = (typeof ACTORS)[number];
const Y = true;
const N = false;

/** who each column is: role and relation to department A */
const COLUMNS: Record<Actor, string> = {
  'a-gk': 'A 政务公开工作机构 (own)',
  'a-adm': 'A 机关管理员 (own)',
  'a-ng': 'A 拟稿人 (own, 办公室)',
  'a-fg': 'A 分管领导 (own)',
  gkb: '县政务公开办 + 县政府机关管理员 (supervising)',
  dcs: '县政府督查室 监督员 + 考核员 (supervising)',
  xzz: '县长 主要负责人 (parent only)',
  'b-gk': 'B 政务公开工作机构 (other)',
  root: '平台管理员 (platform)',
};

type Action =
  | 'request.read'
  | 'request.unmasked'
  | 'request.identity_proof'
  | 'request.confirm'
  | 'request.settings'
  | 'statistics.read'
  | 'detections.read'
  | 'item.read_public_draft'
  | 'item.read_internal'
  | 'item.create'
  | 'item.revoke'
  | 'audit.read'
  | 'agency.edit'
  | 'user.reset_password'
  | 'user.grant_role'
  | 'oversight.inspect'
  | 'oversight.self_inspect'
  | 'oversight.report'
  | 'oversight.accept';

// biome-ignore format: the matrix reads as a table, one column per actor
const MATRIX: Record<Action, readonly boolean[]> = {
  //                          a-gk a-adm a-ng a-fg gkb dcs xzz b-gk root
  'request.read':             [Y,   Y,    Y,   Y,   Y,  Y,  N,  N,   Y],
  'request.unmasked':         [Y,   N,    N,   Y,   N,  N,  N,  N,   N],
  'request.identity_proof':   [Y,   N,    N,   Y,   N,  N,  N,  N,   N],
  'request.confirm':          [Y,   N,    N,   N,   N,  N,  N,  N,   N],
  'request.settings':         [Y,   Y,    N,   N,   N,  N,  N,  N,   N],
  'statistics.read':          [Y,   Y,    Y,   Y,   Y,  Y,  N,  N,   Y],
  'detections.read':          [Y,   Y,    Y,   Y,   Y,  Y,  N,  N,   Y],
  'item.read_public_draft':   [Y,   Y,    Y,   Y,   Y,  Y,  N,  N,   Y],
  'item.read_internal':       [Y,   Y,    Y,   Y,   N,  N,  N,  N,   N],
  'item.create':              [Y,   N,    Y,   N,   N,  N,  N,  N,   N],
  'item.revoke':              [Y,   Y,    N,   N,   N,  N,  N,  N,   N],
  'audit.read':               [Y,   Y,    N,   N,   N,  N,  N,  N,   Y],
  'agency.edit':              [N,   Y,    N,   N,   N,  N,  N,  N,   Y],
  'user.reset_password':      [N,   Y,    N,   N,   N,  N,  N,  N,   Y],
  'user.grant_role':          [N,   Y,    N,   N,   N,  N,  N,  N,   Y],
  'oversight.inspect':        [N,   N,    N,   N,   Y,  Y,  N,  N,   N],
  'oversight.self_inspect':   [Y,   Y,    N,   N,   N,  N,  N,  N,   N],
  'oversight.report':         [Y,   Y,    N,   Y,   N,  N,  N,  N,   N],
  'oversight.accept':         [N,   N,    N,   N,   Y,  Y,  N,  N,   N],
};

const NAME = '欧阳明轩';
const ID = residentId('53010219850612341');
const PHONE = '13987654321';
const ADDRESS = '云岭县振兴大道88号';
const PROOF_NAME = '欧阳明轩身份证正面.png';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]).toString('base64');
const AT = '2026-03-02T02:00:00.000Z';

describe.each(dialects())('access policy matrix (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  const sessions = new Map<string, ReturnType<typeof as>>();
  const ids = { clerk: 0, caseId: 0, proofId: 0, draftId: 0, internalId: 0, planId: 0 };
  const call = (who: string) => sessions.get(who)!;

  let applicants = 0;
  const apply = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      // one address per application: the public form is rate-limited per address
      remoteAddress: `192.0.2.${++applicants}`,
      payload: {
        agencyCode: county.deptA.code,
        applicant: {
          kind: 'natural',
          name: NAME,
          idType: 'resident_id',
          idNumber: ID,
          phone: PHONE,
          address: ADDRESS,
        },
        items: [{ description: '2025年本局行政处罚案件统计数据' }],
        provisionForm: 'electronic',
        deliveryMethod: 'online',
      },
    });
    expect(res.statusCode).toBe(201);
    const { registrationNo } = res.json() as { registrationNo: string };
    const row = await t.deps.db
      .selectFrom('requestApplications')
      .select('id')
      .where('registrationNo', '=', registrationNo)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const item = async (who: string, over: Record<string, unknown> = {}) => {
    const res = await call(who).post('/api/v1/admin/publication/items', {
      agencyId: county.deptA.id,
      title: '关于调整法律援助补贴标准的通知',
      generatedOn: '2026-02-27',
      scope: 'public',
      attribute: 'proactive',
      bodyHtml: '<p>根据有关规定，调整法律援助补贴标准。</p>',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  const step = async (who: string, id: number, path: string, body: object) => {
    const res = await call(who).post(`/api/v1/admin/publication/items/${id}/${path}`, body);
    expect(res.statusCode, `${who} ${path}: ${res.body}`).toBe(200);
  };
  /** a published item of A, through drafter → leader → review office → leader's approval */
  const published = async () => {
    const id = await item('a-ng');
    await step('a-ng', id, 'submit', { opinion: '不涉密，建议主动公开' });
    await step('a-fg', id, 'leader-review', { decision: 'approve' });
    await step('a-bm', id, 'office-review', { conclusion: 'public', reason: '不涉密' });
    await step('a-fg', id, 'approve', { decision: 'approve' });
    return id;
  };

  /** a fresh rectification of A ordered in the government's inspection (optionally with A's report submitted) */
  const rectification = async (reported: boolean) => {
    const res = await call('gkb').post(`/api/v1/admin/oversight/plans/${ids.planId}/findings`, {
      agencyId: county.deptA.id,
      checkPoint: 'guide_catalog',
      description: '指南未按年度更新',
      requirement: '更新指南',
      workingDays: 10,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { finding: { rectification: { id: number } } }).finding.rectification.id;
    if (reported)
      expect(
        (await call('a-gk2').post(`/api/v1/admin/oversight/rectifications/${id}/report`, { body: '已整改' }))
          .statusCode,
      ).toBe(200);
    return id;
  };
  const plan = (organizerAgencyId: number, kind: string) => ({
    organizerAgencyId,
    kind,
    title: '政务公开工作检查',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    regular: true,
    mutual: false,
    sampling: false,
    agencyIds: [county.deptA.id],
  });

  /** each action as an HTTP call: true when the API let the actor do it, false when it refused */
  const ACTIONS: Record<Action, (who: string) => Promise<boolean>> = {
    'request.read': async (who) => ok(await call(who).get(`/api/v1/admin/requests/${ids.caseId}`)),
    'request.unmasked': async (who) => {
      const res = await call(who).get(`/api/v1/admin/requests/${ids.caseId}`);
      if (res.statusCode !== 200) return false;
      const masked = (res.json() as { applicant: { masked: boolean } }).applicant.masked;
      // masked means masked everywhere in the case file: name, ID number, phone, address, file names
      if (masked)
        for (const secret of [NAME, ID, PHONE, ADDRESS, PROOF_NAME]) expect(res.body).not.toContain(secret);
      else expect(res.body).toContain(NAME);
      return !masked;
    },
    'request.identity_proof': async (who) =>
      ok(await call(who).get(`/api/v1/admin/requests/${ids.caseId}/files/${ids.proofId}`)),
    'request.confirm': async (who) =>
      ok(
        await call(who).post(`/api/v1/admin/requests/${await apply()}/confirm`, {
          confirmedOn: '2026-03-02',
        }),
      ),
    'request.settings': async (who) =>
      ok(
        await call(who).put(`/api/v1/admin/requests/settings/${county.deptA.id}/approval-chain`, {
          approvalChain: ['unit_head', 'disclosure_office'],
        }),
      ),
    'statistics.read': async (who) =>
      ok(await call(who).get(`/api/v1/admin/statistics?agencyId=${county.deptA.id}&year=2026`)),
    'detections.read': async (who) =>
      ok(await call(who).get(`/api/v1/admin/oversight/detections?agencyId=${county.deptA.id}`)),
    'item.read_public_draft': async (who) =>
      ok(await call(who).get(`/api/v1/admin/publication/items/${ids.draftId}`)),
    'item.read_internal': async (who) =>
      ok(await call(who).get(`/api/v1/admin/publication/items/${ids.internalId}`)),
    'item.create': async (who) =>
      ok(
        await call(who).post('/api/v1/admin/publication/items', {
          agencyId: county.deptA.id,
          title: '关于开展普法宣传月活动的通知',
          generatedOn: '2026-02-27',
          scope: 'public',
          attribute: 'proactive',
          bodyHtml: '<p>普法宣传月。</p>',
        }),
      ),
    'item.revoke': async (who) =>
      ok(
        await call(who).post(`/api/v1/admin/publication/items/${await published()}/revoke`, {
          explanation: '政策调整，本通知停止执行',
        }),
      ),
    'audit.read': async (who) => ok(await call(who).get(`/api/v1/admin/audit?agencyId=${county.deptA.id}`)),
    'agency.edit': async (who) =>
      ok(await call(who).patch(`/api/v1/admin/agencies/${county.deptA.id}`, { phone: '0878-6121234' })),
    'user.reset_password': async (who) =>
      ok(
        await call(who).post(`/api/v1/admin/users/${ids.clerk}/reset-password`, {
          password: 'Reset-by-admin-2026',
        }),
      ),
    'user.grant_role': async (who) =>
      ok(
        await call(who).post(`/api/v1/admin/users/${ids.clerk}/roles`, {
          agencyId: county.deptA.id,
          role: 'archivist',
          reason: '根据岗位调整通知兼任档案员',
        }),
      ),
    'oversight.inspect': async (who) =>
      ok(await call(who).post('/api/v1/admin/oversight/plans', plan(county.gov.id, 'supervision'))),
    'oversight.self_inspect': async (who) =>
      ok(await call(who).post('/api/v1/admin/oversight/plans', plan(county.deptA.id, 'self'))),
    'oversight.report': async (who) =>
      ok(
        await call(who).post(`/api/v1/admin/oversight/rectifications/${await rectification(false)}/report`, {
          body: '已按要求整改',
        }),
      ),
    'oversight.accept': async (who) =>
      ok(
        await call(who).post(`/api/v1/admin/oversight/rectifications/${await rectification(true)}/decision`, {
          decision: 'accept',
        }),
      ),
  };
  /** 2xx is allowed; 403 and 404 are refusals; anything else is a broken test, not a denial */
  function ok(res: { statusCode: number; body: string }): boolean {
    if (res.statusCode < 300) return true;
    expect([403, 404], res.body).toContain(res.statusCode);
    return false;
  }

  beforeAll(async () => {
    t = await makeTestDb(dialect, { now: AT });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    const A = county.deptA.id;
    const gov = county.gov.id;
    await makeStaff(t.deps, [{ agencyId: A, role: 'disclosure_office' }], { username: 'a-gk' });
    await makeStaff(t.deps, [{ agencyId: A, role: 'disclosure_office' }], { username: 'a-gk2' });
    await makeStaff(t.deps, [{ agencyId: A, role: 'agency_admin' }], { username: 'a-adm' });
    await makeStaff(t.deps, [{ agencyId: A, role: 'drafter', unitId: county.unitA.id }], {
      username: 'a-ng',
    });
    await makeStaff(t.deps, [{ agencyId: A, role: 'leader' }], { username: 'a-fg' });
    await makeStaff(t.deps, [{ agencyId: A, role: 'confidentiality_reviewer' }], { username: 'a-bm' });
    ids.clerk = (await makeStaff(t.deps, [{ agencyId: A, role: 'archivist' }], { username: 'a-clerk' })).id;
    await makeStaff(
      t.deps,
      [
        { agencyId: gov, role: 'disclosure_office' },
        { agencyId: gov, role: 'agency_admin' },
      ],
      { username: 'gkb' },
    );
    await makeStaff(
      t.deps,
      [
        { agencyId: gov, role: 'supervisor' },
        { agencyId: gov, role: 'assessor' },
      ],
      { username: 'dcs' },
    );
    await makeStaff(t.deps, [{ agencyId: gov, role: 'principal' }], { username: 'xzz' });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], { username: 'b-gk' });
    await makeStaff(t.deps, [], { username: 'root', platformAdmin: true });
    for (const u of [...ACTORS, 'a-gk2', 'a-bm']) sessions.set(u, as(app, await loginAs(app, u)));

    ids.caseId = await apply();
    const office = call('a-gk');
    expect(
      (await office.post(`/api/v1/admin/requests/${ids.caseId}/confirm`, { confirmedOn: '2026-03-02' }))
        .statusCode,
    ).toBe(200);
    const proof = await office.post(`/api/v1/admin/requests/${ids.caseId}/files`, {
      kind: 'identity_proof',
      filename: PROOF_NAME,
      contentBase64: PNG,
    });
    expect(proof.statusCode, proof.body).toBe(200);
    ids.proofId = (proof.json() as { id: number }).id;
    ids.draftId = await item('a-ng');
    ids.internalId = await item('a-ng', { scope: 'internal', title: '关于局领导公务用车使用情况的内部通报' });
    const inspection = await call('gkb').post('/api/v1/admin/oversight/plans', plan(gov, 'supervision'));
    expect(inspection.statusCode, inspection.body).toBe(201);
    ids.planId = (inspection.json() as { plan: { id: number } }).plan.id;
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('the matrix: every role × relation × action cell', async () => {
    const got: Record<string, Record<string, boolean>> = {};
    const want: Record<string, Record<string, boolean>> = {};
    for (const [action, row] of Object.entries(MATRIX) as [Action, readonly boolean[]][]) {
      got[action] = {};
      want[action] = {};
      for (const [k, who] of ACTORS.entries()) {
        want[action][COLUMNS[who]] = row[k]!;
        got[action][COLUMNS[who]] = await ACTIONS[action](who);
      }
    }
    expect(got).toEqual(want);
  }, 300_000);

  it('a supervising office reads the case file masked and is offered no action in it', async () => {
    const c = (await call('gkb').get(`/api/v1/admin/requests/${ids.caseId}`)).json();
    expect(c.applicant.masked).toBe(true);
    expect(c.actions).toEqual([]);
    expect(c.permissions).toEqual({
      personalData: false,
      manage: false,
      handle: false,
      approveExtension: false,
      approve: false,
    });
    expect(c.files[0].filename).toBe('身份证明（文件名已隐去）');
    const own = (await call('a-gk').get(`/api/v1/admin/requests/${ids.caseId}`)).json();
    expect(own.actions.length).toBeGreaterThan(0);
    expect(own.files[0].filename).toBe(PROOF_NAME);
  });

  it('separation of duties on an application: who submitted the reply does not approve it; another office member does', async () => {
    const id = await apply();
    const office = call('a-gk');
    await office.post(`/api/v1/admin/requests/${id}/confirm`, { confirmedOn: '2026-03-02' });
    const c = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(
      (
        await office.put(`/api/v1/admin/requests/${id}/items/${c.items[0].id}/decision`, {
          code: 'disclosed',
          howToObtain: '见本答复书附件',
        })
      ).statusCode,
    ).toBe(200);
    expect((await office.post(`/api/v1/admin/requests/${id}/submit`)).statusCode).toBe(200);
    // no unit assigned → the chain is the disclosure office alone, a role the submitter holds too
    const mine = (await office.get(`/api/v1/admin/requests/${id}`)).json();
    expect(mine.approvalChain).toEqual(['disclosure_office']);
    expect(mine.permissions.approve).toBe(false);
    expect(mine.actions).not.toContain('approval');
    const self = await office.post(`/api/v1/admin/requests/${id}/approval`, { approve: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SEPARATION_OF_DUTIES');
    expect((await call('a-gk2').get(`/api/v1/admin/requests/${id}`)).json().permissions.approve).toBe(true);
    expect(
      (await call('a-gk2').post(`/api/v1/admin/requests/${id}/approval`, { approve: true })).statusCode,
    ).toBe(200);
  });

  it('separation of duties on an item: the drafter reviews nothing of it; one person fills one step of the review, whatever roles they hold', async () => {
    await makeStaff(
      t.deps,
      [
        { agencyId: county.deptA.id, role: 'drafter' },
        { agencyId: county.deptA.id, role: 'leader' },
        { agencyId: county.deptA.id, role: 'confidentiality_reviewer' },
      ],
      { username: 'a-multi' },
    );
    sessions.set('a-multi', as(app, await loginAs(app, 'a-multi')));
    const own = await item('a-multi');
    await step('a-multi', own, 'submit', { opinion: '不涉密' });
    const selfReview = await call('a-multi').post(`/api/v1/admin/publication/items/${own}/leader-review`, {
      decision: 'approve',
    });
    expect(selfReview.statusCode).toBe(403);
    expect(selfReview.json().code).toBe('SEPARATION_OF_DUTIES');
    await step('a-fg', own, 'leader-review', { decision: 'approve' });
    const selfOffice = await call('a-multi').post(`/api/v1/admin/publication/items/${own}/office-review`, {
      conclusion: 'public',
    });
    expect(selfOffice.json().code).toBe('SEPARATION_OF_DUTIES');

    const other = await item('a-ng');
    await step('a-ng', other, 'submit', { opinion: '不涉密' });
    await step('a-multi', other, 'leader-review', { decision: 'approve' });
    const second = await call('a-multi').post(`/api/v1/admin/publication/items/${other}/office-review`, {
      conclusion: 'public',
    });
    expect(second.statusCode).toBe(403);
    expect(second.json().code).toBe('SEPARATION_OF_DUTIES');
    await step('a-bm', other, 'office-review', { conclusion: 'public', reason: '不涉密' });
  });

  it('role grants: never to oneself, always with a reason, audited with who and why', async () => {
    const adm = call('a-adm');
    const myId = ((await adm.get('/api/v1/auth/me')).json() as { user: { id: number } }).user.id;
    const self = await adm.post(`/api/v1/admin/users/${myId}/roles`, {
      agencyId: county.deptA.id,
      role: 'principal',
      reason: '自己给自己授权',
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('USER_SELF_GRANT');
    const noReason = await adm.post(`/api/v1/admin/users/${ids.clerk}/roles`, {
      agencyId: county.deptA.id,
      role: 'assessor',
    });
    expect(noReason.statusCode).toBe(400);
    const granted = await adm.post(`/api/v1/admin/users/${ids.clerk}/roles`, {
      agencyId: county.deptA.id,
      role: 'assessor',
      reason: '县司法局〔2026〕3号通知：兼任考核员',
    });
    expect(granted.statusCode).toBe(200);
    const role = (
      granted.json() as { roles: { id: number; role: string; reason: string | null }[] }
    ).roles.find((r) => r.role === 'assessor')!;
    expect(role.reason).toBe('县司法局〔2026〕3号通知：兼任考核员');
    const revoked = await adm.delete(
      `/api/v1/admin/users/${ids.clerk}/roles/${role.id}?reason=${encodeURIComponent('岗位调整，不再兼任')}`,
    );
    expect(revoked.statusCode).toBe(200);
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'actorLabel', 'afterJson'])
      .where('entityType', '=', 'user')
      .where('entityId', '=', String(ids.clerk))
      .where('action', 'in', ['user.role_granted', 'user.role_revoked'])
      .orderBy('id')
      .execute();
    const last = events.slice(-2);
    expect(last.map((e) => e.action)).toEqual(['user.role_granted', 'user.role_revoked']);
    for (const e of last) expect(e.actorLabel).toContain('a-adm');
    expect(JSON.parse(last[0]!.afterJson!).reason).toBe('县司法局〔2026〕3号通知：兼任考核员');
    expect(JSON.parse(last[1]!.afterJson!).reason).toBe('岗位调整，不再兼任');
  });
});
