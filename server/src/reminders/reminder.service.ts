/**
 * The reminder job (期限提醒): reply deadlines of applications (issue #3) and the annual report's
 * due date (issue #5, R.49). In-app notifications plus e-mail to the same people when they have an
 * address. One audit event per run that enqueued something; a run with nothing due writes nothing.
 */
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import type { Rules } from '../agencies/rule-profile.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { calendarFor } from '../calendar/calendar.service.ts';
import { underLease } from '../cluster/lease.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { reportDueDate } from '../reporting/annual-report.ts';
import { reportingRepository } from '../reporting/reporting.repository.ts';
import { runningDueBetween } from '../requests/index.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import {
  linkOf,
  type Message,
  reportEvent,
  reportReminderMessage,
  reportReminderToday,
  requestEvent,
  requestReminderMessage,
  requestReminderToday,
  SUBJECT_REPORT,
  SUBJECT_REQUEST,
} from '../notifications/notification.ts';
import { type Recipient, notificationRepository as repo } from '../notifications/notification.repository.ts';
import { type EnqueueInput, enqueue } from '../notifications/notification.service.ts';

/**
 * How far ahead the job looks for reply deadlines: 5 working days before a due date can be 16
 * calendar days earlier around National Day or the Spring Festival; 30 leaves room for larger
 * rules.reminderDaysBefore.
 */
const LOOKAHEAD_DAYS = 30;
/** How far back an overdue flag is still raised if the server was down on the first overdue day. */
const OVERDUE_CATCH_UP_DAYS = 7;

/** Rules and calendars loaded once per agency (rule profile) per run. */
function perRun(deps: Deps, tx: DbOrTx, dir: AgencyDirectory) {
  const rules = new Map<number | null, Promise<Rules>>();
  const calendars = new Map<number, Promise<WorkingCalendar>>();
  return {
    rules(agencyId: number): Promise<Rules> {
      const key = dir.ruleProfileOf(agencyId);
      let r = rules.get(key);
      if (!r) {
        r = rulesForAgency(deps, tx, agencyId);
        rules.set(key, r);
      }
      return r;
    },
    calendar(agencyId: number): Promise<WorkingCalendar> {
      let c = calendars.get(agencyId);
      if (!c) {
        c = calendarFor(deps, agencyId, tx);
        calendars.set(agencyId, c);
      }
      return c;
    },
  };
}

function fanOut(
  base: Omit<EnqueueInput, 'channel' | 'recipient' | 'title' | 'body'>,
  msg: Message,
  to: Recipient[],
): EnqueueInput[] {
  const out: EnqueueInput[] = [];
  for (const r of to) {
    out.push({ ...base, ...msg, channel: 'inapp', recipient: String(r.userId) });
    if (r.email) out.push({ ...base, ...msg, channel: 'email', recipient: r.email });
  }
  return out;
}

