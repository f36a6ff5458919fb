/**
 * Demo applications (called from demo/demo.seed.ts): for several departments of the demo county,
 * applications received across 2024–2026 in every status, with dispositions, letters, fees and
 * consultations — made through the real use cases, each on its own date, so the clock, the
 * deadlines, the letters and the audit trail are exactly what officials would see. A few answered
 * applications are taken to 行政复议 or 行政诉讼 (维持, 纠正 — the case is reopened and answered again —
 * and 尚未审结), and the 教体局 has its own approval chain and an edited receipt template.
 */
import { completeResidentId } from '../shared/resident-id.ts';
import { completeUscc } from '../agencies/agency.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { staffActorByUsername } from '../identity/auth.service.ts';
import type { Role } from '../access/roles.ts';
import { fixedClock } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { decideAppeal, type DecidedOutcome } from './appeal.service.ts';
import type { DispositionCode } from './disposition.ts';
import { DEFAULT_TEMPLATES } from './letter.ts';
import { saveTemplate, setApprovalChain } from './request-settings.service.ts';
import * as svc from './request.service.ts';
import type { ApplicationRow } from './request.table.ts';
import {
  recordCollection,
  recordOnlineDownload,
  recordPosting,
  recordPostReceipt,
} from './service-record.service.ts';

/**
 * The demo serves its replies the way each applicant chose (送达, service-record.ts), on the day of
 * the reply: collected by the applicant, posted and signed for, downloaded on the tracking page; an
 * e-mail goes through the outbox like any other.
 */
async function serveDemoReply(deps: Deps, tx: DbOrTx, ctx: svc.Ctx, app: ApplicationRow, date: string) {
  const reply = await tx
    .selectFrom('requestLetters')
    .select('id')
    .where('applicationId', '=', app.id)
    .where('kind', '=', 'reply')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!reply) return;
  if (app.deliveryMethod === 'collect')
    await recordCollection(deps, tx, ctx, app.id, reply.id, { collectedOn: date, collectedBy: '申请人本人' });
  else if (app.deliveryMethod === 'post') {
    const r = await recordPosting(deps, tx, ctx, app.id, reply.id, {
      postedOn: date,
      carrier: '中国邮政EMS',
      trackingNo: `EA${String(100000000 + app.id).slice(-9)}CN`,
    });
    await recordPostReceipt(deps, tx, ctx, app.id, r.id, { receivedOn: date });
  } else if (app.deliveryMethod === 'online') await recordOnlineDownload(deps, tx, app, reply.id);
}

const PEOPLE = [
  '王建国',
  '李秀兰',
  '赵德明',
  '陈丽华',
  '杨志强',
  '刘红梅',
  '周文斌',
  '吴海燕',
  '孙立新',
  '郑晓燕',
  '何永福',
  '马俊杰',
];
const TOPICS = [
  '行政处罚案件统计',
  '法律援助经费使用情况',
  '部门预算执行情况',
  '行政许可办理结果',
  '人民调解工作统计',
  '安全生产检查记录',
  '食品抽检不合格产品处置情况',
  '政府采购合同',
];

export async function actorOf(db: DbOrTx, username: string): Promise<StaffActor> {
  const actor = await staffActorByUsername(db, username, { inFirstGrant: true });
  if (!actor) throw new Error(`demo user ${username} is missing`);
  return actor;
}

type Step =
  | { do: 'confirm' }
  | { do: 'assign' }
  | { do: 'decide'; codes: DispositionCode[] }
  | { do: 'reply' }
  | { do: 'close' }
  | { do: 'correction' }
  | { do: 'lapse_correction' }
  | { do: 'consult' }
  | { do: 'end_consult' }
  | { do: 'fee' }
  | { do: 'lapse_fee' }
  | { do: 'extend' }
  | { do: 'suspend' }
  | { do: 'submit' }
  /** R.51: a 行政复议 or 行政诉讼 against the reply, registered while pending (only for the listed departments) */
  | { do: 'appeal'; kind: svc.AppealKind; note: string; only: string[] }
  /** its outcome; 纠正 reopens the case, which the following steps answer again */
  | { do: 'appeal_decided'; outcome: DecidedOutcome; note: string; only: string[] }
  | { do: 'decide'; codes: DispositionCode[]; only: string[] }
  | { do: 'reply' | 'close'; only: string[] };

/** The department whose settings are customised (docs/product.md §3.3–3.4), before its first application. */
const CUSTOM_SETTINGS_DEPARTMENT = 'jyj';
const CUSTOM_APPROVAL_CHAIN = ['unit_head', 'leader', 'disclosure_office'];

interface Scenario {
  on: string;
  steps: [string, Step][];
  items: number;
  org?: boolean;
}

