/**
 * Demo annual reports (called from demo/demo.seed.ts): the 2024 and 2025 政府信息公开工作年度报告 of
 * the county government and of every department, computed from the demo's own records through the
 * real workflow — the disclosure office enters the figures other systems hold and submits, the leader
 * in charge approves (figures frozen), the office publishes — each step on its own date. Departments
 * publish by 31 January and the government by 31 March (R.49, `reportDueDate`); one department (the
 * 统计局) publishes its 2025 report late, so the overview shows a late report. The government's 2025
 * self-inspection report (自查报告) is saved with the figures staff enter.
 */
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { staffActorByUsername } from '../identity/auth.service.ts';
import { fixedClock } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import type { ReportInputs } from './report-workflow.ts';
import { saveDraft, transitionReport } from './reporting.service.ts';
import { saveSelfInspection } from './self-inspection.service.ts';

export interface DemoReportAgency {
  code: string;
  /** the disclosure office that compiles and publishes, and the leader who approves */
  office: string;
  approver: string;
}

/** The department whose 2025 report is published after its 31 January due date. */
export const LATE_DEPARTMENT = 'tjj';

const at = (deps: Deps, date: string): Deps => ({ ...deps, clock: fixedClock(`${date}T02:30:00.000Z`) });

async function actor(db: DbOrTx, username: string): Promise<StaffActor> {
  const a = await staffActorByUsername(db, username, { inFirstGrant: true });
  if (!a) throw new Error(`demo user ${username} is missing`);
  return a;
}

/** Figures from systems outside the platform (许可、处罚、收费 …), deterministic per agency and year. */
function inputsFor(k: number, year: number): Partial<ReportInputs> {
  const n = k * 7 + (year - 2020) * 3;
  return {
    licensing: k % 3 === 0 ? 0 : 40 + (n % 60),
    penalties: k % 4 === 0 ? 0 : 5 + (n % 30),
    enforcement: k % 5 === 0 ? 2 : 0,
    feesTenThousandYuan: k % 3 === 1 ? 12.5 + (n % 10) : 0,
  };
}

/** The publication calendar of one (agency, year): submit, approve, publish dates. */
function datesFor(year: number, government: boolean, late: boolean, k: number) {
  const next = year + 1;
  const day = (d: number) => String(d).padStart(2, '0');
  if (government) return { submit: `${next}-03-16`, approve: `${next}-03-20`, publish: `${next}-03-25` };
  if (late) return { submit: `${next}-02-05`, approve: `${next}-02-10`, publish: `${next}-02-13` };
  return {
    submit: `${next}-01-${day(12 + (k % 4))}`,
    approve: `${next}-01-${day(19 + (k % 4))}`,
    publish: `${next}-01-${day(24 + (k % 5))}`,
  };
}

export async function seedReportingDemo(
  deps: Deps,
  agencies: DemoReportAgency[],
): Promise<{ published: number }> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  const byCode = new Map(
    (await deps.db.selectFrom('agencies').select(['id', 'code', 'kind']).execute()).map((a) => [a.code, a]),
  );
  let published = 0;
  for (const year of [2024, 2025]) {
    for (const [k, a] of agencies.entries()) {
      const agency = byCode.get(a.code);
      if (!agency) continue;
      const government = agency.kind === 'government';
      const d = datesFor(year, government, year === 2025 && a.code === LATE_DEPARTMENT, k);
      // a demo loaded on an earlier date stops at the step that date has reached
      if (d.submit > today) continue;
      const office = await actor(deps.db, a.office);
      const approver = await actor(deps.db, a.approver);
      await inTransaction(deps, async (tx) => {
        await saveDraft(at(deps, d.submit), tx, { actor: office }, agency.id, year, {
          inputs: inputsFor(k, year),
        });
        await transitionReport(at(deps, d.submit), tx, { actor: office }, agency.id, year, 'submit');
        if (d.approve > today) return;
        await transitionReport(at(deps, d.approve), tx, { actor: approver }, agency.id, year, 'approve');
        if (d.publish > today) return;
        await transitionReport(at(deps, d.publish), tx, { actor: office }, agency.id, year, 'publish');
        published++;
      });
    }
  }
  const gov = agencies.find((a) => byCode.get(a.code)?.kind === 'government');
  const govId = gov ? byCode.get(gov.code)?.id : undefined;
  if (gov && govId !== undefined && today >= '2026-01-20') {
    const office = await actor(deps.db, gov.office);
    await inTransaction(deps, (tx) =>
      saveSelfInspection(at(deps, '2026-01-20'), tx, { actor: office }, govId, 2025, {
        inputs: {
          trainings: 4,
          trainingAttendance: 326,
          pressConferences: 6,
          columnsUpdated: 1480,
          messagesHandled: 212,
        },
      }),
    );
  }
  return { published };
}
