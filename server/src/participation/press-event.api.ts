/** Staff routes of press conferences and online interviews (新闻发布会 / 在线访谈 / 政策吹风会). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { StaffActor } from '../access/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import type { PressEventKind } from './press-event.ts';
import { pressEventPolicy } from './press-event.policy.ts';
import { presentPressDetail, presentPressListItem } from './press-event.presenter.ts';
import {
  PressCancelBody,
  PressCreateBody,
  PressDetail,
  PressListQuery,
  PressListResponse,
  PressModerationBody,
  PressQuestionParams,
  PressSummaryBody,
  PressTarget,
  PressTargetQuery,
  PressUpdateBody,
} from './press-event.schemas.ts';
import {
  announcePressEvent,
  cancelPressEvent,
  createPressEvent,
  holdPressEvent,
  listPressEventsForStaff,
  moderateQuestion,
  type PressEventInput,
  pressDetailForStaff,
  pressTargetFor,
  publishPressSummary,
  updatePressEvent,
} from './press-event.service.ts';

const TAG = ['新闻发布会'];

const toInput = (b: Omit<PressEventInput, 'kind'> & { kind: string }): PressEventInput => ({
  ...b,
  kind: b.kind as PressEventKind,
});

export function pressEventsApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const today = () => chinaDate(deps.clock.now());
    const detail = async (actor: StaffActor, id: number) =>
      presentPressDetail(await pressDetailForStaff(deps, actor, id), today(), deps.config.publicBaseUrl);

    app.get(
      '/api/v1/admin/press-events',
      {
        schema: {
          tags: TAG,
          summary: '新闻发布会、在线访谈列表（本机关；监督机关可查阅被监督机关）',
          querystring: PressListQuery,
          response: { 200: PressListResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const r = await listPressEventsForStaff(deps, actor, {
          agencyId: req.query.agencyId,
          status: req.query.status,
          year: req.query.year,
          limit: req.query.limit ?? 20,
          offset: req.query.offset ?? 0,
        });
        const manage = pressEventPolicy.manageScope(actor, r.dir);
        const creatable =
          manage === 'all'
            ? []
            : [...manage].flatMap((id) => {
                const a = r.dir.get(id);
                return a?.active && (a.kind === 'government' || a.kind === 'department')
                  ? [{ id: a.id, name: a.name }]
                  : [];
              });
        return {
          items: r.rows.map((e) => presentPressListItem(e, r.dir, r.counts.get(e.id))),
          total: r.total,
          creatableAgencies: creatable,
        };
      },
    );

    app.get(
      '/api/v1/admin/press-events/target',
      {
        schema: {
          tags: TAG,
          summary: '本年已举办场次与年度目标（规则配置 pressEventsPerYear）',
          querystring: PressTargetQuery,
          response: { 200: PressTarget, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        if (!dir.get(req.query.agencyId) || !pressEventPolicy.canRead(actor, dir, req.query.agencyId))
          throw new AppError('AGENCY_NOT_FOUND');
        const on = today();
        const year = req.query.year ?? Number(on.slice(0, 4));
        return {
          agencyId: req.query.agencyId,
          ...(await pressTargetFor(deps, deps.db, req.query.agencyId, year, on)),
        };
      },
    );

    app.post(
      '/api/v1/admin/press-events',
      {
        schema: {
          tags: TAG,
          summary: '新建新闻发布会或在线访谈（计划）',
          body: PressCreateBody,
          response: { 200: PressDetail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const { agencyId, ...rest } = req.body;
        const row = await inTransaction(deps, (tx) =>
          createPressEvent(deps, tx, { actor, ip: clientIp(req) }, agencyId, toInput(rest)),
        );
        return detail(actor, row.id);
      },
    );

    app.get(
      '/api/v1/admin/press-events/:id',
      {
        schema: {
          tags: TAG,
          summary: '发布会或访谈详情：发布人、网民问题、实录',
          params: IdParams,
          response: { 200: PressDetail, ...errorResponses },
        },
      },
      async (req) => detail(staffOf(req).actor, req.params.id),
    );

    app.put(
      '/api/v1/admin/press-events/:id',
      {
        schema: {
          tags: TAG,
          summary: '修改发布会或访谈（举办前）',
          params: IdParams,
          body: PressUpdateBody,
          response: { 200: PressDetail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          updatePressEvent(deps, tx, { actor, ip: clientIp(req) }, req.params.id, toInput(req.body)),
        );
        return detail(actor, req.params.id);
      },
    );

    for (const [path, summary, fn] of [
      ['announce', '发布预告（在网站公开并开始征集网民问题）', announcePressEvent],
      ['hold', '登记为已举办', holdPressEvent],
    ] as const) {
      app.post(
        `/api/v1/admin/press-events/:id/${path}`,
        {
          schema: { tags: TAG, summary, params: IdParams, response: { 200: PressDetail, ...errorResponses } },
        },
        async (req) => {
          const { actor } = staffOf(req);
          await inTransaction(deps, (tx) => fn(deps, tx, { actor, ip: clientIp(req) }, req.params.id));
          return detail(actor, req.params.id);
        },
      );
    }

    app.post(
      '/api/v1/admin/press-events/:id/cancel',
      {
        schema: {
          tags: TAG,
          summary: '取消发布会或访谈（举办前，写明原因）',
          params: IdParams,
          body: PressCancelBody,
          response: { 200: PressDetail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          cancelPressEvent(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body.reason),
        );
        return detail(actor, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/press-events/:id/summary',
      {
        schema: {
          tags: TAG,
          summary: '发布文字实录或摘要（举办后）',
          params: IdParams,
          body: PressSummaryBody,
          response: { 200: PressDetail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          publishPressSummary(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body.summaryText),
        );
        return detail(actor, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/press-events/:id/questions/:questionId/moderation',
      {
        schema: {
          tags: TAG,
          summary: '审核网民问题：采用或不予采用（写明理由）',
          params: PressQuestionParams,
          body: PressModerationBody,
          response: { 200: PressDetail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          moderateQuestion(
            deps,
            tx,
            { actor, ip: clientIp(req) },
            req.params.id,
            req.params.questionId,
            req.body.outcome,
            req.body.reason,
          ),
        );
        return detail(actor, req.params.id);
      },
    );
  };
}
