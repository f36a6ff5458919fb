import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { AppError } from '../shared/app-error.ts';
import { isValidIsoDate } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IsoDate, Nullable } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { calendarPolicy } from './calendar.policy.ts';
import { calendarRepository } from './calendar.repository.ts';
import {
  calendarFor,
  calendarStatus,
  dueDate,
  importYear,
  removeDay,
  setDay,
  updateYearSource,
} from './calendar.service.ts';
import { parseHolidayNotice } from './holiday-notice.ts';
import { workingDaysInYear } from './working-days.ts';

const TAG = ['工作日历'];
const DayKind = Type.Union([Type.Literal('holiday'), Type.Literal('workday')], { title: '类型' });

export function calendarPublicApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/calendar/due',
      {
        schema: {
          tags: TAG,
          summary: '按工作日计算到期日（起算日不计入，《民法典》第二百零一条）',
          querystring: Type.Object({
            from: IsoDate('起算日期'),
            days: Type.Integer({ title: '工作日数', minimum: 0, maximum: 3650 }),
            agency: Type.Optional(Type.String({ title: '机关简码', maxLength: 40 })),
          }),
          response: {
            200: Type.Object({ due: Type.String({ description: 'YYYY-MM-DD' }) }),
            ...errorResponses,
            422: errorResponses[400],
          },
        },
      },
      async (req) => {
        if (!isValidIsoDate(req.query.from)) throw new AppError('CALENDAR_INVALID_DATE');
        let agencyId: number | null = null;
        if (req.query.agency) {
          const a = (await agencyDirectory(deps)).byCode.get(req.query.agency);
          if (!a?.active) throw new AppError('AGENCY_NOT_FOUND');
          agencyId = a.id;
        }
        return { due: await dueDate(deps, req.query.from, req.query.days, agencyId) };
      },
    );
  };
}