const DECISIONS: Record<
  DispositionCode,
  {
    reasons?: string;
    withheld?: string;
    holdingAgency?: string;
    holdingContact?: string;
    howToObtain?: string;
  }
> = Object.fromEntries([
  ['disclosed', { howToObtain: '见本答复书所附文件，也可在“申请查询”页面下载' }],
  [
    'partially_disclosed',
    {
      withheld: '当事人的姓名、身份证号码和住址',
      reasons: '涉及个人隐私，公开会对第三方合法权益造成损害',
      howToObtain: '可以公开的部分见本答复书所附文件，也可在“申请查询”页面下载',
    },
  ],
  ['withheld_third_party', { reasons: '第三方书面提出不同意公开的合理理由，该信息涉及其商业秘密' }],
  ['withheld_process_information', { reasons: '该信息为内部讨论记录，属于过程性信息' }],
  [
    'unable_not_held',
    {
      reasons: '经检索，本机关未制作或获取该信息',
      holdingAgency: '云岭县财政局',
      holdingContact: '0878-6120101',
    },
  ],
  ['not_processed_repeat', { reasons: '本机关已于此前就相同内容作出答复' }],
  ['unable_needs_creation', { reasons: '需对现有信息进行汇总、加工、分析' }],
] as [DispositionCode, object][]) as never;

