/**
 * Demo accountability case (called from demo/demo.seed.ts after the 2026 inspection): the county
 * 督查室 (dcs) opens a case from the inspection's finding that the 市场监督管理局 published
 * administrative penalty decisions late (《政府信息公开条例》第二十六条), hears the handler, decides with
 * the leader main and the handler secondary (the leader approved, 《区督查问责办法》第十条第（二）项),
 * and the leader asks for review within the period — the case is at review, the decision in force.
 */
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { staffActorByUsername } from '../identity/auth.service.ts';
import { fixedClock } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  decideCase,
  openCase,
  recordStatement,
  requestReview,
  startInvestigation,
} from './accountability.service.ts';

export const DEMO_ACCOUNTABILITY_TITLE = '行政处罚决定未按期主动公开';

const at = (deps: Deps, date: string): Deps => ({ ...deps, clock: fixedClock(`${date}T02:30:00.000Z`) });

async function actor(db: DbOrTx, username: string): Promise<StaffActor> {
  const a = await staffActorByUsername(db, username, { inFirstGrant: true });
  if (!a) throw new Error(`demo user ${username} is missing`);
  return a;
}

export async function seedAccountabilityDemo(deps: Deps): Promise<number> {
  const agencyId = async (code: string) =>
    (await deps.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const gov = await agencyId('gov');
  const scjgj = await agencyId('scjgj');
  const finding = await deps.db
    .selectFrom('oversightFindings')
    .select('id')
    .where('agencyId', '=', scjgj)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const userId = async (username: string) =>
    (
      await deps.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  const handler = await userId('scj-ng');
  const leader = await userId('scj-fg');
  const step = <T>(date: string, who: string, fn: (d: Deps, tx: DbOrTx, a: StaffActor) => Promise<T>) => {
    const d = at(deps, date);
    return inTransaction(d, async (tx) => fn(d, tx, await actor(tx, who)));
  };

  const id = await step('2026-11-02', 'dcs', (d, tx, a) =>
    openCase(
      d,
      tx,
      { actor: a },
      {
        supervisorAgencyId: gov,
        agencyId: scjgj,
        title: DEMO_ACCOUNTABILITY_TITLE,
        source: 'finding',
        sourceId: finding.id,
        violations: ['not_updated', 'no_proactive'],
        facts:
          '2026年度政务公开工作督查抽查发现，县市场监督管理局有3条行政处罚决定超过20个工作日才主动公开，经督查室责令整改后逾期仍未提交整改报告。',
        againstUnit: false,
        persons: [
          { userId: handler, role: 'handler' },
          { userId: leader, role: 'approving_leader' },
        ],
      },
    ),
  );
  await step('2026-11-03', 'dcs', (d, tx, a) => startInvestigation(d, tx, { actor: a }, id));
  const persons = await deps.db
    .selectFrom('oversightAccountabilityPersons')
    .select(['id', 'userId'])
    .where('caseId', '=', id)
    .execute();
  const pid = (u: number) => persons.find((p) => p.userId === u)!.id;
  await step('2026-11-05', 'scj-ng', (d, tx, a) =>
    recordStatement(d, tx, { actor: a }, id, {
      personId: pid(handler),
      statement: '处罚决定送达后需等当事人签收回执才报送公开，分管领导同意按此办理，造成延迟。',
    }),
  );
  await step('2026-11-06', 'scj-fg', (d, tx, a) =>
    recordStatement(d, tx, { actor: a }, id, {
      personId: pid(leader),
      statement: '当时认为签收回执后公开更稳妥，未注意到二十个工作日的期限。',
    }),
  );
  await step('2026-11-10', 'dcs', (d, tx, a) =>
    decideCase(d, tx, { actor: a }, id, {
      decisionMode: 'leader_approved',
      severity: 'affected',
      persons: [
        { personId: pid(leader), sanctions: ['circulated_criticism', 'no_awards'] },
        { personId: pid(handler), sanctions: ['written_examination'] },
      ],
      unitSanctions: [],
      decisionText:
        '对县市场监督管理局分管领导通报批评，取消其当年评优评先资格；责令直接承办人作出书面检查。',
      deliveredOn: '2026-11-11',
    }),
  );
  await step('2026-11-16', 'scj-fg', (d, tx, a) =>
    requestReview(d, tx, { actor: a }, id, {
      reason: '延迟公开系按局务会形成的惯例办理，应认定为集体决定，责任区分不当，请求复核。',
    }),
  );
  return id;
}
