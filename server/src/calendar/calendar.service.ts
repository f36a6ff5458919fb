import { agencyDirectory } from '../agencies/agency.service.ts';
import { recordAudit, recordAuditMany } from '../audit/audit.service.ts';
import type { Db, DbOrTx } from '../db/create-db.ts';
import type { CalendarDayRow, DeadlineRow } from '../db/database.ts';
import { actorRef, type StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { isValidIsoDate, yearOf } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { cacheChanged, cacheGeneration, cacheUsable, registerCache } from '../cluster/cache-bus.ts';
import { primaryOf } from '../db/primary.ts';
import { calendarRepository } from './calendar.repository.ts';
import {
  packagedSchedule,
  packagedYears,
  CHINESE_DAYS_VERSION,
  type YearSchedule,
} from './calendar-sources.ts';
import { announce } from '../shared/hooks.ts';
import { deadlineRepository } from './deadline.repository.ts';
import { type SpecialDay, type SpecialDayKind, WorkingCalendar } from './working-days.ts';

interface Ctx {
  actor: StaffActor | null;
  ip?: string | null;
}

// ---------------------------------------------------------------- cache

interface Loaded {
  years: Set<number>;
  days: CalendarDayRow[];
  perAgency: Map<number | null, WorkingCalendar>;
  loadedAt: number;
}
/** a backstop only: every node drops its copy when the calendar or the agency tree changes (cluster/cache-bus.ts) */
const TTL_MS = 60_000;
const cache = new WeakMap<Db, Loaded>();
// the per-agency calendars follow the tree (an agency moved under another parent takes its local days)
registerCache(['calendar', 'agencies'], (db) => cache.delete(db));

async function loaded(deps: Deps): Promise<Loaded> {
  // cached on (and read from) the primary, also for a route served from the read replica
  const home = primaryOf(deps.db);
  const hit = cache.get(home);
  if (hit && Date.now() - hit.loadedAt < TTL_MS && cacheUsable(home)) return hit;
  const gen = cacheGeneration(home, 'calendar') + cacheGeneration(home, 'agencies');
  const years = new Set((await calendarRepository.years(home)).map((y) => Number(y.year)));
  const days = await home.selectFrom('calendarDays').selectAll().orderBy('date').execute();
  const l: Loaded = { years, days, perAgency: new Map(), loadedAt: Date.now() };
  if (cacheGeneration(home, 'calendar') + cacheGeneration(home, 'agencies') === gen) cache.set(home, l);
  return l;
}

function toSpecial(r: CalendarDayRow): SpecialDay {
  return { date: r.date, kind: r.kind as SpecialDayKind, name: r.name, agencyId: r.agencyId };
}

/** Builds a calendar from rows read in `db` (used inside transactions that just changed the calendar). */
async function calendarInTx(deps: Deps, db: DbOrTx, agencyId: number | null): Promise<WorkingCalendar> {
  const years = new Set((await calendarRepository.years(db)).map((y) => Number(y.year)));
  const ancestry = agencyId === null ? [] : (await agencyDirectory(deps, db)).ancestry(agencyId);
  const rows = await calendarRepository.days(db, ancestry);
  return new WorkingCalendar(years, sortNationalFirst(rows).map(toSpecial));
}

function sortNationalFirst(rows: CalendarDayRow[]): CalendarDayRow[] {
  return [...rows].sort((a, b) => (a.agencyId === null ? 0 : 1) - (b.agencyId === null ? 0 : 1));
}

/**
 * The working calendar of an agency: national days plus local days of the agency and its ancestors.
 * Inside a transaction pass it as `db`: on SQLite the transaction holds the only connection, so
 * reading through the root handle would wait for it forever.
 */
export async function calendarFor(
  deps: Deps,
  agencyId: number | null = null,
  db?: DbOrTx,
): Promise<WorkingCalendar> {
  if (db?.isTransaction) return calendarInTx(deps, db, agencyId);
  const l = await loaded(deps);
  const hit = l.perAgency.get(agencyId);
  if (hit) return hit;
  const ancestry = new Set(agencyId === null ? [] : (await agencyDirectory(deps)).ancestry(agencyId));
  const rows = l.days.filter((d) => d.agencyId === null || ancestry.has(d.agencyId));
  const cal = new WorkingCalendar(l.years, sortNationalFirst(rows).map(toSpecial));
  l.perAgency.set(agencyId, cal);
  return cal;
}

/**
 * "Due within `n` working days" on each agency's own calendar: the date `n` working days after
 * `today` on the national calendar, plus the agencies (within `scope`) whose local days make their
 * date differ. Only an agency with a local day in (today, national date] can differ — up to that
 * date its calendar agrees with the national one — so the exceptions are few and found in memory.
 * A year without calendar data gives `today` (only what is due today counts as due soon).
 */
export async function dueSoonDates(
  deps: Deps,
  scope: number[] | 'all',
  today: string,
  n: number,
): Promise<{ soonDate: string; exceptions: { soonDate: string; agencyIds: number[] }[] }> {
  const soon = (cal: WorkingCalendar) => {
    try {
      return cal.addWorkingDays(today, n);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING') return today;
      throw e;
    }
  };
  const soonDate = soon(await calendarFor(deps, null));
  const l = await loaded(deps);
  const localRoots = new Set<number>();
  for (const d of l.days)
    if (d.agencyId !== null && d.date > today && d.date <= soonDate) localRoots.add(d.agencyId);
  if (localRoots.size === 0) return { soonDate, exceptions: [] };
  const dir = await agencyDirectory(deps);
  const inScope = scope === 'all' ? null : new Set(scope);
  const byDate = new Map<string, number[]>();
  const seen = new Set<number>();
  for (const root of localRoots)
    for (const id of dir.subtree(root)) {
      if (seen.has(id) || (inScope && !inScope.has(id))) continue;
      seen.add(id);
      const date = soon(await calendarFor(deps, id));
      if (date === soonDate) continue;
      byDate.set(date, [...(byDate.get(date) ?? []), id]);
    }
  return {
    soonDate,
    exceptions: [...byDate].map(([date, agencyIds]) => ({ soonDate: date, agencyIds })),
  };
}

// ---------------------------------------------------------------- import

export async function importYear(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  s: YearSchedule,
  importedFrom: string,
): Promise<void> {
  if (await calendarRepository.year(tx, s.year))
    throw new AppError('CALENDAR_YEAR_EXISTS', {
      message: `${s.year} 年的节假日安排已存在；如需更正，请逐日修改`,
    });
  const seen = new Set<string>();
  for (const d of s.days) {
    if (!isValidIsoDate(d.date))
      throw new AppError('CALENDAR_INVALID_DATE', { message: `日期“${d.date}”格式不正确，应为 YYYY-MM-DD` });
    if (yearOf(d.date) !== s.year)
      throw new AppError('CALENDAR_DAY_OUT_OF_YEAR', { message: `日期 ${d.date} 不在 ${s.year} 年内` });
    if (seen.has(d.date))
      throw new AppError('VALIDATION_FAILED', {
        message: `日期 ${d.date} 重复出现`,
        fields: [{ field: 'days', label: '日期列表', message: `${d.date} 重复` }],
      });
    seen.add(d.date);
  }
  const now = deps.clock.now().toISOString();
  await calendarRepository.insertYear(tx, {
    year: s.year,
    sourceTitle: s.sourceTitle,
    sourceDocumentNo: s.sourceDocumentNo,
    sourceUrl: s.sourceUrl,
    publishedOn: s.publishedOn,
    importedFrom,
    createdAt: now,
    updatedAt: now,
  });
  await calendarRepository.insertDays(
    tx,
    s.days.map((d) => ({
      date: d.date,
      year: s.year,
      kind: d.kind,
      name: d.name,
      agencyId: null,
      note: null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: null,
    entityType: 'calendar_year',
    entityId: s.year,
    action: 'calendar.year_added',
    after: { ...s, days: s.days.length, importedFrom },
    ip: ctx.ip ?? null,
  });
  await cacheChanged(deps, tx, 'calendar');
  // a deadline computed while the year was missing could not exist (it is refused), so nothing to recompute
}

/** Imports every year of the packaged `chinese-days` data that is not in the table yet. */
export async function seedCalendarFromPackage(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx = { actor: null },
): Promise<number[]> {
  const have = new Set((await calendarRepository.years(tx)).map((y) => Number(y.year)));
  const added: number[] = [];
  for (const year of packagedYears()) {
    if (have.has(year)) continue;
    const s = packagedSchedule(year);
    if (!s) continue;
    await importYear(deps, tx, ctx, s, `chinese-days ${CHINESE_DAYS_VERSION}`);
    added.push(year);
  }
  return added;
}

export async function updateYearSource(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  year: number,
  patch: {
    sourceTitle?: string;
    sourceDocumentNo?: string | null;
    sourceUrl?: string | null;
    publishedOn?: string | null;
  },
): Promise<void> {
  const before = await calendarRepository.year(tx, year);
  if (!before) throw new AppError('CALENDAR_YEAR_MISSING', { message: `${year} 年的节假日安排尚未录入` });
  await calendarRepository.updateYear(tx, year, { ...patch, updatedAt: deps.clock.now().toISOString() });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: null,
    entityType: 'calendar_year',
    entityId: year,
    action: 'calendar.year_updated',
    before,
    after: { ...before, ...patch },
    ip: ctx.ip ?? null,
  });
}

// ---------------------------------------------------------------- corrections and local holidays

export interface DayInput {
  date: string;
  kind: SpecialDayKind;
  name: string;
  agencyId: number | null;
  note?: string | null;
}

/** Adds or corrects one special day (national, or local to an agency) and recomputes affected deadlines. */
export async function setDay(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  input: DayInput,
): Promise<{ day: CalendarDayRow; recomputed: number }> {
  if (!isValidIsoDate(input.date)) throw new AppError('CALENDAR_INVALID_DATE');
  const year = yearOf(input.date);
  if (!(await calendarRepository.year(tx, year)))
    throw new AppError('CALENDAR_YEAR_MISSING', {
      message: `${year} 年的节假日安排尚未录入，请先新增该年度`,
    });
  const now = deps.clock.now().toISOString();
  const existing = await calendarRepository.findDay(tx, input.date, input.agencyId);
  if (existing) {
    await calendarRepository.updateDay(tx, existing.id, {
      kind: input.kind,
      name: input.name,
      note: input.note ?? null,
      updatedAt: now,
    });
  } else {
    await calendarRepository.insertDays(tx, [
      {
        date: input.date,
        year,
        kind: input.kind,
        name: input.name,
        agencyId: input.agencyId,
        note: input.note ?? null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }
  const day = (await calendarRepository.findDay(tx, input.date, input.agencyId))!;
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: input.agencyId,
    entityType: 'calendar_day',
    entityId: input.date,
    action: 'calendar.day_set',
    before: existing ?? null,
    after: day,
    ip: ctx.ip ?? null,
  });
  await cacheChanged(deps, tx, 'calendar');
  const recomputed = await recomputeDeadlines(deps, tx, ctx, input.date, input.agencyId);
  // records above the calendar that keep a copy of a deadline follow it (shared/hooks.ts)
  await announce(deps, tx, 'calendarChanged', { date: input.date, agencyId: input.agencyId, ctx });
  return { day, recomputed };
}

export async function removeDay(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  id: number,
  canTouch: (agencyId: number | null) => boolean,
): Promise<{ recomputed: number }> {
  const day = await calendarRepository.dayById(tx, id);
  if (!day || !canTouch(day.agencyId)) throw new AppError('CALENDAR_DAY_NOT_FOUND');
  await calendarRepository.deleteDay(tx, id);
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: day.agencyId,
    entityType: 'calendar_day',
    entityId: day.date,
    action: 'calendar.day_removed',
    before: day,
    ip: ctx.ip ?? null,
  });
  await cacheChanged(deps, tx, 'calendar');
  const recomputed = await recomputeDeadlines(deps, tx, ctx, day.date, day.agencyId);
  await announce(deps, tx, 'calendarChanged', { date: day.date, agencyId: day.agencyId, ctx });
  return { recomputed };
}

