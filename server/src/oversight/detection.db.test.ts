/**
 * Violations detected from the platform's records (issue #11), on both databases with a fixed clock
 * (Beijing 2026-11-21): each rule fires for a violating record and not for a compliant one, the
 * history of a finding is kept across runs, the list is readable by the agency's own staff and its
 * supervising office only, and the daily job runs once when two nodes run it at the same time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agencyRepository } from '../agencies/agency.repository.ts';
import { type App, buildApp } from '../http/build-app.ts';
import { JOBS } from '../jobs.ts';
import { contactOf } from '../publication/guide.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty, makeStaff } from '../test-support/factories.ts';
import { as, loginAs } from '../test-support/http.ts';
import { openPostgres } from '../db/create-db.ts';
import { type Deps, makeDeps } from '../shared/deps.ts';
import { dialects, makeTestDb, PG_URL, type TestDb } from '../test-support/test-db.ts';
import { detectionJob, recordDetections } from './detection.service.ts';
import type { DetectionRow } from './detection.table.ts';

const NOW = '2026-11-21T02:00:00.000Z';
const AT = '2026-01-01T00:00:00.000Z';

describe.each(dialects())('detections (%s)', (dialect) => {
  let t: TestDb;
  let county: Awaited<ReturnType<typeof makeCounty>>;
  let seq = 0;

  const db = () => t.deps.db;

  async function item(
    agencyId: number,
    title: string,
    f: {
      status?: string;
      generatedOn?: string;
      publishDueOn?: string | null;
      publishedOn?: string | null;
    } & {
      interpretationOfId?: number;
      scanOverrideJson?: string;
      scope?: string;
    } = {},
  ): Promise<number> {
    const r = await db()
      .insertInto('informationItems')
      .values({
        agencyId,
        title,
        publisher: '测试',
        generatedOn: f.generatedOn ?? '2026-03-01',
        publishedOn: f.publishedOn ?? null,
        publishedAt: f.publishedOn ? `${f.publishedOn}T02:00:00.000Z` : null,
        validity: 'valid',
        scope: f.scope ?? 'public',
        channelsJson: '[]',
        attribute: 'proactive',
        bodyHtml: '<p>正文</p>',
        status: f.status ?? 'published',
        publishDueOn: f.publishDueOn === undefined ? '2026-03-27' : f.publishDueOn,
        interpretationOfId: f.interpretationOfId ?? null,
        scanOverrideJson: f.scanOverrideJson ?? null,
        createdAt: AT,
        updatedAt: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async function review(itemId: number, stage: string) {
    await db()
      .insertInto('itemReviews')
      .values({
        itemId,
        stage,
        decision: 'public',
        reviewerLabel: '测试',
        reviewedOn: '2026-03-02',
        createdAt: AT,
      })
      .execute();
  }

  async function application(
    agencyId: number,
    f: { status: string; receivedOn: string; dueOn: string; repliedOn?: string; pauseKind?: string },
  ): Promise<number> {
    seq++;
    const r = await db()
      .insertInto('requestApplications')
      .values({
        agencyId,
        registrationNo: `DJ-2026-${String(seq).padStart(4, '0')}`,
        trackingHash: `h${seq}`,
        channel: 'online',
        status: f.status,
        applicantKind: 'natural',
        applicantName: '王小明',
        phone: '13912345678',
        provisionForm: 'electronic',
        deliveryMethod: 'online',
        submittedOn: f.receivedOn,
        submittedAt: `${f.receivedOn}T02:00:00.000Z`,
        receivedOn: f.receivedOn,
        clockStart: f.receivedOn,
        repliedOn: f.repliedOn ?? null,
        pauseKind: f.pauseKind ?? null,
        createdAt: AT,
        updatedAt: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deadline(agencyId, r.id, 'reply', f.receivedOn, f.dueOn, f.repliedOn ? 'met' : 'open');
    return r.id;
  }

  async function deadline(
    agencyId: number,
    subjectId: number,
    kind: string,
    startDate: string,
    dueDate: string,
    state: string,
  ) {
    await db()
      .insertInto('deadlines')
      .values({
        agencyId,
        subjectType: 'request_application',
        subjectId,
        kind,
        startDate,
        workingDays: 20,
        dueDate,
        state,
        createdAt: AT,
        updatedAt: AT,
      })
      .execute();
  }

  async function catalogEntry(
    agencyId: number,
    code: string,
    f: { changedOn: string; updateDueOn: string; catalogUpdatedOn: string | null },
  ): Promise<number> {
    const r = await db()
      .insertInto('catalogEntries')
      .values({
        agencyId,
        code,
        name: `分类${code}`,
        timeLimit: '20个工作日',
        form: '网站',
        permanent: 0,
        sortOrder: 0,
        active: 1,
        ...f,
        createdAt: AT,
        updatedAt: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async function guide(agencyId: number, nextReviewOn: string, phone?: string) {
    const a = (await agencyRepository.byId(db(), agencyId))!;
    const contact = { ...contactOf(a), ...(phone ? { phone } : {}) };
    await db()
      .insertInto('guideVersions')
      .values({
        agencyId,
        version: 1,
        contentJson: JSON.stringify({ sections: [], contact }),
        publishedOn: '2025-10-01',
        nextReviewOn,
        createdAt: AT,
      })
      .execute();
  }

  async function report(agencyId: number, year: number, publishedAt: string | null) {
    await db()
      .insertInto('annualReports')
      .values({
        agencyId,
        year,
        format: '2021',
        source: 'computed',
        status: publishedAt ? 'published' : 'draft',
        inputsJson: '{}',
        narrativeJson: '{}',
        publishedAt,
        createdAt: AT,
        updatedAt: AT,
      })
      .execute();
  }

  async function run() {
    return inTransaction(t.deps, (tx) => recordDetections(t.deps, tx));
  }

  async function stored(kind: string): Promise<DetectionRow[]> {
    return db()
      .selectFrom('oversightDetections')
      .selectAll()
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();
  }

  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: NOW });
    county = await makeCounty(t.deps);
  });
  afterEach(async () => {
    await t.close();
  });

  it('《政府信息公开条例》第二十六条: an item published after its 20-working-day limit, and one still in review past it, are found; items on time are not', async () => {
    const late = await item(county.deptA.id, '迟发的文件', {
      publishDueOn: '2026-03-27',
      publishedOn: '2026-04-08',
    });
    await item(county.deptA.id, '按时发布的文件', { publishDueOn: '2026-03-27', publishedOn: '2026-03-27' });
    const stuck = await item(county.deptB.id, '压在审核中的文件', {
      status: 'leader_review',
      publishDueOn: '2026-11-02',
    });
    await item(county.deptB.id, '尚未到期的草稿', { status: 'draft', publishDueOn: '2026-12-01' });
    await item(county.deptB.id, '暂缓公开的文件', { status: 'deferred', publishDueOn: '2026-05-01' });
    // 内部公开: never shown to the supervising office, so never a detection (docs/access.md)
    await item(county.deptA.id, '内部公开的文件', {
      scope: 'internal',
      publishDueOn: '2026-03-27',
      publishedOn: '2026-04-08',
    });
    await run();
    const rows = await stored('proactive_late');
    expect(rows.map((r) => [r.subjectId, r.resolvedOn])).toEqual([
      [late, '2026-04-08'],
      [stuck, null],
    ]);
    // 2026-03-27 → 2026-04-08: 7 working days (清明 4–6 April)
    expect(JSON.parse(rows[0]!.detailJson).workingDaysLate).toBe(7);
    expect(rows[1]!.agencyId).toBe(county.deptB.id);
  });

  it('《政府信息公开条例》第三十三条: a reply served after its due date and an application still open past it are found; on-time, paused and not-yet-due ones are not', async () => {
    const lateReply = await application(county.deptA.id, {
      status: 'closed',
      receivedOn: '2026-05-06',
      dueOn: '2026-06-03',
      repliedOn: '2026-06-10',
    });
    await application(county.deptA.id, {
      status: 'replied',
      receivedOn: '2026-05-06',
      dueOn: '2026-06-03',
      repliedOn: '2026-06-03',
    });
    const open = await application(county.deptB.id, {
      status: 'in_progress',
      receivedOn: '2026-10-09',
      dueOn: '2026-11-06',
    });
    await application(county.deptB.id, {
      status: 'in_progress',
      receivedOn: '2026-10-09',
      dueOn: '2026-11-06',
      pauseKind: 'consultation',
    });
    await application(county.deptB.id, {
      status: 'registered',
      receivedOn: '2026-11-16',
      dueOn: '2026-12-14',
    });
    await run();
    const rows = await stored('request_late');
    expect(rows.map((r) => [r.subjectId, r.resolvedOn])).toEqual([
      [lateReply, '2026-06-10'],
      [open, null],
    ]);
    // never the applicant's name: the registration number names the application
    expect(rows.every((r) => r.title.startsWith('申请 DJ-2026-') && !r.detailJson.includes('王小明'))).toBe(
      true,
    );
  });

  it('《政府信息公开条例》第三十条: a correction notice later than 7 working days after receipt is found; one within them is not', async () => {
    const a = await application(county.deptA.id, {
      status: 'closed',
      receivedOn: '2026-06-01',
      dueOn: '2026-06-29',
      repliedOn: '2026-06-20',
    });
    await deadline(county.deptA.id, a, 'correction', '2026-06-15', '2026-06-30', 'met');
    const b = await application(county.deptA.id, {
      status: 'closed',
      receivedOn: '2026-06-01',
      dueOn: '2026-06-29',
      repliedOn: '2026-06-20',
    });
    await deadline(county.deptA.id, b, 'correction', '2026-06-10', '2026-06-25', 'met');
    await run();
    const rows = await stored('correction_late');
    expect(rows.map((r) => [r.subjectId, r.dueOn, r.resolvedOn])).toEqual([[a, '2026-06-10', '2026-06-15']]);
  });

  it('《政府信息公开条例》第十二条: a catalog change not carried into the catalog within 20 working days is found (open, or resolved when updated late); an update in time is not', async () => {
    const open = await catalogEntry(county.deptA.id, 'A01', {
      changedOn: '2026-09-01',
      updateDueOn: '2026-09-29',
      catalogUpdatedOn: null,
    });
    const lateFix = await catalogEntry(county.deptA.id, 'A02', {
      changedOn: '2026-05-06',
      updateDueOn: '2026-06-03',
      catalogUpdatedOn: '2026-06-12',
    });
    await catalogEntry(county.deptA.id, 'A03', {
      changedOn: '2026-05-06',
      updateDueOn: '2026-06-03',
      catalogUpdatedOn: '2026-05-20',
    });
    await catalogEntry(county.deptA.id, 'A04', {
      changedOn: '2026-11-10',
      updateDueOn: '2026-12-08',
      catalogUpdatedOn: null,
    });
    await run();
    const rows = await stored('catalog_late');
    expect(rows.map((r) => [r.subjectId, r.resolvedOn]).sort()).toEqual(
      [
        [open, null],
        [lateFix, '2026-06-12'],
      ].sort(),
    );
  });

  it('《政府信息公开条例》第十二条: a guide past its yearly review, a guide whose contact data changed and a missing guide are found; a current guide is not', async () => {
    await guide(county.deptA.id, '2026-10-01');
    await guide(county.deptB.id, '2027-05-01', '0871-0000000');
    await run();
    const due = await stored('guide_review_due');
    expect(due.map((r) => [r.agencyId, r.subjectId]).sort()).toEqual(
      [
        [county.deptA.id, 1],
        [county.gov.id, 0],
      ].sort(),
    );
    const changed = await stored('guide_contact_changed');
    expect(changed.map((r) => r.agencyId)).toEqual([county.deptB.id]);
    expect(JSON.parse(changed[0]!.detailJson).changedFields).toBe('phone');
  });

  it('《政府信息公开条例》第四十九条: a department’s report missing after 31 January and a government’s published after 31 March are found; one published in time is not', async () => {
    await report(county.deptB.id, 2025, '2026-01-20T02:00:00.000Z');
    await report(county.gov.id, 2025, '2026-04-15T02:00:00.000Z');
    await report(county.deptA.id, 2025, null);
    await run();
    const rows = await stored('annual_report_late');
    expect(rows.map((r) => [r.agencyId, r.dueOn, r.resolvedOn]).sort()).toEqual(
      [
        [county.deptA.id, '2026-01-31', null],
        [county.gov.id, '2026-03-31', '2026-04-15'],
      ].sort(),
    );
    expect(rows.every((r) => r.subjectId === 2025)).toBe(true);
  });

  it('《政府信息公开条例》第十七条: an item published without the confidentiality office’s recorded conclusion, or over a scan override, is found; a fully reviewed item is not', async () => {
    const skipped = await item(county.deptA.id, '未经保密审查办公室审查', { publishedOn: '2026-03-20' });
    await review(skipped, 'drafter');
    await review(skipped, 'leader');
    const ok = await item(county.deptA.id, '审查完整', { publishedOn: '2026-03-20' });
    for (const s of ['drafter', 'leader', 'office']) await review(ok, s);
    await item(county.deptA.id, '旧网站导入', { publishedOn: '2026-03-20' });
    const overridden = await item(county.deptA.id, '人工放行', {
      publishedOn: '2026-03-20',
      scanOverrideJson: JSON.stringify({ fingerprint: 'x', reason: '已核实' }),
    });
    for (const s of ['drafter', 'leader', 'office']) await review(overridden, s);
    await run();
    expect((await stored('review_missing')).map((r) => r.subjectId)).toEqual([skipped]);
    expect((await stored('scan_override')).map((r) => [r.subjectId, r.resolvedOn])).toEqual([
      [overridden, null],
    ]);
  });

  it('docs/product.md §2.3.4: an interpretation published more than 3 working days after its policy is found; one published with it is not', async () => {
    const policy = await item(county.deptA.id, '政策文件', { publishedOn: '2026-05-11', publishDueOn: null });
    const late = await item(county.deptA.id, '迟到的解读', {
      publishedOn: '2026-05-20',
      publishDueOn: null,
      interpretationOfId: policy,
    });
    await item(county.deptA.id, '同步的解读', {
      publishedOn: '2026-05-11',
      publishDueOn: null,
      interpretationOfId: policy,
    });
    await run();
    expect((await stored('interpretation_late')).map((r) => [r.subjectId, r.dueOn, r.resolvedOn])).toEqual([
      [late, '2026-05-14', '2026-05-20'],
    ]);
  });

  it('keeps each finding’s history: first seen, resolved the day it is no longer found, never found twice', async () => {
    const stuck = await item(county.deptA.id, '压在审核中的文件', {
      status: 'leader_review',
      publishDueOn: '2026-11-02',
    });
    const overridden = await item(county.deptA.id, '人工放行', {
      publishedOn: '2026-03-20',
      scanOverrideJson: JSON.stringify({ fingerprint: 'x' }),
    });
    const first = await run();
    expect(first.opened).toBeGreaterThan(0);
    const again = await run();
    expect(again.opened).toBe(0);
    // published the next day (late): the open finding is resolved with the day it was done
    await db()
      .updateTable('informationItems')
      .set({ status: 'published', publishedOn: '2026-11-23' })
      .where('id', '=', stuck)
      .execute();
    t.clock.set('2026-11-23T02:00:00.000Z');
    await run();
    // the overridden item was revoked: no longer found, so resolved the day of the run
    await db()
      .updateTable('informationItems')
      .set({ status: 'revoked' })
      .where('id', '=', overridden)
      .execute();
    await run();
    expect((await stored('scan_override')).map((r) => [r.subjectId, r.firstSeenOn, r.resolvedOn])).toEqual([
      [overridden, '2026-11-21', '2026-11-23'],
    ]);
    const [row] = await stored('proactive_late');
    expect(row).toMatchObject({
      subjectId: stuck,
      firstSeenOn: '2026-11-21',
      lastSeenOn: '2026-11-23',
      resolvedOn: '2026-11-23',
    });
    const count = await db()
      .selectFrom('oversightDetections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const kinds = await db().selectFrom('oversightDetections').select(['kind', 'subjectKey']).execute();
    expect(new Set(kinds.map((k) => `${k.kind}|${k.subjectKey}`)).size).toBe(Number(count.n));
  });

  describe('access', () => {
    let app: App;
    beforeEach(async () => {
      app = await buildApp(t.deps);
      await makeStaff(t.deps, [{ agencyId: county.deptA.id, role: 'drafter' }], { username: 'a-staff' });
      await makeStaff(t.deps, [{ agencyId: county.deptB.id, role: 'disclosure_office' }], {
        username: 'b-office',
      });
      await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'disclosure_office' }], {
        username: 'gov-office',
      });
      await makeStaff(t.deps, [{ agencyId: county.gov.id, role: 'leader' }], { username: 'gov-leader' });
      await application(county.deptA.id, {
        status: 'in_progress',
        receivedOn: '2026-10-09',
        dueOn: '2026-11-06',
      });
      await application(county.deptB.id, {
        status: 'in_progress',
        receivedOn: '2026-10-09',
        dueOn: '2026-11-06',
      });
      await run();
    });
    afterEach(async () => {
      await app.close();
    });

    const list = async (user: string, qs = '') => {
      const r = await as(app, await loginAs(app, user)).get(
        `/api/v1/admin/oversight/detections?kind=request_late${qs}`,
      );
      return r;
    };

    it('the agency’s own staff see their agency only; another agency’s is refused', async () => {
      const r = await list('a-staff');
      expect(r.statusCode).toBe(200);
      const body = r.json() as { items: { agencyId: number; link: string; kindLabel: string }[] };
      expect(body.items.map((i) => i.agencyId)).toEqual([county.deptA.id]);
      expect(body.items[0]!.link).toMatch(/^\/admin\/requests\/\d+$/);
      expect(body.items[0]!.kindLabel).toBe('依申请公开逾期答复');
      expect((await list('a-staff', `&agencyId=${county.deptB.id}`)).statusCode).toBe(403);
      // one detection by id: its own agency's, never another's
      const gov = (await list('gov-office')).json() as { items: { id: number; agencyId: number }[] };
      const other = gov.items.find((i) => i.agencyId === county.deptB.id)!;
      const mine = gov.items.find((i) => i.agencyId === county.deptA.id)!;
      const staff = as(app, await loginAs(app, 'a-staff'));
      expect((await staff.get(`/api/v1/admin/oversight/detections/${mine.id}`)).statusCode).toBe(200);
      const refused = await staff.get(`/api/v1/admin/oversight/detections/${other.id}`);
      expect(refused.statusCode).toBe(404);
      expect((refused.json() as { code: string }).code).toBe('DETECTION_NOT_FOUND');
      expect((await list('b-office', `&agencyId=${county.deptA.id}`)).statusCode).toBe(403);
    });

    it('the supervising office sees the agencies it supervises, with counts per agency and no applicant data; the tree’s parent grants nothing', async () => {
      const r = await list('gov-office', '&state=open');
      expect(r.statusCode).toBe(200);
      const body = r.json() as {
        items: { agencyId: number }[];
        byAgency: { agencyId: number; open: number }[];
        byKind: { kind: string; open: number }[];
      };
      expect(body.items.map((i) => i.agencyId).sort()).toEqual([county.deptA.id, county.deptB.id].sort());
      expect(body.byAgency.map((a) => [a.agencyId, a.open]).sort()).toEqual(
        [
          [county.deptA.id, 1],
          [county.deptB.id, 1],
        ].sort(),
      );
      expect(body.byKind).toEqual([
        { kind: 'request_late', label: '依申请公开逾期答复', open: 2, resolved: 0 },
      ]);
      expect(r.body).not.toContain('王小明');
      expect(r.body).not.toContain('13912345678');
      const parent = (await list('gov-leader')).json() as { items: unknown[] };
      expect(parent.items).toEqual([]);
      expect((await list('gov-leader', `&agencyId=${county.deptA.id}`)).statusCode).toBe(403);
    });

    it('refuses a bad filter with a Chinese message naming the field', async () => {
      const r = await as(app, await loginAs(app, 'gov-office')).get(
        '/api/v1/admin/oversight/detections?kind=nope',
      );
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('违规类型');
    });
  });

  it('the daily job runs once when two nodes run it at the same time (cluster/lease.ts), and not again that day', async () => {
    await item(county.deptA.id, '迟发的文件', { publishDueOn: '2026-03-27', publishedOn: '2026-04-08' });
    expect(JOBS.some((j) => j.name === '违规自动发现')).toBe(true);
    // a second node: its own pool on the same PostgreSQL schema; on SQLite (one process) a second
    // handle object on the same connection, so it holds leases under another node id
    let close = async () => {};
    let other: Deps;
    if (dialect === 'postgres') {
      const h = openPostgres(PG_URL!, { schema: t.schema!, max: 4 });
      close = () => h.close();
      other = makeDeps(h, t.deps.config, t.deps.clock);
    } else {
      const db2 = t.deps.db.withPlugin({
        transformQuery: (a) => a.node,
        transformResult: async (a) => a.result,
      });
      other = makeDeps({ ...t.deps.handle, db: db2 }, t.deps.config, t.deps.clock);
    }
    const results = await Promise.all([detectionJob(t.deps), detectionJob(other)]).finally(close);
    expect(results.filter((n) => n > 0)).toHaveLength(1);
    const runs = await db().selectFrom('oversightDetectionRuns').selectAll().execute();
    expect(runs.map((r) => r.runOn)).toEqual(['2026-11-21']);
    const events = await db()
      .selectFrom('auditEvents')
      .select('id')
      .where('action', '=', 'oversight.detections_recorded')
      .execute();
    expect(events).toHaveLength(1);
    expect(await detectionJob(t.deps)).toBe(0);
  });
});