/** Returns how many applications were made. */
export async function seedRequestsDemo(
  deps: Deps,
  departments: { code: string; prefix: string }[],
): Promise<number> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  const scenarios: Scenario[] = [
    {
      on: '2024-03-11',
      items: 1,
      steps: [
        ['2024-03-11', { do: 'confirm' }],
        ['2024-03-12', { do: 'assign' }],
        ['2024-03-25', { do: 'decide', codes: ['disclosed'] }],
        ['2024-03-26', { do: 'reply' }],
        ['2024-04-08', { do: 'close' }],
      ],
    },
    {
      on: '2024-08-05',
      items: 2,
      steps: [
        ['2024-08-05', { do: 'confirm' }],
        ['2024-08-06', { do: 'assign' }],
        ['2024-08-20', { do: 'decide', codes: ['disclosed', 'partially_disclosed'] }],
        ['2024-08-21', { do: 'reply' }],
        ['2024-09-02', { do: 'close' }],
      ],
    },
    {
      on: '2025-02-17',
      items: 1,
      org: true,
      steps: [
        ['2025-02-17', { do: 'confirm' }],
        ['2025-02-18', { do: 'assign' }],
        ['2025-02-19', { do: 'consult' }],
        ['2025-03-07', { do: 'end_consult' }],
        ['2025-03-10', { do: 'decide', codes: ['withheld_third_party'] }],
        ['2025-03-11', { do: 'reply' }],
        ['2025-03-20', { do: 'close' }],
        [
          '2025-04-14',
          { do: 'appeal', kind: 'reconsideration', note: '申请人认为不属于商业秘密', only: ['scjgj'] },
        ],
        [
          '2025-06-09',
          { do: 'appeal_decided', outcome: 'upheld', note: '县人民政府复议维持原答复', only: ['scjgj'] },
        ],
      ],
    },
    {
      on: '2025-05-12',
      items: 2,
      steps: [
        ['2025-05-12', { do: 'confirm' }],
        ['2025-05-13', { do: 'assign' }],
        ['2025-05-20', { do: 'extend' }],
        ['2025-06-20', { do: 'decide', codes: ['unable_not_held', 'withheld_process_information'] }],
        ['2025-06-23', { do: 'reply' }],
        [
          '2025-07-28',
          {
            do: 'appeal',
            kind: 'litigation_direct',
            note: '申请人向县人民法院提起行政诉讼，案件审理中',
            only: ['czj', 'jyj'],
          },
        ],
      ],
    },
    {
      on: '2025-09-15',
      items: 1,
      steps: [
        ['2025-09-15', { do: 'confirm' }],
        ['2025-09-16', { do: 'assign' }],
        ['2025-09-18', { do: 'decide', codes: ['not_processed_repeat'] }],
        ['2025-09-19', { do: 'reply' }],
        ['2025-09-30', { do: 'close' }],
        [
          '2025-10-20',
          { do: 'appeal', kind: 'reconsideration', note: '申请人认为此前未作答复', only: ['scjgj', 'czj'] },
        ],
        [
          '2025-12-12',
          { do: 'appeal_decided', outcome: 'upheld', note: '县人民政府复议维持原答复', only: ['czj'] },
        ],
        [
          '2025-12-12',
          {
            do: 'appeal_decided',
            outcome: 'corrected',
            note: '复议机关认定前次申请内容不同，责令重新答复',
            only: ['scjgj'],
          },
        ],
        ['2025-12-16', { do: 'decide', codes: ['disclosed'], only: ['scjgj'] }],
        ['2025-12-19', { do: 'reply', only: ['scjgj'] }],
        ['2026-01-05', { do: 'close', only: ['scjgj'] }],
      ],
    },
    {
      on: '2025-11-03',
      items: 1,
      steps: [
        ['2025-11-03', { do: 'confirm' }],
        ['2025-11-05', { do: 'correction' }],
        ['2025-11-20', { do: 'lapse_correction' }],
      ],
    },
    {
      on: '2026-03-02',
      items: 1,
      steps: [
        ['2026-03-02', { do: 'confirm' }],
        ['2026-03-03', { do: 'assign' }],
        ['2026-03-04', { do: 'fee' }],
        ['2026-04-07', { do: 'lapse_fee' }],
      ],
    },
    {
      on: '2026-09-01',
      items: 1,
      steps: [
        ['2026-09-01', { do: 'confirm' }],
        ['2026-09-02', { do: 'assign' }],
      ],
    }, // overdue by now
    {
      on: '2026-10-26',
      items: 2,
      steps: [
        ['2026-10-26', { do: 'confirm' }],
        ['2026-10-27', { do: 'assign' }],
      ],
    }, // due soon
    {
      on: '2026-11-02',
      items: 1,
      steps: [
        ['2026-11-02', { do: 'confirm' }],
        ['2026-11-04', { do: 'correction' }],
      ],
    },
    {
      on: '2026-11-05',
      items: 1,
      org: true,
      steps: [
        ['2026-11-05', { do: 'confirm' }],
        ['2026-11-06', { do: 'assign' }],
        ['2026-11-09', { do: 'consult' }],
      ],
    },
    {
      on: '2026-11-09',
      items: 2,
      steps: [
        ['2026-11-09', { do: 'confirm' }],
        ['2026-11-10', { do: 'assign' }],
        ['2026-11-11', { do: 'fee' }],
      ],
    },
    {
      on: '2026-11-10',
      items: 1,
      steps: [
        ['2026-11-10', { do: 'confirm' }],
        ['2026-11-11', { do: 'suspend' }],
      ],
    },
    {
      on: '2026-11-12',
      items: 2,
      steps: [
        ['2026-11-12', { do: 'confirm' }],
        ['2026-11-13', { do: 'assign' }],
        ['2026-11-16', { do: 'decide', codes: ['disclosed', 'unable_needs_creation'] }],
        ['2026-11-17', { do: 'submit' }],
      ],
    },
    { on: '2026-11-16', items: 1, steps: [['2026-11-16', { do: 'confirm' }]] },
    { on: '2026-11-18', items: 1, steps: [] }, // online, awaiting confirmation
  ];
  let made = 0;
  let person = 0;
  for (const d of departments) {
    const office = await actorOf(deps.db, `${d.prefix}-gk`);
    const unitHead = await actorOf(deps.db, `${d.prefix}-kz`);
    // the handler in the assigned unit drafts and submits the reply; the office, which approves a
    // step, may not also submit it (separation of duties, docs/access.md)
    const drafter = await actorOf(deps.db, `${d.prefix}-ng`);
    const leader = await actorOf(deps.db, `${d.prefix}-fg`);
    const principal = await actorOf(deps.db, `${d.prefix}-jz`);
    const approvers: Partial<Record<Role, StaffActor>> = {
      unit_head: unitHead,
      disclosure_office: office,
      leader,
      principal,
    };
    const unitId = unitHead.grants[0]?.unitId ?? null;
    if (d.code === CUSTOM_SETTINGS_DEPARTMENT && today >= '2024-01-08') {
      const dd = { ...deps, clock: fixedClock('2024-01-08T02:30:00.000Z') };
      const agencyId = office.grants[0]!.agencyId;
      const receipt = DEFAULT_TEMPLATES.receipt;
      await inTransaction(dd, async (tx) => {
        await setApprovalChain(dd, tx, { actor: office }, agencyId, CUSTOM_APPROVAL_CHAIN);
        await saveTemplate(dd, tx, { actor: office }, agencyId, 'receipt', {
          title: receipt.title,
          paragraphs: [
            ...receipt.paragraphs,
            '如需了解办理进度，也可在工作日拨打本局政务公开咨询电话 0878-6120407。',
          ],
        });
      });
    }
    for (const s of scenarios) {
      if (s.on > today) continue;
      const name = PEOPLE[person++ % PEOPLE.length]!;
      const at = (date: string) => ({ ...deps, clock: fixedClock(`${date}T02:30:00.000Z`) });
      const input = {
        agencyCode: d.code,
        applicant: s.org
          ? {
              kind: 'organization' as const,
              orgType: 'legal_service' as const,
              name: `云岭${name.slice(1)}律师事务所`,
              creditCode: completeUscc('91530100MA6K0A0L4'),
              legalRepresentative: name,
              contactPerson: name,
              phone: '0878-6139000',
            }
          : {
              kind: 'natural' as const,
              name,
              idType: 'resident_id' as const,
              idNumber: completeResidentId(
                `53232519${70 + (person % 30)}0${1 + (person % 9)}1${person % 10}00${person % 10}`,
              ),
              phone: `139${String(87650000 + person * 7919).slice(-8)}`,
              address: '云岭县人民路 8 号',
            },
        items: Array.from({ length: s.items }, (_, i) => ({
          description: `${s.on.slice(0, 4)}年${TOPICS[(person + i) % TOPICS.length]}`,
        })),
        provisionForm: 'electronic' as const,
        deliveryMethod: 'online' as const,
      };
      const dep0 = at(s.on);
      let id = 0;
      try {
        id = (await inTransaction(dep0, (tx) => svc.submitOnline(dep0, tx, { actor: null }, input))).app.id;
      } catch {
        continue; // e.g. an organisation's demo credit code rejected: skip rather than fail the whole demo
      }
      made++;
      for (const [date, step] of s.steps) {
        if (date > today) break;
        if ('only' in step && !step.only.includes(d.code)) continue;
        const dd = at(date);
        const ctx = { actor: office };
        await inTransaction(dd, async (tx) => {
          switch (step.do) {
            case 'confirm':
              return svc.confirmReceipt(dd, tx, ctx, id, { confirmedOn: date });
            case 'assign':
              return svc.acceptAndAssign(dd, tx, ctx, id, { unitId });
            case 'decide': {
              const items = (
                await tx
                  .selectFrom('requestItems')
                  .select('id')
                  .where('applicationId', '=', id)
                  .orderBy('seq')
                  .execute()
              ).map((i) => i.id);
              for (const [k, code] of step.codes.entries())
                await svc.decideItem(dd, tx, ctx, id, items[k]!, { code, ...DECISIONS[code] });
              return;
            }
            case 'submit':
              return svc.submitForApproval(dd, tx, { actor: drafter }, id);
            case 'reply': {
              const app = await svc.submitForApproval(dd, tx, { actor: drafter }, id);
              const chain = await svc.approvalChain(dd, tx, app);
              for (const [k, role] of chain.entries())
                await svc.approve(dd, tx, { actor: approvers[role]! }, id, {
                  approve: true,
                  comment: k === chain.length - 1 ? '同意' : '拟同意',
                });
              const replied = await svc.sendReply(dd, tx, ctx, id);
              await serveDemoReply(dd, tx, ctx, replied, date);
              return replied;
            }
            case 'close':
              return svc.closeCase(dd, tx, ctx, id);
            case 'correction':
              return svc.requestCorrection(dd, tx, ctx, id, {
                note: '请写明所需信息的年度和具体事项',
                correctionDays: 10,
              });
            case 'lapse_correction':
              return svc.lapseCorrection(dd, tx, ctx, id);
            case 'consult':
              return svc.startConsultation(dd, tx, ctx, id, {
                kind: 'third_party',
                party: '云岭县鑫源商贸有限公司',
              });
            case 'end_consult':
              return svc.endConsultation(dd, tx, ctx, id, {
                opinion: 'object',
                note: '涉及商业秘密，不同意公开',
              });
            case 'fee':
              return svc.noticeFee(dd, tx, ctx, id, { method: 'per_volume', units: 120 });
            case 'lapse_fee':
              return svc.lapseFee(dd, tx, ctx, id);
            case 'extend':
              await svc.requestExtension(dd, tx, ctx, id, { days: 20, reason: '需要调取历年档案、情况复杂' });
              return svc.decideExtension(dd, tx, { actor: leader }, id, {
                approve: true,
                comment: '同意延期',
              });
            case 'suspend':
              return svc.suspend(dd, tx, ctx, id, { reason: '档案室因汛期受损，暂时无法检索' });
            case 'appeal':
              return svc.recordAppeal(dd, tx, ctx, id, {
                kind: step.kind,
                filedOn: date,
                outcome: 'pending',
                note: step.note,
              });
            case 'appeal_decided': {
              const appeal = await tx
                .selectFrom('requestAppeals')
                .select('id')
                .where('applicationId', '=', id)
                .where('outcome', '=', 'pending')
                .orderBy('id', 'desc')
                .executeTakeFirstOrThrow();
              return decideAppeal(dd, tx, ctx, id, appeal.id, {
                outcome: step.outcome,
                decidedOn: date,
                note: step.note,
              });
            }
          }
        });
      }
    }
  }
  return made;
}