/** Reply deadlines (R.33) of applications whose clock is running: rules.reminderDaysBefore, and overdue once. */
export async function requestReminders(deps: Deps, tx: DbOrTx): Promise<EnqueueInput[]> {
  const today = chinaDate(deps.clock.now());
  const candidates = await runningDueBetween(
    tx,
    addDays(today, -OVERDUE_CATCH_UP_DAYS),
    addDays(today, LOOKAHEAD_DAYS),
  );
  if (candidates.length === 0) return [];
  const dir = await agencyDirectory(deps, tx);
  const load = perRun(deps, tx, dir);
  const due: { c: (typeof candidates)[number]; r: NonNullable<ReturnType<typeof requestReminderToday>> }[] =
    [];
  for (const c of candidates) {
    let left: number;
    try {
      left = (await load.calendar(c.agencyId)).workingDaysLeft(today, c.dueOn);
    } catch (e) {
      // a year without calendar data (CALENDAR_YEAR_MISSING) — the dashboard already warns about it
      if (e instanceof AppError || e instanceof RangeError) continue;
      throw e;
    }
    const r = requestReminderToday(left, (await load.rules(c.agencyId)).reminderDaysBefore);
    if (r) due.push({ c, r });
  }
  if (due.length === 0) return [];

  const handlers = new Map(
    (
      await repo.usersByIds(tx, [
        ...new Set(due.map((d) => d.c.handlerUserId).filter((id): id is number => id !== null)),
      ])
    ).map((u) => [u.userId, u]),
  );
  const offices = await repo.roleHolders(
    tx,
    [...new Set(due.filter((d) => !handlers.has(d.c.handlerUserId ?? 0)).map((d) => d.c.agencyId))],
    'disclosure_office',
  );
  const out: EnqueueInput[] = [];
  for (const { c, r } of due) {
    const handler = c.handlerUserId !== null ? handlers.get(c.handlerUserId) : undefined;
    const to = handler ? [handler] : (offices.get(c.agencyId) ?? []);
    const subject = { subjectType: SUBJECT_REQUEST, subjectId: c.id, agencyId: c.agencyId };
    const msg = requestReminderMessage(r, {
      registrationNo: c.registrationNo,
      agencyName: dir.get(c.agencyId)?.name ?? '',
      dueOn: c.dueOn,
      link: `${deps.config.publicBaseUrl}${linkOf(subject)}`,
    });
    out.push(...fanOut({ ...subject, event: requestEvent(c.id, c.dueOn, r) }, msg, to));
  }
  return out;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The annual report of last year (R.49: departments by 31 January, governments by 31 March, or the
 * rule profile's dates): 30 and 7 days before, and overdue once, while it is not published.
 */
export async function reportReminders(deps: Deps, tx: DbOrTx): Promise<EnqueueInput[]> {
  const today = chinaDate(deps.clock.now());
  const year = Number(today.slice(0, 4)) - 1;
  const dir = await agencyDirectory(deps, tx);
  const load = perRun(deps, tx, dir);
  const due: {
    id: number;
    name: string;
    dueOn: string;
    r: NonNullable<ReturnType<typeof reportReminderToday>>;
  }[] = [];
  for (const a of dir.byId.values()) {
    if (!a.active || (a.kind !== 'government' && a.kind !== 'department')) continue;
    const rules = await load.rules(a.id);
    const dueOn = reportDueDate(
      year,
      a.kind === 'government',
      rules.annualReportDueDepartment,
      rules.annualReportDueGovernment,
    );
    const left = daysBetween(today, dueOn);
    if (left < -OVERDUE_CATCH_UP_DAYS) continue;
    const r = reportReminderToday(left);
    if (r) due.push({ id: a.id, name: a.name, dueOn, r });
  }
  if (due.length === 0) return [];
  const published = new Set(
    (
      await reportingRepository.reportsOfYear(
        tx,
        due.map((d) => d.id),
        year,
      )
    )
      .filter((r) => r.status === 'published')
      .map((r) => r.agencyId),
  );
  const open = due.filter((d) => !published.has(d.id));
  const offices = await repo.roleHolders(
    tx,
    open.map((d) => d.id),
    'disclosure_office',
  );
  const out: EnqueueInput[] = [];
  for (const d of open) {
    const subject = { subjectType: SUBJECT_REPORT, subjectId: year, agencyId: d.id };
    const msg = reportReminderMessage(d.r, {
      agencyName: d.name,
      year,
      dueOn: d.dueOn,
      link: `${deps.config.publicBaseUrl}${linkOf(subject)}`,
    });
    out.push(
      ...fanOut({ ...subject, event: reportEvent(d.id, year, d.dueOn, d.r) }, msg, offices.get(d.id) ?? []),
    );
  }
  return out;
}

/** One run of the reminder job; returns how many notifications were enqueued. */
export async function enqueueDueReminders(deps: Deps, tx: DbOrTx): Promise<number> {
  const items = [...(await requestReminders(deps, tx)), ...(await reportReminders(deps, tx))];
  const fresh = await enqueue(deps, tx, items);
  if (fresh.length === 0) return 0;
  await recordAudit(tx, deps, {
    actor: SYSTEM_ACTOR,
    agencyId: null,
    entityType: 'notification',
    entityId: 'reminders',
    action: 'notification.reminders_enqueued',
    after: {
      count: fresh.length,
      events: [...new Set(fresh.map((f) => f.event))],
    },
  });
  return fresh.length;
}

/**
 * The job itself: reminders are a matter of days, so the work runs at most once per hour of Beijing
 * time (the first tick of each hour, on whichever node claims the hour — cluster/lease.ts) instead of
 * every minute; dedupe keys make a rerun harmless. A failed run leaves the hour open for the next tick.
 */
export async function reminderJob(deps: Deps, run: () => Promise<number>): Promise<number> {
  const hour = new Date(deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 13);
  return (await underLease(deps, 'job:期限提醒', { ttlMs: 10 * 60_000, period: hour }, run)) ?? 0;
}
