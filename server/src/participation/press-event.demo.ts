/**
 * Demo press conferences (called from demo/demo.seed.ts) for the demo county's government: three
 * held in 2026 with their transcripts published and one announced, taking the public's questions.
 * Made through the real use cases, each on its own date (the announced one relative to the clock).
 */
import type { StaffActor } from '../access/actor.ts';
import { staffActorByUsername } from '../identity/auth.service.ts';
import { chinaDate, fixedClock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import type { PressEventInput } from './press-event.service.ts';
import * as svc from './press-event.service.ts';

const at = (deps: Deps, date: string): Deps => ({ ...deps, clock: fixedClock(`${date}T01:00:00.000Z`) });

const HELD: (PressEventInput & { summary: string })[] = [
  {
    kind: 'press_conference',
    topic: '云岭县2026年优化营商环境重点举措新闻发布会',
    description: '介绍本县2026年优化营商环境的重点举措，并回答记者提问。',
    eventDate: '2026-03-18',
    startTime: '10:00',
    place: '县政府新闻发布厅',
    speakers: [
      { name: '周立新', title: '县人民政府副县长' },
      { name: '陈晓燕', title: '县发展和改革局局长' },
    ],
    summary:
      '主持人：各位记者朋友，上午好！今天我们举行云岭县2026年优化营商环境重点举措新闻发布会。\n周立新：今年我县将围绕“办事不求人、审批不见面”，推出二十项重点举措……\n记者：企业开办时间能压缩到多少？\n陈晓燕：全县企业开办将实现一日办结，并免费刻制首套印章。',
  },
  {
    kind: 'online_interview',
    topic: '“政策面对面”在线访谈：城乡居民医疗保险参保缴费',
    description: '县医疗保障局负责人在线解答城乡居民医保参保缴费的常见问题。',
    eventDate: '2026-06-24',
    startTime: '15:00',
    place: null,
    onlineUrl: 'https://www.yunling.example.gov.cn/zxft/2026-06',
    speakers: [{ name: '杨光', title: '县医疗保障局局长' }],
    summary:
      '主持人：网友们好，欢迎参加本期“政策面对面”在线访谈。\n杨光：2027年度城乡居民医保集中缴费期为今年9月至12月，个人缴费标准……\n网友：外出务工人员如何缴费？\n杨光：可通过手机小程序在线缴费，也可委托家人到村（社区）代办。',
  },
  {
    kind: 'policy_briefing',
    topic: '《云岭县行政执法公示办法》政策吹风会',
    description: '解读新印发的行政执法公示办法。',
    eventDate: '2026-09-16',
    startTime: '09:30',
    place: '县司法局三楼会议室',
    speakers: [{ name: '李明', title: '县司法局局长' }],
    summary:
      '李明：《云岭县行政执法公示办法》已于9月1日起施行。办法明确，行政执法机关应当在执法决定作出之日起七个工作日内公开执法信息……',
  },
];

async function actor(deps: Deps, username: string): Promise<StaffActor> {
  const a = await staffActorByUsername(deps.db, username, { inFirstGrant: true });
  if (!a) throw new Error(`demo user ${username} is missing`);
  return a;
}

export async function seedPressEventsDemo(deps: Deps, gov: { code: string; office: string }): Promise<void> {
  const agency = await deps.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', gov.code)
    .executeTakeFirst();
  if (!agency) return;
  const office = await actor(deps, gov.office);
  const ctx = { actor: office };
  const today = chinaDate(deps.clock.now());

  for (const { summary, ...input } of HELD) {
    if (input.eventDate > today) continue;
    const d0 = at(deps, addDays(input.eventDate, -10));
    const e = await inTransaction(d0, (tx) => svc.createPressEvent(d0, tx, ctx, agency.id, input));
    await inTransaction(d0, (tx) => svc.announcePressEvent(d0, tx, ctx, e.id));
    const d1 = at(deps, addDays(input.eventDate, -3));
    await inTransaction(d1, (tx) =>
      svc.submitQuestion(
        d1,
        tx,
        e.id,
        { body: '请问相关政策什么时候开始执行？', name: '赵红', contact: '13812345678' },
        null,
      ),
    );
    const d2 = at(deps, input.eventDate);
    await inTransaction(d2, (tx) => svc.holdPressEvent(d2, tx, ctx, e.id));
    const d3 = at(deps, addDays(input.eventDate, 2));
    await inTransaction(d3, (tx) => svc.publishPressSummary(d3, tx, ctx, e.id, summary));
  }

  // announced, two weeks ahead, with one question waiting for moderation
  const upcoming = await inTransaction(deps, (tx) =>
    svc.createPressEvent(deps, tx, ctx, agency.id, {
      kind: 'press_conference',
      topic: '云岭县2026年民生实事办理情况新闻发布会',
      description: '通报2026年十件民生实事的办理情况，欢迎网民提前提出关心的问题。',
      eventDate: addDays(today, 14),
      startTime: '10:00',
      place: '县政府新闻发布厅',
      speakers: [{ name: '周立新', title: '县人民政府副县长' }],
    }),
  );
  await inTransaction(deps, (tx) => svc.announcePressEvent(deps, tx, ctx, upcoming.id));
  await inTransaction(deps, (tx) =>
    svc.submitQuestion(
      deps,
      tx,
      upcoming.id,
      { body: '城东片区的农贸市场改造什么时候完工？', name: '钱伟', contact: 'qianwei@example.com' },
      null,
    ),
  );
}