const DayView = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  agencyId: Nullable(Type.Integer()),
  agencyName: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export function calendarAdminApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/admin/calendar/years',
      {
        schema: {
          tags: TAG,
          summary: '已录入的年度及其来源通知',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  year: Type.Integer(),
                  sourceTitle: Type.String(),
                  sourceDocumentNo: Nullable(Type.String()),
                  sourceUrl: Nullable(Type.String()),
                  publishedOn: Nullable(Type.String()),
                  importedFrom: Type.String(),
                  holidayCount: Type.Integer(),
                  workdayCount: Type.Integer(),
                  workingDays: Type.Integer(),
                }),
              ),
              missingNextYear: Type.Boolean(),
              nextYear: Type.Integer(),
            }),
            ...errorResponses,
          },
        },
      },
      async () => {
        const [years, counts, status, cal] = await Promise.all([
          calendarRepository.years(deps.db),
          calendarRepository.countsByYear(deps.db),
          calendarStatus(deps),
          calendarFor(deps, null),
        ]);
        const count = (y: number, k: string) => counts.find((c) => c.year === y && c.kind === k)?.n ?? 0;
        return {
          items: years.map((y) => ({
            ...y,
            year: Number(y.year),
            holidayCount: count(Number(y.year), 'holiday'),
            workdayCount: count(Number(y.year), 'workday'),
            workingDays: workingDaysInYear(cal, Number(y.year)),
          })),
          missingNextYear: status.missingNextYear,
          nextYear: status.nextYear,
        };
      },
    );

    app.get(
      '/api/v1/admin/calendar/years/:year',
      {
        schema: {
          tags: TAG,
          summary: '某年度的节假日和调休上班日（含机关地方节假日）',
          params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
          querystring: Type.Object({ agencyId: Type.Optional(Type.Integer({ minimum: 1 })) }),
          response: {
            200: Type.Object({ year: Type.Integer(), days: Type.Array(DayView) }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const dir = await agencyDirectory(deps);
        const rows = await calendarRepository.daysOfYear(deps.db, req.params.year, req.query.agencyId);
        const ancestry = req.query.agencyId ? new Set(dir.ancestry(req.query.agencyId)) : null;
        return {
          year: req.params.year,
          days: rows
            .filter((r) => r.agencyId === null || !ancestry || ancestry.has(r.agencyId))
            .map((r) => ({
              ...r,
              agencyName: r.agencyId !== null ? (dir.get(r.agencyId)?.name ?? null) : null,
            })),
        };
      },
    );

    app.post(
      '/api/v1/admin/calendar/years',
      {
        schema: {
          tags: TAG,
          summary: '新增年度（录入国务院办公厅节假日安排通知）',
          body: Type.Object(
            {
              year: Type.Integer({ title: '年度', minimum: 1990, maximum: 2100 }),
              sourceTitle: Type.String({ title: '通知标题', minLength: 1, maxLength: 200 }),
              sourceDocumentNo: Type.Optional(Nullable(Type.String({ title: '文号', maxLength: 100 }))),
              sourceUrl: Type.Optional(Nullable(Type.String({ title: '通知网址', maxLength: 500 }))),
              publishedOn: Type.Optional(
                Nullable(Type.String({ title: '发布日期', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
              ),
              days: Type.Array(
                Type.Object({
                  date: IsoDate('日期'),
                  kind: DayKind,
                  name: Type.String({ title: '名称', minLength: 1, maxLength: 50 }),
                }),
                {
                  title: '节假日和调休上班日',
                  minItems: 1,
                  maxItems: 200,
                },
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ year: Type.Integer() }), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        if (!calendarPolicy.canManageYears(actor)) throw new AppError('FORBIDDEN');
        const b = req.body;
        await inTransaction(deps, (tx) =>
          importYear(
            deps,
            tx,
            { actor, ip: clientIp(req) },
            {
              year: b.year,
              sourceTitle: b.sourceTitle,
              sourceDocumentNo: b.sourceDocumentNo ?? null,
              sourceUrl: b.sourceUrl ?? null,
              publishedOn: b.publishedOn ?? null,
              days: b.days,
            },
            `手工录入：${actor.displayName}`,
          ),
        );
        reply.status(201);
        return { year: b.year };
      },
    );

    app.post(
      '/api/v1/admin/calendar/notice-preview',
      {
        schema: {
          tags: TAG,
          summary: '预览：识别粘贴的国务院办公厅节假日安排通知原文（不保存）',
          body: Type.Object(
            {
              text: Type.String({ title: '通知原文', minLength: 1, maxLength: 20000 }),
              year: Type.Optional(Nullable(Type.Integer({ title: '年度', minimum: 1990, maximum: 2100 }))),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              year: Nullable(Type.Integer()),
              sourceTitle: Nullable(Type.String()),
              sourceDocumentNo: Nullable(Type.String()),
              sections: Type.Array(
                Type.Object({
                  name: Type.String(),
                  holidays: Type.Array(Type.String()),
                  workdays: Type.Array(Type.String()),
                  statedDays: Nullable(Type.Integer()),
                }),
              ),
              days: Type.Array(Type.Object({ date: Type.String(), kind: DayKind, name: Type.String() })),
              problems: Type.Array(Type.String()),
              notes: Type.Array(Type.String()),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        // the preview of a year's entry: for whoever may enter a year (the national calendar)
        if (!calendarPolicy.canManageYears(actor)) throw new AppError('FORBIDDEN');
        return parseHolidayNotice(req.body.text, req.body.year ?? null);
      },
    );

    app.patch(
      '/api/v1/admin/calendar/years/:year',
      {
        schema: {
          tags: TAG,
          summary: '修改年度的来源通知信息',
          params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
          body: Type.Object(
            {
              sourceTitle: Type.Optional(Type.String({ title: '通知标题', minLength: 1, maxLength: 200 })),
              sourceDocumentNo: Type.Optional(Nullable(Type.String({ title: '文号', maxLength: 100 }))),
              sourceUrl: Type.Optional(Nullable(Type.String({ title: '通知网址', maxLength: 500 }))),
              publishedOn: Type.Optional(
                Nullable(Type.String({ title: '发布日期', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        if (!calendarPolicy.canManageYears(actor)) throw new AppError('FORBIDDEN');
        await inTransaction(deps, (tx) =>
          updateYearSource(deps, tx, { actor, ip: clientIp(req) }, req.params.year, req.body),
        );
        reply.status(204);
      },
    );

    app.put(
      '/api/v1/admin/calendar/days',
      {
        schema: {
          tags: TAG,
          summary: '设置或更正某一天（全国或机关地方节假日），并重新计算受影响的期限',
          body: Type.Object(
            {
              date: IsoDate('日期'),
              kind: DayKind,
              name: Type.String({ title: '名称', minLength: 1, maxLength: 50 }),
              agencyId: Type.Optional(Nullable(Type.Integer({ title: '适用机关', minimum: 1 }))),
              note: Type.Optional(Nullable(Type.String({ title: '备注', maxLength: 500 }))),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ day: DayView, recomputedDeadlines: Type.Integer() }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const agencyId = req.body.agencyId ?? null;
        if (agencyId !== null && !dir.get(agencyId)) throw new AppError('AGENCY_NOT_FOUND');
        if (!calendarPolicy.canEditDay(actor, dir, agencyId)) throw new AppError('FORBIDDEN');
        const r = await inTransaction(deps, (tx) =>
          setDay(deps, tx, { actor, ip: clientIp(req) }, { ...req.body, agencyId }),
        );
        return {
          day: { ...r.day, agencyName: agencyId !== null ? (dir.get(agencyId)?.name ?? null) : null },
          recomputedDeadlines: r.recomputed,
        };
      },
    );

    app.delete(
      '/api/v1/admin/calendar/days/:id',
      {
        schema: {
          tags: TAG,
          summary: '删除某一天的特别安排，并重新计算受影响的期限',
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          response: { 200: Type.Object({ recomputedDeadlines: Type.Integer() }), ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const r = await inTransaction(deps, (tx) =>
          removeDay(deps, tx, { actor, ip: clientIp(req) }, req.params.id, (agencyId) =>
            calendarPolicy.canEditDay(actor, dir, agencyId),
          ),
        );
        return { recomputedDeadlines: r.recomputed };
      },
    );
  };
}
