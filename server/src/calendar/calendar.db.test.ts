/**
 * The calendar service against real databases: the packaged official schedule is imported with its
 * source notice, deadlines are computed on each agency's calendar (national + local days), and a
 * calendar change recomputes the open deadlines whose window it falls in — audited, and reversible.
 *
 * Counting: Civil Code art. 201 (start day excluded); R.33 = 《政府信息公开条例》 art. 33, reply
 * within 20 working days.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.service.ts';
import type { AuditEventRow, DeadlineRow } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { inTransaction } from '../shared/tx.ts';
import { makeCounty } from '../test-support/factories.ts';
import { dialects, makeTestDb, type TestDb } from '../test-support/test-db.ts';
import { calendarRepository } from './calendar.repository.ts';
import {
  calendarFor,
  calendarStatus,
  createDeadline,
  type DayInput,
  dueDate,
  importYear,
  removeDay,
  setDay,
} from './calendar.service.ts';
import {
  CHINESE_DAYS_VERSION,
  packagedSchedule,
  packagedYears,
  type YearSchedule,
} from './calendar-sources.ts';
import { deadlineRepository } from './deadline.repository.ts';
import { workingDaysInYear } from './working-days.ts';

const CTX = { actor: null };

/** A made-up 2027 schedule (test data only: no 2027 notice is in the packaged data). */
const FAKE_2027: YearSchedule = {
  year: 2027,
  sourceTitle: '国务院办公厅关于2027年部分节假日安排的通知',
  sourceDocumentNo: null,
  sourceUrl: null,
  publishedOn: '2026-11-05',
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-06', kind: 'holiday', name: '春节' },
    { date: '2027-02-07', kind: 'holiday', name: '春节' },
    { date: '2027-02-08', kind: 'holiday', name: '春节' },
    { date: '2027-02-20', kind: 'workday', name: '春节' },
  ],
};

let subjectSeq = 0;

function deadline(deps: Deps, agencyId: number, startDate: string, workingDays = 20): Promise<DeadlineRow> {
  subjectSeq++;
  return inTransaction(deps, (tx) =>
    createDeadline(deps, tx, CTX, {
      agencyId,
      subjectType: 'application',
      subjectId: subjectSeq,
      kind: 'reply',
      startDate,
      workingDays,
    }),
  );
}

async function reload(deps: Deps, d: DeadlineRow): Promise<DeadlineRow> {
  return deps.db.selectFrom('deadlines').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
}

async function eventsWithAction(deps: Deps, action: string): Promise<AuditEventRow[]> {
  return deps.db.selectFrom('auditEvents').selectAll().where('action', '=', action).orderBy('id').execute();
}

function day(date: string, agencyId: number | null, kind: DayInput['kind'] = 'holiday'): DayInput {
  return { date, kind, name: kind === 'holiday' ? '测试假日' : '测试调休', agencyId };
}

