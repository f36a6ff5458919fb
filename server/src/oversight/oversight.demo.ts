/**
 * Demo inspection (called from demo/demo.seed.ts): the county government's 2026 政务公开工作督查 of
 * four departments (district supervision measures art. 7: once a year), run through the services on
 * their own dates. The 政务公开办 plans it, the 督查室 records the findings and orders rectification;
 * the 司法局 reports and its rectification is accepted, the 教育体育局's report waits for acceptance, the
 * 市场监督管理局 never reports and is overdue; the 财政局 has no finding. The 督查室 concludes, the
 * county head approves and the result is published on the portal (/inspections).
 */
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { staffActorByUsername } from '../identity/auth.service.ts';
import { fixedClock } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  changePlanStatus,
  createPlan,
  decideReport,
  recordFinding,
  submitReport,
} from './oversight.service.ts';

const at = (deps: Deps, date: string): Deps => ({ ...deps, clock: fixedClock(`${date}T02:30:00.000Z`) });

async function actor(db: DbOrTx, username: string): Promise<StaffActor> {
  const a = await staffActorByUsername(db, username, { inFirstGrant: true });
  if (!a) throw new Error(`demo user ${username} is missing`);
  return a;
}

export const DEMO_INSPECTION_TITLE = '2026年度全县政务公开工作督查';

export async function seedOversightDemo(deps: Deps): Promise<void> {
  const agencyId = async (code: string) =>
    (await deps.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const gov = await agencyId('gov');
  const [sfj, scjgj, jyj, czj] = await Promise.all(['sfj', 'scjgj', 'jyj', 'czj'].map(agencyId));
  const step = <T>(date: string, fn: (d: Deps, tx: DbOrTx) => Promise<T>) => {
    const d = at(deps, date);
    return inTransaction(d, (tx) => fn(d, tx));
  };

  const plan = await step('2026-09-01', async (d, tx) =>
    createPlan(
      d,
      tx,
      { actor: await actor(tx, 'gkb') },
      {
        organizerAgencyId: gov,
        kind: 'supervision',
        title: DEMO_INSPECTION_TITLE,
        periodStart: '2026-09-01',
        periodEnd: '2026-10-31',
        regular: true,
        mutual: false,
        sampling: true,
        agencyIds: [sfj!, scjgj!, jyj!, czj!],
      },
    ),
  );

  const finding = (date: string, input: Parameters<typeof recordFinding>[4]) =>
    step(date, async (d, tx) => recordFinding(d, tx, { actor: await actor(tx, 'dcs') }, plan.id, input));

  const accepted = await finding('2026-09-15', {
    agencyId: sfj!,
    checkPoint: 'guide_catalog',
    description: '政府信息公开指南中的受理机构电话已变更，指南未及时更新。',
    evidence: [{ kind: 'url', ref: 'https://yunling.example.gov.cn/a/sfj/guide', note: '门户公开指南页面' }],
    requirement: '更新政府信息公开指南的受理机构联系方式并重新发布。',
    workingDays: 20,
  });
  const overdue = await finding('2026-09-15', {
    agencyId: scjgj!,
    checkPoint: 'timely',
    description: '抽查的行政处罚决定中，有3条超过20个工作日才主动公开。',
    evidence: [],
    requirement: '建立行政处罚信息公开台账，按条例第二十六条在20个工作日内公开，并说明逾期原因。',
    workingDays: 20,
  });
  const waiting = await finding('2026-09-16', {
    agencyId: jyj!,
    checkPoint: 'online_columns',
    description: '政务公开专栏“重点领域信息”栏目自2026年5月后未更新。',
    evidence: [],
    requirement: '补充公开招生入学、教育收费等重点领域信息，落实栏目更新责任人。',
    workingDays: 15,
  });

  await step('2026-10-12', async (d, tx) =>
    submitReport(d, tx, { actor: await actor(tx, 'sfj-gk') }, accepted.rectification.id, {
      body: '已于2026年10月10日更新政府信息公开指南（第3版），受理机构电话更正为0878-6120370，并在门户发布。',
    }),
  );
  await step('2026-10-16', async (d, tx) =>
    decideReport(d, tx, { actor: await actor(tx, 'dcs') }, accepted.rectification.id, {
      decision: 'accept',
      note: '经核查，指南已更新，整改到位。',
    }),
  );
  await step('2026-10-20', async (d, tx) =>
    submitReport(d, tx, { actor: await actor(tx, 'jyj-gk') }, waiting.rectification.id, {
      body: '已补充公开2026年秋季招生入学政策和教育收费项目，明确办公室专人每月更新栏目。',
    }),
  );
  void overdue;

  await step('2026-11-02', async (d, tx) =>
    changePlanStatus(d, tx, { actor: await actor(tx, 'dcs') }, plan.id, 'conclude', {
      summary:
        '2026年9月至10月，县政府督查室会同县政务公开办对县司法局、县市场监督管理局、县教育体育局、县财政局的政务公开工作进行了督查，采取抽查方式，重点检查公开指南、主动公开时限和政务公开专栏更新情况。\n共发现问题3个，已下达限期整改通知；各部门应按期提交整改报告。',
    }),
  );
  await step('2026-11-05', async (d, tx) =>
    changePlanStatus(d, tx, { actor: await actor(tx, 'xzz') }, plan.id, 'publish'),
  );
}
