/**
 * `gongkai generate --applications K`: synthetic applications for benchmarks, spread over every agency
 * that accepts applications, received across 2024–2026, in every status and disposition, with their
 * items and reply deadlines (so queue queries and deadline recomputation work on realistic rows).
 * Batched multi-row inserts inside the caller's transaction; 200,000 applications is feasible.
 */
import { createHash } from 'node:crypto';
import type { Rules } from '../agencies/rule-profile.ts';
import { rulesForAgency } from '../agencies/agency.service.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { SyntheticGenerator } from './generate.ts';
import { personName } from './demo.data.ts';
import type { Deps } from '../shared/deps.ts';
import { addDays } from '../shared/dates.ts';
import { chinaDate } from '../shared/clock.ts';
import {
  type Channel,
  CHANNELS,
  formatRegistrationNo,
  ORG_TYPES,
  type Status,
} from '../requests/application.ts';
import { DISPOSITION_CODES, type DispositionCode, reportCategory } from '../requests/disposition.ts';
import { SUBJECT } from '../requests/request.repository.ts';
import { calendarIn } from '../requests/request.service.ts';

const SUBJECTS = [
  '行政处罚案件统计',
  '法律援助经费使用情况',
  '部门预算执行情况',
  '行政许可办理结果',
  '政府采购合同',
  '征地补偿标准',
  '安全生产检查记录',
  '食品抽检结果',
  '人民调解工作统计',
  '道路建设项目批复',
];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Status mix: most applications of past years are closed; recent ones are still open. */
function pickStatus(r: () => number, receivedOn: string, today: string): Status {
  const ageDays = (Date.parse(today) - Date.parse(receivedOn)) / 86_400_000;
  const x = r();
  if (ageDays > 60) return x < 0.8 ? 'closed' : x < 0.9 ? 'replied' : x < 0.95 ? 'lapsed' : 'withdrawn';
  const open: Status[] = [
    'unconfirmed',
    'registered',
    'in_progress',
    'in_progress',
    'awaiting_correction',
    'consulting_third_party',
    'consulting_agency',
    'awaiting_fee',
    'suspended',
    'awaiting_approval',
    'replied',
  ];
  return open[Math.floor(x * open.length)]!;
}