describe.each(dialects())('calendar service (%s)', (dialect) => {
  let t: TestDb;

  beforeEach(async () => {
    t = await makeTestDb(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  describe('packaged official schedule', () => {
    it('prepareDatabase imported every packaged year with its source notice', async () => {
      const years = await calendarRepository.years(t.deps.db);
      expect(years.map((y) => Number(y.year))).toEqual(packagedYears());
      expect(packagedYears()).toEqual(expect.arrayContaining([2024, 2025, 2026]));
      for (const y of years) {
        expect(y.sourceTitle).toBe(`国务院办公厅关于${y.year}年部分节假日安排的通知`);
        expect(y.importedFrom).toBe(`chinese-days ${CHINESE_DAYS_VERSION}`);
      }
      const byYear = new Map(years.map((y) => [Number(y.year), y]));
      expect(byYear.get(2024)).toMatchObject({
        sourceDocumentNo: '国办发明电〔2023〕7号',
        publishedOn: '2023-10-25',
      });
      expect(byYear.get(2025)).toMatchObject({
        sourceDocumentNo: '国办发明电〔2024〕12号',
        sourceUrl: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
        publishedOn: '2024-11-12',
      });
      // 国务院办公厅节假日安排通知: the 2026 document number was not seen, so none is claimed
      expect(byYear.get(2026)).toMatchObject({
        sourceDocumentNo: null,
        sourceUrl: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
        publishedOn: '2025-11-04',
      });
      expect(byYear.has(2027)).toBe(false);
    });

    it('every packaged day was stored as a national day, and each import was audited', async () => {
      const counts = await calendarRepository.countsByYear(t.deps.db);
      for (const year of packagedYears()) {
        const s = packagedSchedule(year)!;
        const stored = counts.filter((c) => c.year === year).reduce((n, c) => n + c.n, 0);
        expect(stored, String(year)).toBe(s.days.length);
      }
      const added = await eventsWithAction(t.deps, 'calendar.year_added');
      expect(added.map((e) => Number(e.entityId))).toEqual(packagedYears());
      expect(JSON.parse(added.find((e) => e.entityId === '2025')!.afterJson!)).toMatchObject({
        year: 2025,
        sourceDocumentNo: '国办发明电〔2024〕12号',
        days: packagedSchedule(2025)!.days.length,
      });
    });

    it('the calendar read back from the database has the official working-day counts (2024 → 251, 2025 → 248, 2026 → 248)', async () => {
      const cal = await calendarFor(t.deps, null);
      expect(workingDaysInYear(cal, 2024)).toBe(251);
      expect(workingDaysInYear(cal, 2025)).toBe(248);
      expect(workingDaysInYear(cal, 2026)).toBe(248);
    });
  });

  describe('importYear', () => {
    it('refuses a year that already exists (CALENDAR_YEAR_EXISTS) and changes nothing', async () => {
      const before = await calendarRepository.daysOfYear(t.deps.db, 2025, null);
      await expect(
        inTransaction(t.deps, (tx) => importYear(t.deps, tx, CTX, packagedSchedule(2025)!, 'test')),
      ).rejects.toMatchObject({ code: 'CALENDAR_YEAR_EXISTS' });
      expect(await calendarRepository.daysOfYear(t.deps.db, 2025, null)).toEqual(before);
    });

    it('refuses a day outside the year (CALENDAR_DAY_OUT_OF_YEAR) and stores neither the year nor its days', async () => {
      const bad: YearSchedule = {
        ...FAKE_2027,
        days: [...FAKE_2027.days, { date: '2026-12-31', kind: 'holiday', name: '跨年' }],
      };
      const auditBefore = (await verifyAuditChain(t.deps.db)).checked;
      const err = await inTransaction(t.deps, (tx) => importYear(t.deps, tx, CTX, bad, 'test')).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('CALENDAR_DAY_OUT_OF_YEAR');
      expect(await calendarRepository.year(t.deps.db, 2027)).toBeUndefined();
      expect(await calendarRepository.daysOfYear(t.deps.db, 2027)).toEqual([]);
      expect((await verifyAuditChain(t.deps.db)).checked).toBe(auditBefore);
    });

    it('refuses an invalid date and a date listed twice', async () => {
      const invalid: YearSchedule = {
        ...FAKE_2027,
        days: [{ date: '2027-02-30', kind: 'holiday', name: 'x' }],
      };
      await expect(
        inTransaction(t.deps, (tx) => importYear(t.deps, tx, CTX, invalid, 'test')),
      ).rejects.toMatchObject({
        code: 'CALENDAR_INVALID_DATE',
      });
      const twice: YearSchedule = { ...FAKE_2027, days: [...FAKE_2027.days, FAKE_2027.days[0]!] };
      await expect(
        inTransaction(t.deps, (tx) => importYear(t.deps, tx, CTX, twice, 'test')),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(await calendarRepository.year(t.deps.db, 2027)).toBeUndefined();
    });

    it('imports a new year with its days and an audit event', async () => {
      await inTransaction(t.deps, (tx) => importYear(t.deps, tx, CTX, FAKE_2027, '手工录入'));
      expect(await calendarRepository.year(t.deps.db, 2027)).toMatchObject({
        year: 2027,
        importedFrom: '手工录入',
      });
      const days = await calendarRepository.daysOfYear(t.deps.db, 2027, null);
      expect(days.map((d) => [d.date, d.kind, d.agencyId])).toEqual(
        FAKE_2027.days.map((d) => [d.date, d.kind, null]),
      );
      expect((await eventsWithAction(t.deps, 'calendar.year_added')).at(-1)!.entityId).toBe('2027');
      const cal = await calendarFor(t.deps, null);
      expect(cal.isWorkingDay('2027-01-01')).toBe(false);
      expect(cal.isWorkingDay('2027-02-20')).toBe(true);
    });
  });

  describe('deadlines on the agency calendar', () => {
    it('R.33: createDeadline computes 20 working days on the national calendar (2025-09-25 → 2025-10-29) and audits it', async () => {
      const { deptB } = await makeCounty(t.deps);
      const d = await deadline(t.deps, deptB.id, '2025-09-25');
      expect(d).toMatchObject({
        agencyId: deptB.id,
        startDate: '2025-09-25',
        workingDays: 20,
        dueDate: '2025-10-29',
        state: 'open',
      });
      expect(await reload(t.deps, d)).toEqual(d);
      const created = (await eventsWithAction(t.deps, 'deadline.created')).at(-1)!;
      expect(created.agencyId).toBe(deptB.id);
      expect(JSON.parse(created.afterJson!)).toMatchObject({ id: d.id, dueDate: '2025-10-29' });
    });

    it('createDeadline uses the local days of the agency and its ancestors, not of its siblings', async () => {
      const { gov, deptA, deptB, unitA } = await makeCounty(t.deps);
      // 2026-03-11 is a Wednesday; a local holiday for deptA only
      await inTransaction(t.deps, (tx) => setDay(t.deps, tx, CTX, day('2026-03-11', deptA.id)));
      // R.33 from Mon 2026-03-02: national due 3-30; with the local holiday 3-31
      expect((await deadline(t.deps, deptA.id, '2026-03-02')).dueDate).toBe('2026-03-31');
      expect((await deadline(t.deps, unitA.id, '2026-03-02')).dueDate).toBe('2026-03-31');
      expect((await deadline(t.deps, deptB.id, '2026-03-02')).dueDate).toBe('2026-03-30');
      expect((await deadline(t.deps, gov.id, '2026-03-02')).dueDate).toBe('2026-03-30');
      expect(await dueDate(t.deps, '2026-03-02', 20, deptA.id)).toBe('2026-03-31');
      expect(await dueDate(t.deps, '2026-03-02', 20, unitA.id)).toBe('2026-03-31');
      expect(await dueDate(t.deps, '2026-03-02', 20, deptB.id)).toBe('2026-03-30');
      expect(await dueDate(t.deps, '2026-03-02', 20, null)).toBe('2026-03-30');
    });

    it('createDeadline crossing into a year without data is refused and stores nothing', async () => {
      const { deptA } = await makeCounty(t.deps);
      await expect(deadline(t.deps, deptA.id, '2026-12-20')).rejects.toMatchObject({
        code: 'CALENDAR_YEAR_MISSING',
        detail: { year: 2027 },
      });
      expect(await t.deps.db.selectFrom('deadlines').selectAll().execute()).toEqual([]);
    });

    it('dueDate across a year without data throws CALENDAR_YEAR_MISSING — never a Monday–Friday guess', async () => {
      await expect(dueDate(t.deps, '2026-12-20', 20, null)).rejects.toMatchObject({
        code: 'CALENDAR_YEAR_MISSING',
        detail: { year: 2027 },
      });
      await expect(dueDate(t.deps, '2027-01-04', 0, null)).rejects.toMatchObject({
        code: 'CALENDAR_YEAR_MISSING',
      });
      // inside 2026 it still works
      expect(await dueDate(t.deps, '2026-12-20', 5, null)).toBe('2026-12-25');
      // once 2027 is entered (made-up data: 2027-01-01 off), the same period is computed
      await inTransaction(t.deps, (tx) => importYear(t.deps, tx, CTX, FAKE_2027, 'test'));
      // 12-21..12-25 (5) 12-28..12-31 (9) | 1-1 off | 1-4..1-8 (14) 1-11..1-15 (19) 1-18 (20)
      expect(await dueDate(t.deps, '2026-12-20', 20, null)).toBe('2027-01-18');
    });
  });

  describe('setDay recomputes the open deadlines whose window contains the date', () => {
    it('a new national holiday inside a window moves that deadline one working day later, audited; others are untouched', async () => {
      const { deptA, deptB } = await makeCounty(t.deps);
      const inWindow = await deadline(t.deps, deptA.id, '2026-03-02'); // (3-2, 3-30]
      const later = await deadline(t.deps, deptB.id, '2026-04-01'); // (4-1, 4-30]
      const startsOnDate = await deadline(t.deps, deptB.id, '2026-03-11', 5); // (3-11, 3-18]: start day excluded
      const closed = await deadline(t.deps, deptB.id, '2026-03-02');
      await inTransaction(t.deps, (tx) =>
        deadlineRepository.setState(tx, closed.id, 'closed', '2026-11-21T02:00:00.000Z'),
      );
      expect([inWindow.dueDate, later.dueDate, startsOnDate.dueDate]).toEqual([
        '2026-03-30',
        '2026-04-30',
        '2026-03-18',
      ]);
      const untouched = await Promise.all([later, startsOnDate, closed].map((d) => reload(t.deps, d)));
      const cal = await calendarFor(t.deps, null); // warm the cache: setDay must invalidate it
      expect(cal.isWorkingDay('2026-03-11')).toBe(true);

      t.clock.advance(3_600_000);
      const r = await inTransaction(t.deps, (tx) => setDay(t.deps, tx, CTX, day('2026-03-11', null)));

      expect(r.recomputed).toBe(1);
      expect(r.day).toMatchObject({ date: '2026-03-11', year: 2026, kind: 'holiday', agencyId: null });
      expect(await reload(t.deps, inWindow)).toMatchObject({
        dueDate: '2026-03-31',
        updatedAt: '2026-11-21T03:00:00.000Z',
      });
      expect(await Promise.all([later, startsOnDate, closed].map((d) => reload(t.deps, d)))).toEqual(
        untouched,
      );

      const recomputed = await eventsWithAction(t.deps, 'deadline.recomputed');
      expect(recomputed).toHaveLength(1);
      expect(recomputed[0]).toMatchObject({
        agencyId: deptA.id,
        entityType: 'application',
        entityId: String(inWindow.subjectId),
      });
      expect(JSON.parse(recomputed[0]!.beforeJson!)).toEqual({
        deadlineId: inWindow.id,
        kind: 'reply',
        dueDate: '2026-03-30',
      });
      expect(JSON.parse(recomputed[0]!.afterJson!)).toMatchObject({
        deadlineId: inWindow.id,
        kind: 'reply',
        dueDate: '2026-03-31',
      });
      expect(JSON.parse(recomputed[0]!.afterJson!).cause).toContain('2026-03-11');
      expect((await eventsWithAction(t.deps, 'calendar.day_set')).at(-1)!.entityId).toBe('2026-03-11');
      expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);

      // the cached calendar was invalidated
      expect((await calendarFor(t.deps, null)).isWorkingDay('2026-03-11')).toBe(false);
      expect(await dueDate(t.deps, '2026-03-02', 20, deptA.id)).toBe('2026-03-31');
    });

    it('Civil Code art. 203: a deadline falling on the new holiday moves to the next working day', async () => {
      const { deptA } = await makeCounty(t.deps);
      const d = await deadline(t.deps, deptA.id, '2026-03-04', 5); // 3-5, 3-6, 3-9, 3-10, 3-11
      expect(d.dueDate).toBe('2026-03-11');
      const r = await inTransaction(t.deps, (tx) => setDay(t.deps, tx, CTX, day('2026-03-11', null)));
      expect(r.recomputed).toBe(1);
      expect((await reload(t.deps, d)).dueDate).toBe('2026-03-12');
    });

    it('correcting an existing national day updates it in place and recomputes (make-up Sat 2026-10-10 → holiday)', async () => {
      const { deptA } = await makeCounty(t.deps);
      // 5 working days from Wed 2026-09-30: 10-8, 10-9, 10-10 (make-up Sat), 10-12, 10-13
      const d = await deadline(t.deps, deptA.id, '2026-09-30', 5);
      expect(d.dueDate).toBe('2026-10-13');
      const before = (await calendarRepository.findDay(t.deps.db, '2026-10-10', null))!;
      expect(before.kind).toBe('workday');
      const r = await inTransaction(t.deps, (tx) => setDay(t.deps, tx, CTX, day('2026-10-10', null)));
      expect(r.recomputed).toBe(1);
      expect(r.day.id).toBe(before.id);
      expect(r.day.kind).toBe('holiday');
      const rows = await t.deps.db
        .selectFrom('calendarDays')
        .selectAll()
        .where('date', '=', '2026-10-10')
        .execute();
      expect(rows).toHaveLength(1);
      expect((await reload(t.deps, d)).dueDate).toBe('2026-10-14');
      const ev = (await eventsWithAction(t.deps, 'calendar.day_set')).at(-1)!;
      expect(JSON.parse(ev.beforeJson!)).toMatchObject({ id: before.id, kind: 'workday' });
      expect(JSON.parse(ev.afterJson!)).toMatchObject({ id: before.id, kind: 'holiday' });
    });

    it('refuses a day in a year without data and an invalid date', async () => {
      await expect(
        inTransaction(t.deps, (tx) => setDay(t.deps, tx, CTX, day('2027-01-04', null))),
      ).rejects.toMatchObject({
        code: 'CALENDAR_YEAR_MISSING',
      });
      await expect(
        inTransaction(t.deps, (tx) => setDay(t.deps, tx, CTX, day('2026-02-30', null))),
      ).rejects.toMatchObject({
        code: 'CALENDAR_INVALID_DATE',
      });
      expect(await calendarRepository.findDay(t.deps.db, '2027-01-04', null)).toBeUndefined();
    });

    it("a local holiday for department A moves A's (and its unit's) deadlines but not B's; removeDay reverses it", async () => {
      const { deptA, deptB, unitA } = await makeCounty(t.deps);
      const a = await deadline(t.deps, deptA.id, '2026-03-02');
      const u = await deadline(t.deps, unitA.id, '2026-03-02');
      const b = await deadline(t.deps, deptB.id, '2026-03-02');
      expect([a.dueDate, u.dueDate, b.dueDate]).toEqual(['2026-03-30', '2026-03-30', '2026-03-30']);
      const bBefore = await reload(t.deps, b);

      const set = await inTransaction(t.deps, (tx) => setDay(t.deps, tx, CTX, day('2026-03-11', deptA.id)));
      expect(set.recomputed).toBe(2);
      expect(set.day.agencyId).toBe(deptA.id);
      expect((await reload(t.deps, a)).dueDate).toBe('2026-03-31');
      expect((await reload(t.deps, u)).dueDate).toBe('2026-03-31');
      expect(await reload(t.deps, b)).toEqual(bBefore);
      expect((await calendarFor(t.deps, deptA.id)).isWorkingDay('2026-03-11')).toBe(false);
      expect((await calendarFor(t.deps, deptB.id)).isWorkingDay('2026-03-11')).toBe(true);
      expect((await calendarFor(t.deps, null)).isWorkingDay('2026-03-11')).toBe(true);
      // the national row for the date is untouched (there is none)
      expect(await calendarRepository.findDay(t.deps.db, '2026-03-11', null)).toBeUndefined();

      // another agency may not remove it
      await expect(
        inTransaction(t.deps, (tx) =>
          removeDay(t.deps, tx, CTX, set.day.id, (agencyId) => agencyId === deptB.id),
        ),
      ).rejects.toMatchObject({ code: 'CALENDAR_DAY_NOT_FOUND' });
      expect(await calendarRepository.dayById(t.deps.db, set.day.id)).toBeDefined();

      const removed = await inTransaction(t.deps, (tx) => removeDay(t.deps, tx, CTX, set.day.id, () => true));
      expect(removed.recomputed).toBe(2);
      expect(await calendarRepository.dayById(t.deps.db, set.day.id)).toBeUndefined();
      expect((await reload(t.deps, a)).dueDate).toBe('2026-03-30');
      expect((await reload(t.deps, u)).dueDate).toBe('2026-03-30');
      expect(await reload(t.deps, b)).toEqual(bBefore);
      expect((await calendarFor(t.deps, deptA.id)).isWorkingDay('2026-03-11')).toBe(true);

      const recomputed = await eventsWithAction(t.deps, 'deadline.recomputed');
      expect(
        recomputed.map((e) => [
          Number(e.agencyId),
          JSON.parse(e.beforeJson!).dueDate,
          JSON.parse(e.afterJson!).dueDate,
        ]),
      ).toEqual([
        [deptA.id, '2026-03-30', '2026-03-31'],
        [unitA.id, '2026-03-30', '2026-03-31'],
        [deptA.id, '2026-03-31', '2026-03-30'],
        [unitA.id, '2026-03-31', '2026-03-30'],
      ]);
      const removedEv = (await eventsWithAction(t.deps, 'calendar.day_removed')).at(-1)!;
      expect(removedEv.agencyId).toBe(deptA.id);
      expect(JSON.parse(removedEv.beforeJson!)).toMatchObject({ id: set.day.id, date: '2026-03-11' });
      expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
    });

    it("a local 'workday' on a national holiday moves the agency's deadline earlier", async () => {
      const { deptA, deptB } = await makeCounty(t.deps);
      // 5 working days from Wed 2026-09-30: national 10-13 (see above); with the national holiday Wed 10-7
      // worked locally: 10-7, 10-8, 10-9, 10-10 (make-up Sat), 10-12
      const a = await deadline(t.deps, deptA.id, '2026-09-30', 5);
      const b = await deadline(t.deps, deptB.id, '2026-09-30', 5);
      const r = await inTransaction(t.deps, (tx) =>
        setDay(t.deps, tx, CTX, day('2026-10-07', deptA.id, 'workday')),
      );
      expect(r.recomputed).toBe(1);
      expect((await reload(t.deps, a)).dueDate).toBe('2026-10-12');
      expect((await reload(t.deps, b)).dueDate).toBe('2026-10-13');
    });

    // PostgreSQL only: SQLite has one connection, so no other request can read while a transaction is open.
    if (dialect === 'postgres') {
      it('a calendar read on another connection while setDay is uncommitted is not served stale after the commit', async () => {
        await inTransaction(t.deps, async (tx) => {
          await setDay(t.deps, tx, CTX, day('2026-03-11', null));
          // another request (e.g. GET /api/v1/calendar/due) reads the calendar before the commit
          expect((await calendarFor(t.deps, null)).isWorkingDay('2026-03-11')).toBe(true);
        });
        // after the commit every reader must see the new holiday
        expect((await calendarFor(t.deps, null)).isWorkingDay('2026-03-11')).toBe(false);
        expect(await dueDate(t.deps, '2026-03-02', 20, null)).toBe('2026-03-31');
      });
    }
  });

  describe('calendarStatus: from 1 November the dashboard warns when next year is missing', () => {
    it('2026-10-31 (Beijing time): no warning yet, although 2027 is missing', async () => {
      t.clock.set('2026-10-31T02:00:00.000Z');
      expect(await calendarStatus(t.deps)).toEqual({
        today: '2026-10-31',
        currentYearMissing: false,
        nextYear: 2027,
        missingNextYear: true,
        warnNextYear: false,
      });
    });

    it('2026-11-01 (Beijing time): warns while 2027 is missing, and stops once 2027 is imported', async () => {
      t.clock.set('2026-11-01T02:00:00.000Z');
      expect(await calendarStatus(t.deps)).toMatchObject({
        today: '2026-11-01',
        missingNextYear: true,
        warnNextYear: true,
      });
      await inTransaction(t.deps, (tx) => importYear(t.deps, tx, CTX, FAKE_2027, 'test'));
      expect(await calendarStatus(t.deps)).toEqual({
        today: '2026-11-01',
        currentYearMissing: false,
        nextYear: 2027,
        missingNextYear: false,
        warnNextYear: false,
      });
    });

    it('the day boundary is midnight in Beijing (UTC+8), not UTC', async () => {
      t.clock.set('2026-10-31T15:59:59.999Z'); // 23:59:59 on 10-31 in Beijing
      expect(await calendarStatus(t.deps)).toMatchObject({ today: '2026-10-31', warnNextYear: false });
      t.clock.set('2026-10-31T16:00:00.000Z'); // 00:00 on 11-01 in Beijing
      expect(await calendarStatus(t.deps)).toMatchObject({ today: '2026-11-01', warnNextYear: true });
    });

    it('in a year without data the current year is reported missing', async () => {
      t.clock.set('2027-03-01T02:00:00.000Z');
      expect(await calendarStatus(t.deps)).toMatchObject({
        today: '2027-03-01',
        currentYearMissing: true,
        nextYear: 2028,
        missingNextYear: true,
        warnNextYear: false,
      });
    });
  });
});