// ---------------------------------------------------------------- deadlines

export async function createDeadline(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  d: {
    agencyId: number;
    subjectType: string;
    subjectId: number;
    kind: string;
    startDate: string;
    workingDays: number;
  },
): Promise<DeadlineRow> {
  const cal = await calendarInTx(deps, tx, d.agencyId);
  const dueDate = cal.addWorkingDays(d.startDate, d.workingDays);
  const now = deps.clock.now().toISOString();
  const row = await deadlineRepository.insert(tx, {
    ...d,
    dueDate,
    state: 'open',
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, deps, {
    actor: actorRef(ctx.actor),
    agencyId: d.agencyId,
    entityType: d.subjectType,
    entityId: d.subjectId,
    action: 'deadline.created',
    after: row,
    ip: ctx.ip ?? null,
  });
  return row;
}

/**
 * After a calendar change on `date` (national when agencyId is null, else local to that agency's
 * subtree), recomputes every open deadline whose window contains the date. Calendars are built once
 * per distinct set of local days (most agencies share the national one) from one read of the
 * calendar; the moved deadlines are updated in bulk (one statement per new due date) and each move
 * is still its own audit event of the deadline's subject (old → new due date and the cause),
 * appended in bulk.
 */
export async function recomputeDeadlines(
  deps: Deps,
  tx: DbOrTx,
  ctx: Ctx,
  date: string,
  agencyId: number | null,
): Promise<number> {
  const dir = await agencyDirectory(deps, tx);
  const scope = agencyId === null ? 'all' : dir.subtree(agencyId);
  const years = new Set((await calendarRepository.years(tx)).map((y) => Number(y.year)));
  const days = await calendarRepository.allDays(tx);
  const withLocalDays = new Set(days.flatMap((d) => (d.agencyId === null ? [] : [d.agencyId])));
  const byKey = new Map<string, WorkingCalendar>();
  const byAgency = new Map<number, WorkingCalendar>();
  const calendarOf = (id: number): WorkingCalendar => {
    const hit = byAgency.get(id);
    if (hit) return hit;
    const local = dir.ancestry(id).filter((a) => withLocalDays.has(a));
    const key = local.join(',');
    let cal = byKey.get(key);
    if (!cal) {
      const own = new Set(local);
      const rows = days.filter((d) => d.agencyId === null || own.has(d.agencyId));
      cal = new WorkingCalendar(years, sortNationalFirst(rows).map(toSpecial));
      byKey.set(key, cal);
    }
    byAgency.set(id, cal);
    return cal;
  };
  let changed = 0;
  let afterId = 0;
  const now = deps.clock.now().toISOString();
  const actor = actorRef(ctx.actor);
  const cause = `工作日历变更：${date}`;
  for (;;) {
    const batch = await deadlineRepository.openAffectedBy(tx, date, scope, afterId, 5000);
    if (batch.length === 0) break;
    const moves: { d: DeadlineRow; due: string }[] = [];
    for (const d of batch) {
      afterId = d.id;
      let due: string;
      try {
        due = calendarOf(d.agencyId).addWorkingDays(d.startDate, d.workingDays);
      } catch (e) {
        // the new due date would fall in a year without confirmed data: keep the stored date (it is
        // recomputed when that year is entered) rather than refusing the calendar correction
        if (e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING') continue;
        throw e;
      }
      if (due !== d.dueDate) moves.push({ d, due });
    }
    const byDue = new Map<string, number[]>();
    for (const m of moves) byDue.set(m.due, [...(byDue.get(m.due) ?? []), m.d.id]);
    for (const [due, ids] of byDue) await deadlineRepository.setDueMany(tx, ids, due, now);
    await recordAuditMany(
      tx,
      deps,
      moves.map(({ d, due }) => ({
        actor,
        agencyId: d.agencyId,
        entityType: d.subjectType,
        entityId: d.subjectId,
        action: 'deadline.recomputed',
        before: { deadlineId: d.id, kind: d.kind, dueDate: d.dueDate },
        after: { deadlineId: d.id, kind: d.kind, dueDate: due, cause },
        ip: ctx.ip ?? null,
      })),
    );
    changed += moves.length;
    if (batch.length < 5000) break;
  }
  return changed;
}

// ---------------------------------------------------------------- status

export interface CalendarStatus {
  today: string;
  currentYearMissing: boolean;
  nextYear: number;
  missingNextYear: boolean;
  /** from 1 November the dashboard warns when next year's data is missing */
  warnNextYear: boolean;
}

export async function calendarStatus(deps: Deps): Promise<CalendarStatus> {
  const today = chinaDate(deps.clock.now());
  const l = await loaded(deps);
  const y = yearOf(today);
  const missingNextYear = !l.years.has(y + 1);
  return {
    today,
    currentYearMissing: !l.years.has(y),
    nextYear: y + 1,
    missingNextYear,
    warnNextYear: missingNextYear && today.slice(5) >= '11-01',
  };
}

export async function dueDate(
  deps: Deps,
  from: string,
  days: number,
  agencyId: number | null,
): Promise<string> {
  return (await calendarFor(deps, agencyId)).addWorkingDays(from, days);
}
