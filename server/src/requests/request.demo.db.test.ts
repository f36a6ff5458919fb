/** Demo applications (both databases): appeals in every outcome, a customised agency, reminders. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/demo.seed.ts';
import { enqueueDueReminders } from '../reminders/reminder.service.ts';
import { actorFor } from '../publication/publication.demo.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { inTransaction } from '../shared/tx.ts';
import { getSettings } from './request-settings.service.ts';

describe.each(dialects())('requests demo (%s)', (dialect) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await makeTestDb(dialect, { now: '2026-11-21T02:00:00.000Z' });
  });
  afterEach(async () => t.close());

  it('R.51 appeals 维持 / 纠正 (reopened and answered again) / 尚未审结; the 教体局 chain and receipt template are its own; R.33 reminders are due', async () => {
    await seedDemo(t.deps);
    const db = t.deps.db;
    const appeals = await db
      .selectFrom('requestAppeals as p')
      .innerJoin('requestApplications as a', 'a.id', 'p.applicationId')
      .select(['a.id', 'a.status', 'a.repliedOn', 'p.kind', 'p.outcome', 'p.decidedOn'])
      .execute();
    expect(new Set(appeals.map((a) => a.outcome))).toEqual(new Set(['pending', 'upheld', 'corrected']));
    expect(new Set(appeals.map((a) => a.kind))).toEqual(new Set(['reconsideration', 'litigation_direct']));
    // 纠正: the application was reopened and answered again after the decision, then closed
    const corrected = appeals.find((a) => a.outcome === 'corrected')!;
    expect(corrected.status).toBe('closed');
    expect(corrected.repliedOn! > corrected.decidedOn!).toBe(true);
    const replies = await db
      .selectFrom('requestLetters')
      .select('issuedOn')
      .where('applicationId', '=', corrected.id)
      .where('kind', '=', 'reply')
      .execute();
    expect(replies).toHaveLength(2);
    const reopened = await db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityType', '=', 'request_application')
      .where('entityId', '=', String(corrected.id))
      .where('action', 'in', ['request.reopen', 'request.appeal_decided'])
      .execute();
    expect(reopened.map((e) => e.action).sort()).toEqual(['request.appeal_decided', 'request.reopen']);
    // the demo's appeals are only on 县市场监管局, 县财政局, 县教体局 — the 司法局 journeys start clean
    const sfjAppeals = await db
      .selectFrom('requestAppeals as p')
      .innerJoin('requestApplications as a', 'a.id', 'p.applicationId')
      .innerJoin('agencies as g', 'g.id', 'a.agencyId')
      .select('p.id')
      .where('g.code', '=', 'sfj')
      .execute();
    expect(sfjAppeals).toEqual([]);

    const jyj = (await actorFor(t.deps, 'jyj-gk'))!;
    const jyjId = jyj.grants[0]!.agencyId;
    const settings = await getSettings(t.deps, db, { actor: jyj }, jyjId);
    expect(settings.approvalChain).toEqual(['unit_head', 'leader', 'disclosure_office']);
    expect(settings.approvalChainIsDefault).toBe(false);
    const receipt = settings.templates.find((x) => x.kind === 'receipt')!;
    expect(receipt.isDefault).toBe(false);
    expect(receipt.paragraphs.at(-1)).toContain('咨询电话');
    // its replies passed the leader, as its chain says
    const roles = await db
      .selectFrom('requestApprovals as r')
      .innerJoin('requestApplications as a', 'a.id', 'r.applicationId')
      .select('r.role')
      .where('a.agencyId', '=', jyjId)
      .where('r.decision', '=', 'approved')
      .execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['unit_head', 'leader', 'disclosure_office']));

    // the reminder job finds applications of this year due within 5 working days
    expect(await inTransaction(t.deps, (tx) => enqueueDueReminders(t.deps, tx))).toBeGreaterThan(0);
    const inapp = await db
      .selectFrom('notifications')
      .select('title')
      .where('channel', '=', 'inapp')
      .execute();
    expect(inapp.some((n) => /2026-\d{6} 剩余 [1-5] 个工作日/.test(n.title))).toBe(true);
  });
});
