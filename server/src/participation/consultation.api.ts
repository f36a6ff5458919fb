/** Staff routes of public comment on drafts (意见征集): consultations, comments, moderation, adoption ledger. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { StaffActor } from '../access/actor.ts';
import { inScope } from '../access/access.ts';
import { AppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import type { Adoption, Channel, ConsultationKind } from './consultation.ts';
import { MAJOR_DECISION_BASIS, NORMATIVE_BASIS } from './consultation.ts';
import { consultationPolicy } from './consultation.policy.ts';
import { presentListItem, presentStaffDetail } from './consultation.presenter.ts';
import {
  CommentParams,
  CreateBody,
  DecisionBody,
  Detail,
  GroupBody,
  LedgerBody,
  ListQuery,
  ListResponse,
  ModerationBody,
  OverdueQuery,
  OverdueResponse,
  RulesQuery,
  RulesResponse,
  StaffCommentBody,
  SummaryBody,
  UpdateBody,
} from './consultation.schemas.ts';
import {
  type ConsultationInput,
  closeConsultation,
  createConsultation,
  decideComments,
  detailForStaff,
  enterComment,
  groupComments,
  linkDecision,
  listForStaff,
  moderateComment,
  openConsultation,
  overdueSummaries,
  periodRulesFor,
  publishSummary,
  updateConsultation,
} from './consultation.service.ts';

const TAG = ['意见征集'];

function toInput(b: {
  kind: string;
  title: string;
  draftText: string;
  explanation: string;
  startsOn: string;
  endsOn: string;
  shortReason?: string | null;
  channels: string[];
  contactEmail?: string | null;
  contactAddress?: string | null;
}): ConsultationInput {
  return { ...b, kind: b.kind as ConsultationKind, channels: b.channels as Channel[] };
}

export function consultationsApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const today = () => chinaDate(deps.clock.now());
    const detail = async (actor: StaffActor, id: number) =>
      presentStaffDetail(await detailForStaff(deps, actor, id), today(), deps.config.publicBaseUrl);

    app.get(
      '/api/v1/admin/consultations',
      {
        schema: {
          tags: TAG,
          summary: '意见征集列表（本机关；监督机关可查阅被监督机关）',
          querystring: ListQuery,
          response: { 200: ListResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const r = await listForStaff(deps, actor, {
          agencyId: req.query.agencyId,
          status: req.query.status,
          limit: req.query.limit ?? 20,
          offset: req.query.offset ?? 0,
        });
        const manage = consultationPolicy.manageScope(actor, r.dir);
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
          items: r.rows.map((c) => presentListItem(c, r.dir, r.counts.get(c.id), today())),
          total: r.total,
          creatableAgencies: creatable,
        };
      },
    );

    app.get(
      '/api/v1/admin/consultations/rules',
      {
        schema: {
          tags: TAG,
          summary: '本机关规则配置中的征求意见期限',
          querystring: RulesQuery,
          response: { 200: RulesResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        if (!dir.get(req.query.agencyId) || !consultationPolicy.canRead(actor, dir, req.query.agencyId))
          throw new AppError('AGENCY_NOT_FOUND');
        const r = await periodRulesFor(deps, deps.db, req.query.agencyId);
        return {
          ...r,
          majorDecisionRule: `不少于${r.consultationMajorDecisionDays}日，依据${MAJOR_DECISION_BASIS}`,
          normativeRule: `不少于${r.consultationNormativeWorkingDays}个工作日，依据${NORMATIVE_BASIS}`,
        };
      },
    );

    app.get(
      '/api/v1/admin/consultations/overdue-summaries',
      {
        schema: {
          tags: TAG,
          summary: '征求意见结束后逾期未公布采纳情况的事项',
          querystring: OverdueQuery,
          response: { 200: OverdueResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const scope = consultationPolicy.readScope(actor, dir);
        let ids: number[] | 'all' = scope === 'all' ? 'all' : [...scope];
        if (req.query.agencyId !== undefined)
          ids = inScope(scope, req.query.agencyId) ? [req.query.agencyId] : [];
        return { items: await overdueSummaries(deps, deps.db, today(), ids) };
      },
    );

    app.post(
      '/api/v1/admin/consultations',
      {
        schema: {
          tags: TAG,
          summary: '新建意见征集（草稿）：草案全文按“第X条”自动分条',
          body: CreateBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const { agencyId, ...rest } = req.body;
        const row = await inTransaction(deps, (tx) =>
          createConsultation(deps, tx, { actor, ip: clientIp(req) }, agencyId, toInput(rest)),
        );
        return detail(actor, row.id);
      },
    );

    app.get(
      '/api/v1/admin/consultations/:id',
      {
        schema: {
          tags: TAG,
          summary: '意见征集详情：条款、意见、采纳情况台账',
          params: IdParams,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => detail(staffOf(req).actor, req.params.id),
    );

    app.put(
      '/api/v1/admin/consultations/:id',
      {
        schema: {
          tags: TAG,
          summary: '修改意见征集草稿',
          params: IdParams,
          body: UpdateBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          updateConsultation(deps, tx, { actor, ip: clientIp(req) }, req.params.id, toInput(req.body)),
        );
        return detail(actor, req.params.id);
      },
    );

    for (const [path, summary, fn] of [
      ['open', '发布意见征集（在网站公开草案并开始接收意见）', openConsultation],
      ['close', '结束意见征集（期限届满后）', closeConsultation],
    ] as const) {
      app.post(
        `/api/v1/admin/consultations/:id/${path}`,
        { schema: { tags: TAG, summary, params: IdParams, response: { 200: Detail, ...errorResponses } } },
        async (req) => {
          const { actor } = staffOf(req);
          await inTransaction(deps, (tx) => fn(deps, tx, { actor, ip: clientIp(req) }, req.params.id));
          return detail(actor, req.params.id);
        },
      );
    }

    app.post(
      '/api/v1/admin/consultations/:id/summary',
      {
        schema: {
          tags: TAG,
          summary: '公布意见采纳情况（含采纳、部分采纳、未采纳的数量）',
          params: IdParams,
          body: SummaryBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          publishSummary(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body.summaryText),
        );
        return detail(actor, req.params.id);
      },
    );

    app.put(
      '/api/v1/admin/consultations/:id/decision',
      {
        schema: {
          tags: TAG,
          summary: '关联通过的正式文件（已主动公开的信息）',
          params: IdParams,
          body: DecisionBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          linkDecision(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body.itemId),
        );
        return detail(actor, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/consultations/:id/comments',
      {
        schema: {
          tags: TAG,
          summary: '录入通过信函、邮件、座谈会、听证会收到的意见',
          params: IdParams,
          body: StaffCommentBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          enterComment(deps, tx, { actor, ip: clientIp(req) }, req.params.id, {
            ...req.body,
            channel: req.body.channel as Channel,
          }),
        );
        return detail(actor, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/consultations/:id/comments/:commentId/moderation',
      {
        schema: {
          tags: TAG,
          summary: '审核一条意见：公开、不公开原文或不予受理（理由告知提出人）',
          params: CommentParams,
          body: ModerationBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          moderateComment(
            deps,
            tx,
            { actor, ip: clientIp(req) },
            req.params.id,
            req.params.commentId,
            req.body.outcome,
            req.body.reason,
          ),
        );
        return detail(actor, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/consultations/:id/ledger',
      {
        schema: {
          tags: TAG,
          summary: '采纳情况台账：标注意见采纳、部分采纳或未采纳及理由',
          params: IdParams,
          body: LedgerBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          decideComments(
            deps,
            tx,
            { actor, ip: clientIp(req) },
            req.params.id,
            req.body.commentIds,
            req.body.adoption as Adoption,
            req.body.reason,
          ),
        );
        return detail(actor, req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/consultations/:id/groups',
      {
        schema: {
          tags: TAG,
          summary: '归并同类意见（新建分组、加入已有分组或取消归组）',
          params: IdParams,
          body: GroupBody,
          response: { 200: Detail, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const b = req.body;
        const target =
          b.groupId != null ? { groupId: b.groupId } : b.title?.trim() ? { title: b.title } : null;
        await inTransaction(deps, (tx) =>
          groupComments(deps, tx, { actor, ip: clientIp(req) }, req.params.id, b.commentIds, target),
        );
        return detail(actor, req.params.id);
      },
    );
  };
}
