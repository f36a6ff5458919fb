/**
 * Accountability cases (issue #11) on both databases with a fixed clock (Beijing 2026-11-21): the
 * supervising office opens a case from the record's audit trail, hears the person, decides with the
 * responsibility split of 《区督查问责办法》第十条, the person asks for review within the period and
 * another officer decides it; the supervised agency's other staff see nothing, the person concerned
 * reads only their own case; every read is audited; bad input is a 4xx naming the field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/audit.service.ts';
import { decisionLetterLines } from './accountability.docx.ts';
import { type App, buildApp } from '../http/build-app.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';

const NOW = '2026-11-21T02:00:00.000Z';
const AT = '2026-01-01T00:00:00.000Z';
const BASE = '/api/v1/admin/oversight/accountability';

interface Detail {
  id: number;
  caseNo: string;
  status: string;
  decisionMode: string | null;
  inForce: boolean;
  reviewDueOn: string | null;
  trail: { drafterUserId: number | null; approverUserId: number | null; suggestedMode: string } | null;
  persons: {
    id: number;
    userId: number;
    share: string | null;
    shareBasis: string | null;
    statement: string | null;
    sanctions: { code: string }[];
  }[];
  myPersonId: number | null;
  permissions: Record<string, boolean>;
}

describe.each(dialects())('accountability cases (%s)', (dialect) => {
  let t: TestDb;
  let app: App;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let drafter: { id: number };
  let leader: { id: number };
  let other: { id: number };
  let itemId: number;

  const db = () => t.deps.db;
  const session = async (u: string) => as(app, await loginAs(app, u));

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: NOW });
    county = await makeCounty(t.deps);
    app = await buildApp(t.deps);
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'supervisor' }], { username: 'gov-sup' });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], {
      username: 'gov-office',
    });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'assessor' }], { username: 'gov-assessor' });
    await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'leader' }], { username: 'gov-leader' });
    drafter = await makeStaff(
      t.deps,
      [{ agencyId: county.deptA.id, role: 'drafter', unitId: county.unitA.id }],
      {
        username: 'a-drafter',
      },
    );
    leader = await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'leader' }], {
      username: 'a-leader',
    });
    other = await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'disclosure_office' }], {
      username: 'a-office',
    });
    await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'drafter' }], { username: 'b-drafter' });
    const r = await db()
      .insertInto('informationItems')
      .values({
        agencyId: county.deptA.id,
        title: '误发的含个人信息的名单',
        publisher: '测试',
        generatedOn: '2026-03-01',
        publishedOn: '2026-03-05',
        publishedAt: '2026-03-05T02:00:00.000Z',
        validity: 'valid',
        scope: 'public',
        channelsJson: '[]',
        attribute: 'proactive',
        bodyHtml: '<p>正文</p>',
        status: 'published',
        publishDueOn: '2026-03-27',
        createdAt: AT,
        updatedAt: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    itemId = r.id;
    await inTransaction(t.deps, async (tx) => {
      const ev = (userId: number, label: string, action: string) =>
        recordAudit(tx, t.deps, {
          actor: { userId, label },
          agencyId: county.deptA.id,
          entityType: 'information_item',
          entityId: itemId,
          action,
        });
      await ev(drafter.id, '拟稿人', 'item.created');
      await ev(drafter.id, '拟稿人', 'item.submitted');
      await ev(leader.id, '分管领导', 'item.leader_approve');
    });
  });
  afterEach(async () => {
    await app.close();
    await t.close();
  });

  const openBody = () => ({
    supervisorAgencyId: county.gov.id,
    agencyId: county.deptA.id,
    title: '公开不应当公开的个人信息',
    source: 'manual',
    linkedType: 'information_item',
    linkedId: itemId,
    violations: ['disclosed_restricted', 'leaked_secret'],
    facts: '2026年3月5日在门户网站公开的名单含有公民身份号码。',
    againstUnit: true,
    persons: [
      { userId: drafter.id, role: 'handler' },
      { userId: leader.id, role: 'approving_leader' },
    ],
  });

  async function openCase(): Promise<Detail> {
    const r = await (await session('gov-sup')).post(BASE, openBody());
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Detail;
  }

  async function toDecided(): Promise<Detail> {
    const c = await openCase();
    const sup = await session('gov-sup');
    expect((await sup.post(`${BASE}/${c.id}/investigate`)).statusCode).toBe(200);
    const mine = (await (await session('a-drafter')).get(`${BASE}/${c.id}`)).json() as Detail;
    const st = await (await session('a-drafter')).post(`${BASE}/${c.id}/statements`, {
      personId: mine.myPersonId,
      statement: '名单由业务科室提供，我未逐项核对。',
    });
    expect(st.statusCode, st.body).toBe(200);
    const dec = await sup.post(`${BASE}/${c.id}/decision`, {
      decisionMode: 'leader_approved',
      severity: 'affected',
      persons: c.persons.map((p) => ({
        personId: p.id,
        sanctions: p.userId === leader.id ? ['circulated_criticism'] : ['written_examination'],
      })),
      unitSanctions: ['circulated_criticism'],
      decisionText: '对测试县司法局通报批评，责令限期整改。',
      deliveredOn: '2026-11-21',
    });
    expect(dec.statusCode, dec.body).toBe(200);
    return dec.json() as Detail;
  }

  it('opens a case with the drafter and approver prefilled from the audit trail', async () => {
    const c = await openCase();
    expect(c.status).toBe('opened');
    expect(c.caseNo).toBe('问责〔2026〕1号');
    expect(c.trail).toMatchObject({
      drafterUserId: drafter.id,
      approverUserId: leader.id,
      suggestedMode: 'leader_approved',
    });
    expect(c.decisionMode).toBe('leader_approved');
    const pre = await (await session('gov-sup')).get(
      `${BASE}/prefill?linkedType=information_item&linkedId=${itemId}&agencyId=${county.deptA.id}&supervisorAgencyId=${county.gov.id}`,
    );
    expect(pre.statusCode).toBe(200);
    expect((pre.json() as { drafterUserId: number }).drafterUserId).toBe(drafter.id);
    const cq = `${BASE}/candidates?supervisorAgencyId=${county.gov.id}&agencyId=${county.deptA.id}`;
    const cand = await (await session('gov-sup')).get(cq);
    expect(cand.statusCode).toBe(200);
    expect((cand.json() as { items: { userId: number }[] }).items.map((i) => i.userId)).toContain(drafter.id);
    expect((await (await session('a-office')).get(cq)).statusCode).toBe(403);
    const list = (await (await session('gov-sup')).get(BASE)).json() as {
      offices: { id: number; agencies: { id: number }[] }[];
    };
    expect(list.offices.map((o) => o.id)).toEqual([county.gov.id]);
    expect(list.offices[0]!.agencies.map((a) => a.id).sort()).toEqual(
      [county.deptA.id, county.deptB.id].sort(),
    );
  });

  it('《区督查问责办法》第十条: approved by the leader → the leader main, the handler secondary; the decision stays in force during review', async () => {
    const d = await toDecided();
    expect(d.status).toBe('decided');
    const byUser = new Map(d.persons.map((p) => [p.userId, p]));
    expect(byUser.get(leader.id)!.share).toBe('main');
    expect(byUser.get(drafter.id)!.share).toBe('secondary');
    expect(byUser.get(drafter.id)!.shareBasis).toBe('《区督查问责办法》第十条第（二）项');
    expect(d.reviewDueOn).toBe('2026-12-06');
    expect(d.inForce).toBe(true);

    const person = await session('a-drafter');
    const seen = (await person.get(`${BASE}/${d.id}`)).json() as Detail;
    expect(seen.permissions).toMatchObject({
      requestReview: true,
      decide: false,
      close: false,
      decideReview: false,
    });
    const rq = await person.post(`${BASE}/${d.id}/review-request`, {
      reason: '名单由他人提供，责任划分不当。',
    });
    expect(rq.statusCode, rq.body).toBe(200);
    expect((rq.json() as Detail).status).toBe('review_requested');
    expect((rq.json() as Detail).inForce).toBe(true);

    // the officer who decided does not decide the review
    const same = await (await session('gov-sup')).post(`${BASE}/${d.id}/review-decision`, {
      outcome: 'upheld',
      note: '维持',
    });
    expect(same.statusCode).toBe(403);
    const rv = await (await session('gov-office')).post(`${BASE}/${d.id}/review-decision`, {
      outcome: 'upheld',
      note: '事实清楚，维持原决定。',
    });
    expect(rv.statusCode, rv.body).toBe(200);
    expect((rv.json() as Detail).status).toBe('review_decided');

    const office = await session('gov-office');
    const noReport = await office.post(`${BASE}/${d.id}/close`, {});
    expect(noReport.statusCode).toBe(400);
    expect(noReport.body).toContain('书面整改报告');
    const closed = await office.post(`${BASE}/${d.id}/close`, {
      rectificationReport: '已撤下名单并完善保密审查。',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as Detail).status).toBe('closed');

    const actions = await db()
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'accountability_case')
      .where('entityId', '=', String(d.id))
      .orderBy('id')
      .execute();
    const changes = actions.map((a) => a.action).filter((a) => a !== 'oversight.accountability_read');
    expect(changes).toEqual([
      'oversight.accountability_opened',
      'oversight.accountability_investigating',
      'oversight.accountability_statement',
      'oversight.accountability_decided',
      'oversight.accountability_review_requested',
      'oversight.accountability_reviewed',
      'oversight.accountability_closed',
    ]);
    expect(actions.filter((a) => a.action === 'oversight.accountability_read').length).toBeGreaterThanOrEqual(
      7,
    );
  });

  it('refuses a review asked after the period, and a decision before the person was heard', async () => {
    const c = await openCase();
    const sup = await session('gov-sup');
    await sup.post(`${BASE}/${c.id}/investigate`);
    const early = await sup.post(`${BASE}/${c.id}/decision`, {
      decisionMode: 'handler_alone',
      severity: 'minor',
      persons: [],
      unitSanctions: [],
      decisionText: '诫勉谈话',
      deliveredOn: '2026-11-21',
    });
    expect(early.statusCode).toBe(409);
    expect((early.json() as { code: string }).code).toBe('ACCOUNTABILITY_INVALID_TRANSITION');

    const d = await toDecided();
    t.clock.set('2026-12-07T02:00:00.000Z');
    const late = await (await session('a-drafter')).post(`${BASE}/${d.id}/review-request`, {
      reason: '不服',
    });
    expect(late.statusCode).toBe(409);
    expect((late.json() as { code: string }).code).toBe('ACCOUNTABILITY_REVIEW_LATE');
  });

  it('the supervised agency’s other staff, the parent’s leader and a supervising assessor see nothing; the person concerned reads only their own case', async () => {
    const d = await toDecided();
    const mine = await session('a-drafter');
    expect((await mine.get(BASE)).json()).toMatchObject({ total: 1 });
    for (const u of ['a-office', 'gov-leader', 'gov-assessor', 'b-drafter']) {
      const s = await session(u);
      const list = (await s.get(BASE)).json() as { items: unknown[] };
      expect(list.items, u).toEqual([]);
      const one = await s.get(`${BASE}/${d.id}`);
      expect(one.statusCode, u).toBe(404);
      expect((await s.post(`${BASE}/${d.id}/close`, { rectificationReport: 'x' })).statusCode, u).toBe(404);
    }
    // the agency's own staff cannot open a case against their agency
    const own = await (await session('a-office')).post(BASE, openBody());
    expect(own.statusCode).toBe(403);
    expect((own.json() as { code: string }).code).toBe('ACCOUNTABILITY_FORBIDDEN');
    // the person concerned acts only as the person: no decision, no review result, no close
    expect(
      (await mine.post(`${BASE}/${d.id}/review-decision`, { outcome: 'revoked', note: '撤销' })).statusCode,
    ).toBe(403);
    expect((await mine.post(`${BASE}/${d.id}/close`, { rectificationReport: 'x' })).statusCode).toBe(403);
    // a second case against another agency's staff is not theirs to read
    const c2 = await (await session('gov-sup')).post(BASE, {
      ...openBody(),
      agencyId: county.deptB.id,
      linkedType: null,
      linkedId: null,
      persons: [],
    });
    expect(c2.statusCode, c2.body).toBe(201);
    const id2 = (c2.json() as Detail).id;
    expect((await mine.get(`${BASE}/${id2}`)).statusCode).toBe(404);
    expect(((await mine.get(BASE)).json() as { total: number }).total).toBe(1);
    // every read is audited, with the reader
    const reads = await db()
      .selectFrom('auditEvents')
      .select(['actorUserId', 'entityId'])
      .where('action', '=', 'oversight.accountability_read')
      .where('actorUserId', '=', drafter.id)
      .execute();
    expect(reads.some((r) => r.entityId === String(d.id))).toBe(true);
    expect(other.id).toBeGreaterThan(0);
  });

  it('the 问责决定书 is a DOCX for the supervisor and the person concerned, naming the split and the review period', async () => {
    const c = await openCase();
    const sup = await session('gov-sup');
    expect((await sup.get(`${BASE}/${c.id}/decision.docx`)).statusCode).toBe(409);
    const d = await toDecided();
    for (const u of ['gov-sup', 'a-drafter']) {
      const r = await (await session(u)).get(`${BASE}/${d.id}/decision.docx`);
      expect(r.statusCode, u).toBe(200);
      expect(r.headers['content-type']).toContain('wordprocessingml');
      expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain(
        '问责决定书-问责〔2026〕',
      );
    }
    expect((await (await session('a-office')).get(`${BASE}/${d.id}/decision.docx`)).statusCode).toBe(404);
    const view = (await sup.get(`${BASE}/${d.id}`)).json() as Parameters<typeof decisionLetterLines>[0];
    const text = decisionLetterLines(view).join('\n');
    expect(text).toContain('承担主要责任（《区督查问责办法》第十条第（二）项）');
    expect(text).toContain('承担次要责任');
    expect(text).toContain('《政府信息公开条例》第五十二条、第五十三条');
    expect(text).toContain('15日内（至2026年12月6日）');
    expect(text).toContain('复核期间，本决定不停止执行');
  });

  it('opens from a detection of the agency only; a person states only their own defence; a corrected review changes the decision', async () => {
    const det = async (agencyId: number, key: string) =>
      (
        await db()
          .insertInto('oversightDetections')
          .values({
            agencyId,
            kind: 'item_late',
            subjectType: 'information_item',
            subjectId: itemId,
            subjectKey: key,
            title: '迟发',
            dueOn: '2026-03-27',
            detailJson: '{}',
            firstSeenOn: '2026-11-01',
            lastSeenOn: '2026-11-21',
            resolvedOn: null,
            createdAt: NOW,
            updatedAt: NOW,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const mineDet = await det(county.deptA.id, 'a');
    const otherDet = await det(county.deptB.id, 'b');
    const sup = await session('gov-sup');
    const wrong = await sup.post(BASE, { ...openBody(), source: 'detection', sourceId: otherDet });
    expect(wrong.statusCode).toBe(404);
    expect((wrong.json() as { code: string }).code).toBe('ACCOUNTABILITY_SOURCE_NOT_FOUND');
    const r = await sup.post(BASE, { ...openBody(), source: 'detection', sourceId: mineDet });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json() as Detail;
    await sup.post(`${BASE}/${c.id}/investigate`);
    const drafterRow = c.persons.find((p) => p.userId === drafter.id)!;
    const leaderRow = c.persons.find((p) => p.userId === leader.id)!;
    const notMine = await (await session('a-leader')).post(`${BASE}/${c.id}/statements`, {
      personId: drafterRow.id,
      statement: '代为陈述',
    });
    expect(notMine.statusCode).toBe(403);
    expect((notMine.json() as { code: string }).code).toBe('ACCOUNTABILITY_NOT_CONCERNED');
    expect(
      (
        await (
          await session('a-leader')
        ).post(`${BASE}/${c.id}/statements`, { personId: leaderRow.id, statement: '本人陈述' })
      ).statusCode,
    ).toBe(200);
    const dec = await sup.post(`${BASE}/${c.id}/decision`, {
      decisionMode: 'handler_alone',
      severity: 'minor',
      persons: [{ personId: drafterRow.id, sanctions: ['criticism'] }],
      unitSanctions: [],
      decisionText: '对直接承办人批评教育。',
      deliveredOn: '2026-11-21',
    });
    expect(dec.statusCode, dec.body).toBe(200);
    const d = dec.json() as Detail;
    expect(d.persons.find((p) => p.userId === drafter.id)!.share).toBe('all');
    expect(d.persons.find((p) => p.userId === leader.id)!.share).toBe('none');
    expect(d.persons.find((p) => p.userId === drafter.id)!.shareBasis).toBe(
      '《区督查问责办法》第十条第（一）项',
    );
    await (await session('a-drafter')).post(`${BASE}/${c.id}/review-request`, { reason: '系经领导同意' });
    const office = await session('gov-office');
    const noText = await office.post(`${BASE}/${c.id}/review-decision`, {
      outcome: 'corrected',
      note: '纠正',
    });
    expect(noText.statusCode).toBe(400);
    expect(noText.body).toContain('纠正后的决定');
    const rv = await office.post(`${BASE}/${c.id}/review-decision`, {
      outcome: 'corrected',
      note: '经查系经分管领导同意，改为诫勉谈话。',
      decisionText: '对直接承办人诫勉谈话。',
      persons: [{ personId: drafterRow.id, sanctions: ['admonition'] }],
    });
    expect(rv.statusCode, rv.body).toBe(200);
    const after = rv.json() as Detail & {
      decisionText: string;
      persons: { userId: number; sanctions: { code: string }[] }[];
    };
    expect(after.decisionText).toBe('对直接承办人诫勉谈话。');
    expect(after.persons.find((p) => p.userId === drafter.id)!.sanctions.map((s) => s.code)).toEqual([
      'admonition',
    ]);
    expect(after.inForce).toBe(true);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const sup = await session('gov-sup');
    const bad = async (body: unknown, text: string, status = 400) => {
      const r = await sup.post(BASE, body);
      expect(r.statusCode, r.body).toBe(status);
      expect(r.body).toContain(text);
    };
    await bad({ ...openBody(), violations: ['nope'] }, '违规情形');
    await bad({ ...openBody(), violations: [] }, '违规情形');
    await bad({ ...openBody(), title: '  ' }, '案由');
    await bad({ ...openBody(), persons: [{ userId: other.id, role: 'boss' }] }, '在行为中的角色');
    const bStaff = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'b-drafter')
      .executeTakeFirstOrThrow();
    await bad({ ...openBody(), persons: [{ userId: bStaff.id, role: 'handler' }] }, '被问责人');
    await bad({ ...openBody(), againstUnit: false, persons: [] }, '被问责人');
    await bad({ ...openBody(), source: 'detection', sourceId: 999999 }, '立案来源', 404);
    await bad({ ...openBody(), linkedId: 999999 }, '涉及的记录');
    await bad({ ...openBody(), supervisorAgencyId: 'x' }, '监督机关');
    const c = await openCase();
    await sup.post(`${BASE}/${c.id}/investigate`);
    await sup.post(`${BASE}/${c.id}/statements`, { personId: c.persons[0]!.id, statement: '记录的陈述' });
    const dec = await sup.post(`${BASE}/${c.id}/decision`, {
      decisionMode: 'collective',
      severity: 'minor',
      persons: [{ personId: c.persons[0]!.id, sanctions: ['removal'] }],
      unitSanctions: [],
      decisionText: '决定',
      deliveredOn: '2026-13-45',
    });
    expect(dec.statusCode).toBe(400);
    expect(dec.body).toContain('送达日期');
    const dec2 = await sup.post(`${BASE}/${c.id}/decision`, {
      decisionMode: 'collective',
      severity: 'minor',
      persons: [{ personId: c.persons[0]!.id, sanctions: ['removal'] }],
      unitSanctions: [],
      decisionText: '决定',
      deliveredOn: '2026-11-21',
    });
    expect(dec2.statusCode).toBe(400);
    expect(dec2.body).toContain('对个人的处理');
    expect((await sup.get(`${BASE}/999999`)).statusCode).toBe(404);
    expect(
      (await sup.post(`${BASE}/${c.id}/statements`, { personId: 999999, statement: 'x' })).statusCode,
    ).toBe(400);
  });
});
