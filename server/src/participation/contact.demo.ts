/**
 * Demo contacts (called from demo/demo.seed.ts): in the demo county's 司法局 and 市场监管局, a few
 * contacts of each kind made through the real use cases, each on its own date relative to the demo's
 * today — answered and rated, answered and published in the public ledger, a transfer (转办) to the
 * 市场监管局, a reply waiting for review, an evaluation rectified, and one letter left unanswered past
 * its due date and past three months (the inspection failure of 国办函〔2019〕80号).
 */
import { agencyDirectory } from '../agencies/agency.service.ts';
import { staffActorByUsername } from '../identity/auth.service.ts';
import type { StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate, fixedClock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { type ContactKind, PORTAL_CHANNEL } from './contact.ts';
import * as svc from './contact.service.ts';

type Step =
  /** `unit`: the n-th internal unit, or 'ng' — the unit of the demo drafter who will answer */
  | { do: 'assign'; unit: number | 'ng'; after: number }
  | { do: 'reply'; by: 'ng'; text: string; outcome?: 'rectified' | 'explained'; after: number }
  | { do: 'approve'; after: number }
  | { do: 'rate'; satisfaction: 'satisfied' | 'basically_satisfied'; after: number }
  | { do: 'transfer'; to: string; reason: string; after: number };

interface DemoContact {
  dept: string;
  prefix: string;
  kind: ContactKind;
  /** days before the demo's today */
  ago: number;
  portal: boolean;
  subject: string;
  body: string;
  name: string;
  contact: string;
  consent: boolean;
  steps: Step[];
}

const CONTACTS: DemoContact[] = [
  {
    dept: 'sfj',
    prefix: 'sfj',
    kind: 'mailbox',
    ago: 60,
    portal: true,
    subject: '建议在乡镇增设公共法律服务工作站开放时间',
    body: '目前乡镇法律服务站只在工作日上午开放，外出务工人员很难赶上，建议周末增加半天开放时间。',
    name: '李秀兰',
    contact: '13808712345',
    consent: true,
    steps: [
      { do: 'assign', unit: 'ng', after: 1 },
      {
        do: 'reply',
        by: 'ng',
        text: '感谢您的建议。自下月起，各乡镇公共法律服务工作站每周六上午开放，并公布值班律师电话。',
        after: 6,
      },
      { do: 'approve', after: 7 },
      { do: 'rate', satisfaction: 'satisfied', after: 10 },
    ],
  },
  {
    dept: 'sfj',
    prefix: 'sfj',
    kind: 'consultation',
    ago: 40,
    portal: true,
    subject: '申请法律援助需要提交哪些材料',
    body: '我想为讨薪案件申请法律援助，请问需要提交哪些材料，到哪里办理？',
    name: '赵德明',
    contact: '13987654321',
    consent: true,
    steps: [
      { do: 'assign', unit: 'ng', after: 1 },
      {
        do: 'reply',
        by: 'ng',
        text: '请携带身份证、经济困难状况说明表和案件相关材料，到县法律援助中心或所在乡镇司法所申请；农民工讨薪案件免予经济困难审查。',
        after: 3,
      },
      { do: 'approve', after: 4 },
    ],
  },
  {
    dept: 'sfj',
    prefix: 'sfj',
    kind: 'evaluation',
    ago: 35,
    portal: true,
    subject: '政府信息公开专栏的行政处罚结果更新不及时',
    body: '专栏中的行政处罚决定最近两个月没有更新，希望按时公开。',
    name: '陈丽华',
    contact: '',
    consent: false,
    steps: [
      { do: 'assign', unit: 'ng', after: 1 },
      {
        do: 'reply',
        by: 'ng',
        text: '经核查，两个月的行政处罚决定已补充公开，并建立每周更新制度（整改情况已在专栏公告）。',
        outcome: 'rectified',
        after: 9,
      },
      { do: 'approve', after: 10 },
    ],
  },
  {
    dept: 'sfj',
    prefix: 'sfj',
    kind: 'complaint',
    ago: 110,
    portal: false,
    subject: '投诉：政府信息公开申请逾期未答复',
    body: '本人来信投诉：今年提出的政府信息公开申请超过二十个工作日未收到答复。',
    name: '杨志强',
    contact: '13700001234',
    consent: false,
    // left unanswered: overdue, and more than three months without an answer
    steps: [{ do: 'assign', unit: 3, after: 2 }],
  },
  {
    dept: 'sfj',
    prefix: 'sfj',
    kind: 'suggestion',
    ago: 12,
    portal: true,
    subject: '建议加强对超市临期食品的检查',
    body: '县城部分超市在售临期食品未单独标识，建议加强检查。',
    name: '刘红梅',
    contact: '13511112222',
    consent: true,
    steps: [
      { do: 'transfer', to: 'scjgj', reason: '属于市场监督管理部门职责，转县市场监管局办理', after: 1 },
    ],
  },
  {
    dept: 'scjgj',
    prefix: 'scj',
    kind: 'complaint',
    ago: 8,
    portal: false,
    subject: '举报无证经营的小作坊',
    body: '来电举报：城东某小区内有无证食品加工小作坊。',
    name: '周文斌',
    contact: '13622223333',
    consent: false,
    steps: [
      { do: 'assign', unit: 'ng', after: 1 },
      { do: 'reply', by: 'ng', text: '已安排执法人员现场检查，依法责令停止生产并立案调查。', after: 5 },
    ],
  },
];

async function actor(deps: Deps, username: string): Promise<StaffActor> {
  const a = await staffActorByUsername(deps.db, username, { inFirstGrant: true });
  if (!a) throw new Error(`demo user ${username} is missing`);
  return a;
}

export async function seedContactsDemo(deps: Deps): Promise<number> {
  const today = chinaDate(deps.clock.now());
  const dir = await agencyDirectory(deps);
  let made = 0;
  for (const c of CONTACTS) {
    const dept = dir.byCode.get(c.dept);
    if (!dept) continue;
    const units = dir.childrenOf(dept.id).filter((u) => u.kind === 'unit');
    const on = addDays(today, -c.ago);
    const at = (date: string): Deps => ({ ...deps, clock: fixedClock(`${date}T02:30:00.000Z`) });
    const gk = { actor: await actor(deps, `${c.prefix}-gk`), ip: null };
    const ng = { actor: await actor(deps, `${c.prefix}-ng`), ip: null };
    try {
      const d0 = at(on);
      const row = await inTransaction(d0, async (tx) => {
        const input = {
          agencyId: dept.id,
          kind: c.kind,
          subject: c.subject,
          body: c.body,
          senderName: c.name,
          senderContact: c.contact || null,
          publishConsent: c.consent,
          scores: c.kind === 'evaluation' ? { content: 2, form: 4, system: 3, effect: 3 } : undefined,
        };
        if (c.portal)
          return (await svc.submitFromPortal(d0, tx, null, { ...input, channel: PORTAL_CHANNEL[c.kind] }))
            .row;
        return svc.registerContact(d0, tx, gk, {
          ...input,
          channel: c.kind === 'complaint' && c.dept === 'scjgj' ? 'hotline' : 'letter',
          submittedOn: addDays(on, c.kind === 'complaint' && c.dept === 'scjgj' ? 0 : -3),
          signedForOn: on,
        });
      });
      made++;
      for (const s of c.steps) {
        const date = addDays(on, s.after);
        if (date > today) break;
        const d = at(date);
        await inTransaction(d, async (tx) => {
          if (s.do === 'assign') {
            const unitId =
              s.unit === 'ng'
                ? (ng.actor.grants[0]?.unitId ?? units[0]!.id)
                : (units[s.unit - 1] ?? units[0]!).id;
            await svc.assignContact(d, tx, gk, row.id, unitId);
          } else if (s.do === 'reply')
            await svc.draftReply(d, tx, ng, row.id, { text: s.text, outcome: s.outcome });
          else if (s.do === 'approve') await svc.approveReply(d, tx, gk, row.id);
          else if (s.do === 'transfer') {
            const to = dir.byCode.get(s.to);
            if (to) await svc.transferContact(d, tx, gk, row.id, to.id, s.reason);
          } else if (s.do === 'rate') {
            // the demo sender rates through the same use case as the portal, without a tracking code
            const current = await svc.contactRow(tx, row.id);
            if (current?.status === 'answered')
              await svc.rateAsSender(d, tx, current, {
                satisfaction: s.satisfaction,
                comment: null,
                askReanswer: false,
              });
          }
        });
      }
    } catch (e) {
      // near a year end the due date can fall in a year whose holidays are not yet published
      if (e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING') continue;
      throw e;
    }
  }
  return made;
}
