/**
 * Demo consultations (called from demo/demo.seed.ts) for the county 司法局: one open major decision
 * taking comments (some moderated, one entered from a letter), and one closed normative document
 * with its adoption ledger and published summary, linked to the adopted document. Made through the
 * real use cases, each on its own date relative to the server's clock.
 */
import { staffActorByUsername } from '../identity/auth.service.ts';
import type { StaffActor } from '../access/actor.ts';
import { insertPublishedBatch } from '../publication/index.ts';
import { isAppError } from '../shared/app-error.ts';
import { chinaDate, fixedClock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import type { ConsultationKind } from './consultation.ts';
import * as svc from './consultation.service.ts';

const OPEN_DRAFT = `云岭县城市养犬管理规定（征求意见稿）
第一章 总则
第一条 为了规范城市养犬行为，保障公民健康和人身安全，维护市容环境和社会秩序，根据有关法律法规，结合本县实际，制定本规定。
第二条 本规定适用于本县城市建成区内犬只的饲养、经营和管理。
第三条 县公安机关是养犬管理的主管部门。县农业农村、市场监管、城市管理、卫生健康等部门按照各自职责做好养犬管理相关工作。
第二章 养犬登记
第四条 养犬人应当自取得犬只之日起三十日内，持犬只免疫证明到登记机关办理养犬登记。
第五条 每户限养一只犬。禁止饲养烈性犬。
第三章 养犬行为规范
第六条 携犬出户时，应当为犬只束犬链，由完全民事行为能力人牵领，并主动避让行人。
第七条 犬只在户外排泄粪便的，携犬人应当立即清除。
第四章 附则
第八条 本规定自发布之日起施行。`;

const CLOSED_DRAFT = `云岭县行政执法公示办法（征求意见稿）
第一条 为了规范行政执法公示工作，保障公民、法人和其他组织的知情权、参与权、表达权和监督权，制定本办法。
第二条 行政执法机关应当在执法决定作出之日起七个工作日内公开执法机关、执法对象、执法类别、执法结论等信息。
第三条 行政执法公示信息应当通过本县政府门户网站统一公开。
第四条 本办法自印发之日起施行。`;

async function actor(deps: Deps, username: string): Promise<StaffActor> {
  const a = await staffActorByUsername(deps.db, username, { inFirstGrant: true });
  if (!a) throw new Error(`demo user ${username} is missing`);
  return a;
}

const at = (deps: Deps, date: string): Deps => ({ ...deps, clock: fixedClock(`${date}T02:30:00.000Z`) });

export async function seedConsultationsDemo(
  deps: Deps,
  dept: { code: string; office: string; drafter: string; leader: string },
): Promise<void> {
  const agency = await deps.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', dept.code)
    .executeTakeFirst();
  if (!agency) return;
  const office = await actor(deps, dept.office);
  const drafter = await actor(deps, dept.drafter);
  const leader = await actor(deps, dept.leader);
  const today = chinaDate(deps.clock.now());

  // ---- closed: a normative document, 90 days ago, summary published
  const start = addDays(today, -90);
  const d0 = at(deps, addDays(start, -2));
  let kind: ConsultationKind = 'normative_document';
  const closedInput = (k: ConsultationKind) => ({
    kind: k,
    title: '云岭县行政执法公示办法（征求意见稿）',
    draftText: CLOSED_DRAFT,
    explanation:
      '为落实行政执法公示制度，县司法局起草了本办法。起草过程中梳理了各执法部门的公示现状，明确了公示的内容、时限和平台。',
    startsOn: start,
    endsOn: addDays(start, 20),
    channels: ['portal', 'email', 'symposium'] as const,
    contactEmail: 'sfj@yunling.example.gov.cn',
  });
  const closed = await inTransaction(d0, async (tx) => {
    try {
      return await svc.createConsultation(d0, tx, { actor: drafter }, agency.id, {
        ...closedInput(kind),
        channels: [...closedInput(kind).channels],
      });
    } catch (e) {
      // a year without calendar data: the draft is still shown, without the working-day rule
      if (!isAppError(e) || e.code !== 'CALENDAR_YEAR_MISSING') throw e;
      kind = 'other';
      return svc.createConsultation(d0, tx, { actor: drafter }, agency.id, {
        ...closedInput(kind),
        channels: [...closedInput(kind).channels],
      });
    }
  });
  await inTransaction(d0, (tx) => svc.openConsultation(d0, tx, { actor: office }, closed.id));
  const articles = await deps.db
    .selectFrom('consultationArticles')
    .select(['id', 'seq'])
    .where('consultationId', '=', closed.id)
    .orderBy('seq')
    .execute();
  const d1 = at(deps, addDays(start, 3));
  const c1 = await inTransaction(d1, (tx) =>
    svc.submitPublicComment(d1, tx, '127.0.0.1', closed.id, {
      articleId: articles[1]?.id ?? null,
      body: '建议将公开时限由七个工作日缩短为五个工作日，便于群众及时了解执法结果。',
      name: '李建华',
      contact: '13987000001',
      displayName: '李先生',
    }),
  );
  const c2 = await inTransaction(d1, (tx) =>
    svc.submitPublicComment(d1, tx, '127.0.0.1', closed.id, {
      articleId: articles[2]?.id ?? null,
      body: '建议同时在执法部门的政府信息公开专栏公开，方便查找。',
      name: '张丽',
      contact: 'zhangli@example.com',
    }),
  );
  const c3 = await inTransaction(d1, (tx) =>
    svc.submitPublicComment(d1, tx, '127.0.0.1', closed.id, {
      body: '希望公示信息隐去当事人的个人隐私。',
      name: '王强',
      contact: '13987000003',
    }),
  );
  const d2 = at(deps, addDays(start, 10));
  const sym = await inTransaction(d2, (tx) =>
    svc.enterComment(d2, tx, { actor: drafter }, closed.id, {
      channel: 'symposium',
      receivedOn: addDays(start, 10),
      body: '座谈会上县市场监管局提出：对简易程序作出的执法决定，可以按月汇总公示。',
      displayName: '座谈会意见（县市场监管局）',
    }),
  );
  const d3 = at(deps, addDays(start, 22));
  await inTransaction(d3, async (tx) => {
    for (const id of [c1.comment.id, c2.comment.id, c3.comment.id, sym.id])
      await svc.moderateComment(d3, tx, { actor: office }, closed.id, id, 'published', null);
    await svc.groupComments(d3, tx, { actor: office }, closed.id, [c1.comment.id, sym.id], {
      title: '关于公示时限',
    });
    await svc.decideComments(
      d3,
      tx,
      { actor: office },
      closed.id,
      [c1.comment.id],
      'not_adopted',
      '七个工作日是国务院关于行政执法公示制度的统一要求，各部门普遍能够做到，暂不缩短。',
    );
    await svc.decideComments(
      d3,
      tx,
      { actor: office },
      closed.id,
      [sym.id],
      'partly_adopted',
      '简易程序的执法决定可按月汇总公示，已写入第二条第二款。',
    );
    await svc.decideComments(
      d3,
      tx,
      { actor: office },
      closed.id,
      [c2.comment.id],
      'adopted',
      '已在第三条中增加在执法部门专栏同步公开的规定。',
    );
    await svc.decideComments(
      d3,
      tx,
      { actor: office },
      closed.id,
      [c3.comment.id],
      'adopted',
      '已增加公示时隐去个人隐私信息的规定。',
    );
  });
  const d4 = at(deps, addDays(start, 25));
  await inTransaction(d4, (tx) =>
    svc.publishSummary(
      d4,
      tx,
      { actor: leader },
      closed.id,
      '本次公开征求意见期间，共收到意见4条（网站3条、座谈会1条）。经认真研究，采纳2条，部分采纳1条，未采纳1条。各条意见的采纳情况及理由见下方。',
    ),
  );
  // the adopted document, published after the summary, links back to the consultation
  const adoptedOn = addDays(start, 30);
  const d5 = at(deps, adoptedOn);
  const [itemId] = await inTransaction(d5, (tx) =>
    insertPublishedBatch(d5, tx, [
      {
        agencyId: agency.id,
        catalogEntryId: null,
        title: '云岭县行政执法公示办法',
        subjectCode: null,
        publisher: '云岭县司法局',
        generatedOn: adoptedOn,
        publishedOn: adoptedOn,
        docNo: `云司发〔${adoptedOn.slice(0, 4)}〕12号`,
        summary: '规定行政执法公示的内容、时限和平台。',
        bodyHtml:
          '<p>第一条 为了规范行政执法公示工作，保障公民、法人和其他组织的知情权、参与权、表达权和监督权，制定本办法。</p><p>第二条 行政执法机关应当在执法决定作出之日起七个工作日内公开执法机关、执法对象、执法类别、执法结论等信息；按简易程序作出的执法决定，可以按月汇总公开。</p><p>第三条 行政执法公示信息通过本县政府门户网站统一公开，并在执法部门的政府信息公开专栏同步公开；公开时隐去个人隐私信息。</p><p>第四条 本办法自印发之日起施行。</p>',
      },
    ]),
  );
  if (itemId) await inTransaction(d5, (tx) => svc.linkDecision(d5, tx, { actor: office }, closed.id, itemId));

  // ---- open: a major administrative decision, started 5 days ago, 35 days
  const openStart = addDays(today, -5);
  const o0 = at(deps, addDays(openStart, -1));
  const open = await inTransaction(o0, (tx) =>
    svc.createConsultation(o0, tx, { actor: drafter }, agency.id, {
      kind: 'major_decision',
      title: '云岭县城市养犬管理规定（征求意见稿）',
      draftText: OPEN_DRAFT,
      explanation:
        '近年来城区养犬数量增长较快，犬只扰民、伤人事件时有发生。依照《重大行政决策程序暂行条例》，县司法局会同县公安局起草了本规定，现公开征求社会公众意见。',
      startsOn: openStart,
      endsOn: addDays(openStart, 34),
      channels: ['portal', 'email', 'letter', 'hearing'],
      contactEmail: 'sfj@yunling.example.gov.cn',
      contactAddress: '云岭县人民路 10 号县司法局（邮编 675900），信封注明“养犬管理意见”',
    }),
  );
  await inTransaction(o0, (tx) => svc.openConsultation(o0, tx, { actor: office }, open.id));
  const openArticles = await deps.db
    .selectFrom('consultationArticles')
    .select(['id', 'seq'])
    .where('consultationId', '=', open.id)
    .orderBy('seq')
    .execute();
  const o1 = at(deps, addDays(openStart, 1));
  const a = await inTransaction(o1, (tx) =>
    svc.submitPublicComment(o1, tx, '127.0.0.1', open.id, {
      articleId: openArticles[4]?.id ?? null,
      body: '“每户限养一只犬”过于严格，建议改为每户限养两只，并对导盲犬、扶助犬作出例外规定。',
      name: '赵明',
      contact: '13987000011',
      displayName: '城东居民',
    }),
  );
  await inTransaction(o1, (tx) =>
    svc.submitPublicComment(o1, tx, '127.0.0.1', open.id, {
      articleId: openArticles[6]?.id ?? null,
      body: '建议在小区和公园设置犬只粪便收集箱。',
      name: '钱芳',
      contact: 'qianfang@example.com',
    }),
  );
  const o2 = at(deps, addDays(openStart, 2));
  await inTransaction(o2, (tx) =>
    svc.enterComment(o2, tx, { actor: drafter }, open.id, {
      channel: 'letter',
      receivedOn: addDays(openStart, 2),
      body: '来信建议明确流浪犬收容的责任部门。',
      name: '孙国庆',
      contact: '云岭县文化路 3 号',
    }),
  );
  await inTransaction(o2, (tx) =>
    svc.moderateComment(o2, tx, { actor: office }, open.id, a.comment.id, 'published', null),
  );
}