export const applicationsGenerator: SyntheticGenerator = {
  what: 'applications',
  async run(deps: Deps, tx: DbOrTx, count: number, seed: number, onProgress: (done: number) => void) {
    const agencies = await tx
      .selectFrom('agencies')
      .select(['id', 'code'])
      .where('active', '=', 1)
      .where('acceptsApplications', '=', 1)
      .where('kind', 'in', ['government', 'department'])
      .orderBy('id')
      .execute();
    if (agencies.length === 0) throw new Error('没有受理申请的机关：请先生成或导入机关（--agencies）');
    const ctx = new Map<number, { cal: WorkingCalendar; rules: Rules }>();
    for (const a of agencies)
      ctx.set(a.id, { cal: await calendarIn(deps, tx, a.id), rules: await rulesForAgency(deps, tx, a.id) });
    const seqs = new Map<string, number>();
    for (const s of await tx.selectFrom('requestSequences').selectAll().execute())
      seqs.set(`${s.agencyId}:${s.year}`, s.lastSeq);

    const r = rng(seed * 104729 + 7);
    const today = chinaDate(deps.clock.now());
    const start = Date.parse('2024-01-02');
    const span = Math.max(1, Math.min(Date.parse(today), Date.parse('2026-12-31')) - start);
    const now = deps.clock.now().toISOString();
    const BATCH = 500;
    let done = 0;
    while (done < count) {
      const n = Math.min(BATCH, count - done);
      const apps = [];
      const meta: {
        status: Status;
        receivedOn: string | null;
        agencyId: number;
        items: number;
        dispositions: DispositionCode[];
        due: string | null;
        start: string | null;
        days: number;
      }[] = [];
      for (let k = 0; k < n; k++) {
        const a = agencies[Math.floor(r() * agencies.length)]!;
        const { cal, rules } = ctx.get(a.id)!;
        let submittedOn = new Date(start + Math.floor(r() * span)).toISOString().slice(0, 10);
        if (submittedOn > today) submittedOn = today;
        const status = pickStatus(r, submittedOn, today);
        const receivedOn =
          status === 'unconfirmed'
            ? null
            : cal.onOrNextWorkingDay(submittedOn) > today
              ? submittedOn
              : cal.onOrNextWorkingDay(submittedOn);
        const year = Number(submittedOn.slice(0, 4));
        const key = `${a.id}:${year}`;
        const seq = (seqs.get(key) ?? 0) + 1;
        seqs.set(key, seq);
        const org = r() < 0.25;
        const items = 1 + Math.floor(r() * 3);
        const decided = ['replied', 'closed', 'lapsed', 'awaiting_approval'].includes(status);
        const dispositions: DispositionCode[] = decided
          ? Array.from({ length: items }, () =>
              status === 'lapsed'
                ? 'other_no_correction'
                : r() < 0.55
                  ? 'disclosed'
                  : DISPOSITION_CODES[Math.floor(r() * DISPOSITION_CODES.length)]!,
            )
          : [];
        const channel: Channel = r() < 0.7 ? 'online' : CHANNELS[Math.floor(r() * CHANNELS.length)]!;
        const extensionDays = r() < 0.1 ? rules.extensionDays : 0;
        const days = rules.replyDays + extensionDays;
        let due: string | null = null;
        try {
          due = receivedOn ? cal.addWorkingDays(receivedOn, days) : null;
        } catch {
          due = null; // next year's calendar not yet entered: no stored deadline (CALENDAR_YEAR_MISSING)
        }
        const paused = ['consulting_third_party', 'consulting_agency', 'awaiting_fee', 'suspended'].includes(
          status,
        );
        const repliedOn =
          ['replied', 'closed'].includes(status) && receivedOn
            ? addDays(receivedOn, 5 + Math.floor(r() * 30))
            : null;
        apps.push({
          agencyId: a.id,
          registrationNo: formatRegistrationNo(a.code, year, seq),
          trackingHash: createHash('sha256')
            .update(`${seed}:${done + k}:${r()}`)
            .digest('hex'),
          channel,
          status,
          applicantKind: org ? 'organization' : 'natural',
          orgType: org ? ORG_TYPES[Math.floor(r() * ORG_TYPES.length)]! : null,
          applicantName: org
            ? `${personName(Math.floor(r() * 5000))}科技有限公司`
            : personName(Math.floor(r() * 5000)),
          idType: org ? null : 'resident_id',
          idNumber: org ? null : `5301021980${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
          creditCode: org ? `91530102MA${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : null,
          legalRepresentative: null,
          contactPerson: null,
          phone: `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
          email: null,
          address: null,
          postalCode: null,
          provisionForm: r() < 0.6 ? 'electronic' : 'paper',
          deliveryMethod: r() < 0.6 ? 'online' : 'post',
          purpose: null,
          submittedOn,
          submittedAt: `${submittedOn}T02:00:00.000Z`,
          signedForOn: null,
          receivedOn,
          clockStart: receivedOn,
          extensionDays,
          extensionRequestedDays: null,
          extensionReason: null,
          pausedDays: 0,
          pauseKind: paused
            ? status === 'awaiting_fee'
              ? 'fee'
              : status === 'suspended'
                ? 'suspension'
                : status === 'consulting_agency'
                  ? 'inter_agency'
                  : 'third_party'
            : null,
          pausedSince: paused ? today : null,
          delayedDueOn: null,
          unitId: null,
          handlerUserId: null,
          reportCategory:
            dispositions.length && status !== 'awaiting_approval'
              ? reportCategory(dispositions.map((code) => ({ code })))
              : null,
          feeMethod: status === 'awaiting_fee' ? 'per_volume' : null,
          repliedOn: repliedOn && repliedOn <= today ? repliedOn : repliedOn ? today : null,
          closedOn: status === 'closed' ? (repliedOn && repliedOn <= today ? repliedOn : today) : null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        });
        meta.push({ status, receivedOn, agencyId: a.id, items, dispositions, due, start: receivedOn, days });
      }
      const ids = await tx.insertInto('requestApplications').values(apps).returning('id').execute();
      const itemRows = [];
      const deadlineRows = [];
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!.id;
        const m = meta[k]!;
        for (let j = 0; j < m.items; j++) {
          const code = m.dispositions[j] ?? null;
          itemRows.push({
            applicationId: id,
            seq: j + 1,
            description: `${SUBJECTS[(id + j) % SUBJECTS.length]}（${2023 + ((id + j) % 3)}年度）`,
            title: null,
            docNo: null,
            disposition: code,
            legalBasis: null,
            reasons: code && code !== 'disclosed' ? '依法作出的处理' : null,
            withheld: code === 'partially_disclosed' ? '涉及个人隐私的部分' : null,
            holdingAgency: null,
            holdingContact: null,
            howToObtain: null,
            decidedAt: code ? now : null,
            decidedBy: null,
          });
        }
        if (m.start && m.due && m.status !== 'awaiting_correction') {
          const closed = ['replied', 'closed', 'withdrawn', 'lapsed'].includes(m.status);
          const paused = [
            'consulting_third_party',
            'consulting_agency',
            'awaiting_fee',
            'suspended',
          ].includes(m.status);
          deadlineRows.push({
            agencyId: m.agencyId,
            subjectType: SUBJECT,
            subjectId: id,
            kind: 'reply',
            startDate: m.start,
            workingDays: m.days,
            dueDate: m.due,
            state: closed ? 'met' : paused ? 'paused' : 'open',
            createdAt: now,
            updatedAt: now,
          });
        }
      }
      for (let i = 0; i < itemRows.length; i += 1000)
        await tx
          .insertInto('requestItems')
          .values(itemRows.slice(i, i + 1000))
          .execute();
      for (let i = 0; i < deadlineRows.length; i += 1000)
        await tx
          .insertInto('deadlines')
          .values(deadlineRows.slice(i, i + 1000))
          .execute();
      done += n;
      onProgress(done);
    }
    for (const [key, lastSeq] of seqs) {
      const [agencyId, year] = key.split(':').map(Number) as [number, number];
      await tx
        .insertInto('requestSequences')
        .values({ agencyId, year, lastSeq })
        .onConflict((oc) => oc.columns(['agencyId', 'year']).doUpdateSet({ lastSeq }))
        .execute();
    }
  },
};
