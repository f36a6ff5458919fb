/**
 * The to-do entries of serving the letters: a sent reply not served within the rule profile's
 * `serviceDays` working days after it was issued (rule-profile.ts; docs/rules.md), for the disclosure
 * office that serves it (request.policy.ts canManage). Only the latest reply of a case counts (a case
 * reopened after an appeal is answered again).
 */
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Deps } from '../shared/deps.ts';
import type { TodoEntry } from '../shared/todo.ts';
import { requestPolicy } from './request.policy.ts';
import { serviceRecordRepository as srepo } from './service-record.repository.ts';
import { serviceDueOn } from './service-record.ts';

export async function serviceTodos(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  agencyId: number,
  today: string,
): Promise<TodoEntry[]> {
  const rows = await srepo.unservedReplies(db, agencyId);
  if (rows.length === 0) return [];
  const dir = await agencyDirectory(deps, db);
  const rules = await rulesForAgency(deps, db, agencyId);
  const cal = await calendarFor(deps, agencyId);
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.applicationId, r);
  const out: TodoEntry[] = [];
  for (const r of latest.values()) {
    if (!requestPolicy.canManage(actor, dir, r)) continue;
    const dueOn = serviceDueOn(r.issuedOn, rules.serviceDays, cal);
    if (dueOn === null || dueOn >= today) continue;
    out.push({
      // 'cases', not 'overdue': that group mirrors the queue of reply periods run out (todo.db.test.ts)
      group: 'cases',
      action: `《${r.title}》未在 ${rules.serviceDays} 个工作日内送达，请登记送达情况`,
      title: `${r.registrationNo} ${r.applicantName}`,
      href: `/requests/${r.applicationId}`,
      dueOn,
      overdue: true,
    });
  }
  return out;
}
