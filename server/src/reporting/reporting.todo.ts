/**
 * The reporting module's part of the staff to-do list (待办): last year's annual report (R.49: a
 * department's by 31 January, a government's by 31 March) — to compile and submit (the disclosure
 * office, once the due date is 45 days away or past), to approve (the leader in charge or the
 * principal), to publish (the office) — by the checks of reporting.service.ts `transitionReport`.
 */
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import { addDays } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { reportDueDate } from './annual-report.ts';
import { reportingPolicy } from './reporting.policy.ts';
import { reportingRepository } from './reporting.repository.ts';

/** How long before the due date compiling the report appears on the office's list. */
const COMPILE_LEAD_DAYS = 45;

export async function reportingTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<TodoEntry[]> {
  const dir = await agencyDirectory(deps, db);
  const agency = dir.get(agencyId);
  if (!agency || (agency.kind !== 'government' && agency.kind !== 'department')) return [];
  const year = Number(today.slice(0, 4)) - 1;
  const rules = await rulesForAgency(deps, db, agencyId);
  const dueOn = reportDueDate(
    year,
    agency.kind === 'government',
    rules.annualReportDueDepartment,
    rules.annualReportDueGovernment,
  );
  const row = await reportingRepository.report(db, agencyId, year);
  const status = row?.status ?? 'none';
  if (status === 'published') return [];
  const overdue = today > dueOn;
  const entry = (group: TodoEntry['group'], action: string): TodoEntry => ({
    group,
    action,
    title: `${agency.name}${year}年政府信息公开工作年度报告`,
    href: `/reporting/annual-report?agencyId=${agencyId}&year=${year}`,
    dueOn,
    overdue,
  });
  const out: TodoEntry[] = [];
  const canEdit = reportingPolicy.canEdit(actor, dir, agencyId);
  if (status === 'submitted' && reportingPolicy.canApprove(actor, dir, agencyId))
    out.push(entry('reports', '年度报告待审批'));
  if (status === 'approved' && reportingPolicy.canPublish(actor, dir, agencyId))
    out.push(entry('reports', '年度报告已审批，待发布'));
  if ((status === 'none' || status === 'draft') && canEdit && today >= addDays(dueOn, -COMPILE_LEAD_DAYS))
    out.push(entry('reports', `年度报告待编制，应于 ${dueOn} 前公布（条例第四十九条）`));
  if (overdue && (canEdit || reportingPolicy.canApprove(actor, dir, agencyId)))
    out.push(entry('overdue', `年度报告已超过公布期限 ${dueOn}，尚未发布`));
  return out;
}
