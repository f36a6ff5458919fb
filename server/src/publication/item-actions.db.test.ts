/**
 * The item view's `actions` (publicationPolicy.itemActions, docs/access.md) per actor, and that a
 * listed action succeeds while a non-listed one is refused — supervision is not administration, and
 * the drafter fills no review or approval step of their own item (separation of duties).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../http/build-app.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { makePipelineLogins } from './publication.test-support.ts';

describe.each(dialects())('publication item actions (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-03-02T02:00:00.000Z' });
    app = await buildApp(t.deps);
    county = await makeCounty(t.deps);
    await makePipelineLogins(t.deps, county.deptA.id);
    // the county government's disclosure office supervises department A (makeCounty)
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], { username: 'xgkb' });
    await makeStaff(t.deps, [], { username: 'padmin', platformAdmin: true });
    // a leader of A who also drafts: the drafter of the item must not review it
    await makeStaff(
      t.deps,
      [
        { agencyId: county.deptA.id, role: 'drafter' },
        { agencyId: county.deptA.id, role: 'leader' },
      ],
      { username: 'ldr' },
    );
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const body = {
    agencyId: 0,
    title: '关于调整法律援助经济困难标准的通知',
    generatedOn: '2026-02-27',
    scope: 'public',
    attribute: 'proactive',
    subjectCode: '16.03',
    bodyHtml: '<p>经研究，决定调整法律援助经济困难标准。</p>',
  };
  // one login per user and test (the login rate limit counts every attempt)
  let sessions: Map<string, ReturnType<typeof as>>;
  beforeEach(() => {
    sessions = new Map();
  });
  const who = async (user: string) => {
    if (!sessions.has(user)) sessions.set(user, as(app, await loginAs(app, user)));
    return sessions.get(user)!;
  };
  const actionsOf = async (user: string, id: number) => {
    const r = await (await who(user)).get(`/api/v1/admin/publication/items/${id}`);
    expect(r.statusCode).toBe(200);
    return r.json().actions as string[];
  };

  it('each actor sees exactly what it may do; listed actions succeed, others are refused', async () => {
    const ngr = await who('ngr');
    const item = (
      await ngr.post('/api/v1/admin/publication/items', { ...body, agencyId: county.deptA.id })
    ).json();
    const url = `/api/v1/admin/publication/items/${item.id}`;

    // draft
    expect(await actionsOf('ngr', item.id)).toEqual(['edit', 'submit', 'joint-consents']);
    expect(await actionsOf('ld', item.id)).toEqual([]);
    expect(await actionsOf('xgkb', item.id)).toEqual([]); // supervising office: reads only
    expect(await actionsOf('padmin', item.id)).toEqual([]); // the platform administrator takes no part
    const ld = await who('ld');
    expect((await ld.post(`${url}/submit`, { opinion: '同意' })).statusCode).toBe(403);
    const xgkb = await who('xgkb');
    expect((await xgkb.post(`${url}/submit`, { opinion: '同意' })).statusCode).toBe(403);
    expect((await ngr.post(`${url}/submit`, { opinion: '同意公开' })).statusCode).toBe(200);

    // leader review: the leader yes; the drafter, the supervisor and the admin no
    expect(await actionsOf('ld', item.id)).toEqual(['leader-review']);
    // the drafter may still record a co-producer's written consent, but fills no review step
    expect(await actionsOf('ngr', item.id)).toEqual(['joint-consents']);
    expect(await actionsOf('xgkb', item.id)).toEqual([]);
    expect(await actionsOf('padmin', item.id)).toEqual([]);
    expect((await ngr.post(`${url}/leader-review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await xgkb.post(`${url}/leader-review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await ld.post(`${url}/leader-review`, { decision: 'approve' })).statusCode).toBe(200);

    // office review
    expect(await actionsOf('bm', item.id)).toEqual(['office-review', 'override-scan']);
    expect(await actionsOf('ld', item.id)).toEqual([]);
    expect((await ld.post(`${url}/office-review`, { conclusion: 'public' })).statusCode).toBe(403);
    const bm = await who('bm');
    expect((await bm.post(`${url}/office-review`, { conclusion: 'public' })).statusCode).toBe(200);

    // approval (default chain: leader)
    expect(await actionsOf('ld', item.id)).toEqual(['approve']);
    expect(await actionsOf('xgkb', item.id)).toEqual([]);
    expect((await xgkb.post(`${url}/approve`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await ld.post(`${url}/approve`, { decision: 'approve' })).statusCode).toBe(200);

    // published: the agency's disclosure office revokes and changes validity; the supervisor does not
    expect(await actionsOf('gkb', item.id)).toEqual(['revoke', 'validity']);
    expect(await actionsOf('xgkb', item.id)).toEqual([]);
    expect(await actionsOf('padmin', item.id)).toEqual([]);
    expect(await actionsOf('ngr', item.id)).toEqual([]);
    expect((await xgkb.post(`${url}/revoke`, { explanation: '测试' })).statusCode).toBe(403);
    expect((await ngr.post(`${url}/revoke`, { explanation: '测试' })).statusCode).toBe(403);
    expect((await (await who('gkb')).post(`${url}/revoke`, { explanation: '内容有误' })).statusCode).toBe(
      200,
    );
    expect(await actionsOf('gkb', item.id)).toEqual([]);
  });

  it('the drafter who also leads sees no review button on their own item, gets SEPARATION_OF_DUTIES, and it is not in their queue or to-do', async () => {
    const ldr = await who('ldr');
    const item = (
      await ldr.post('/api/v1/admin/publication/items', { ...body, agencyId: county.deptA.id })
    ).json();
    const url = `/api/v1/admin/publication/items/${item.id}`;
    expect((await ldr.post(`${url}/submit`, { opinion: '同意公开' })).statusCode).toBe(200);
    expect(await actionsOf('ldr', item.id)).toEqual(['joint-consents']);
    expect(await actionsOf('ld', item.id)).toEqual(['leader-review']);
    const refused = await ldr.post(`${url}/leader-review`, { decision: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SEPARATION_OF_DUTIES');
    const q = (await ldr.get('/api/v1/admin/publication/items?queue=leader_review')).json();
    expect(q.items.map((i: { id: number }) => i.id)).not.toContain(item.id);
    const ldq = (await (await who('ld')).get('/api/v1/admin/publication/items?queue=leader_review')).json();
    expect(ldq.items.map((i: { id: number }) => i.id)).toContain(item.id);
  });
});
