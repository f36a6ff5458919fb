/** Staff routes of accountability cases (责任追究 / 问责), at /api/v1/admin/oversight/accountability. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import type { FastifyRequest } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import type { DbOrTx } from '../db/create-db.ts';
import {
  ACCOUNTABILITY_STATUTE,
  DECISION_MODE_LABELS,
  DECISION_MODES,
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
  REVIEW_REQUEST_DAYS,
  SANCTIONS,
  SEVERITIES,
  SEVERITY_LABELS,
  VIOLATION_KINDS,
} from './accountability.ts';
import { accountabilityPolicy } from './accountability.policy.ts';
import { accountabilityRepository } from './accountability.repository.ts';
import { ROLE_LABELS, type Role } from '../access/roles.ts';
import { presentDetail, presentSummary } from './accountability.presenter.ts';
import {
  CandidatesQuery,
  CandidatesResponse,
  CaseDetail,
  CaseListResponse,
  CaseQuery,
  CatalogResponse,
  CloseBody,
  DecisionBody,
  OpenCaseBody,
  PrefillQuery,
  ReviewDecisionBody,
  ReviewRequestBody,
  StatementBody,
} from './accountability.schemas.ts';
import {
  closeCase,
  type Ctx,
  decideCase,
  decideReview,
  listCases,
  openCase,
  readCase,
  recordStatement,
  requestReview,
  startInvestigation,
  trailFacts,
  userNames,
} from './accountability.service.ts';
import { todayOf } from './oversight.service.ts';
import { decisionLetterDocx } from './accountability.docx.ts';
import { DOCX_MIME, sendDownload } from '../shared/download.ts';

const TAG = ['监督考核'];
const BASE = '/api/v1/admin/oversight/accountability';

const ctxOf = (req: FastifyRequest): Ctx => ({ actor: staffOf(req).actor, ip: clientIp(req) });

/** The case as the actor sees it, read (and the read audited) in the transaction `tx`. */
export async function caseView(deps: Deps, tx: DbOrTx, ctx: Ctx, id: number) {
  const f = await readCase(deps, tx, ctx, id);
  const names = await userNames(tx, [...f.persons.map((p) => p.userId), f.row.decidedBy, f.row.reviewedBy]);
  return presentDetail(f.row, f.persons, f.dir, names, ctx.actor, todayOf(deps));
}

export function accountabilityApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/catalog`,
      {
        schema: {
          tags: TAG,
          summary: '问责目录：违规情形、处理方式、情节、责任区分',
          response: { 200: CatalogResponse, ...errorResponses },
        },
      },
      async (req) => {
        staffOf(req);
        const named = <T extends string>(xs: readonly T[], labels: Record<T, string>) =>
          xs.map((code) => ({ code, label: labels[code] }));
        return {
          violations: VIOLATION_KINDS.map((k) => ({ ...k })),
          sanctions: SANCTIONS.map((s) => ({ ...s })),
          severities: named(SEVERITIES, SEVERITY_LABELS),
          decisionModes: named(DECISION_MODES, DECISION_MODE_LABELS),
          personRoles: named(PERSON_ROLES, PERSON_ROLE_LABELS),
          reviewOutcomes: named(REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS),
          reviewRequestDays: REVIEW_REQUEST_DAYS,
          statute: ACCOUNTABILITY_STATUTE,
        };
      },
    );

    app.get(
      `${BASE}/prefill`,
      {
        schema: {
          tags: TAG,
          summary: '从审计记录预填拟稿人和审批人（立案前）',
          querystring: PrefillQuery,
          response: { 200: CaseDetail.properties.trail.anyOf[0]!, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const q = req.query;
        const dir = await agencyDirectory(deps, deps.db);
        if (!accountabilityPolicy.canHandle(actor, dir, q.supervisorAgencyId, q.agencyId))
          throw new AppError('ACCOUNTABILITY_FORBIDDEN');
        return trailFacts(deps.db, q.linkedType, q.linkedId);
      },
    );

    app.get(
      `${BASE}/candidates`,
      {
        schema: {
          tags: TAG,
          summary: '被监督机关的工作人员（立案时选择被问责人）',
          querystring: CandidatesQuery,
          response: { 200: CandidatesResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const q = req.query;
        const dir = await agencyDirectory(deps, deps.db);
        if (!accountabilityPolicy.canHandle(actor, dir, q.supervisorAgencyId, q.agencyId))
          throw new AppError('ACCOUNTABILITY_FORBIDDEN');
        const rows = await accountabilityRepository.staffList(deps.db, dir.ownUnits(q.agencyId));
        const byUser = new Map<number, { userId: number; name: string; roles: string[] }>();
        for (const r of rows) {
          const u = byUser.get(r.userId) ?? { userId: r.userId, name: r.name, roles: [] };
          const label = ROLE_LABELS[r.role as Role] ?? r.role;
          if (!u.roles.includes(label)) u.roles.push(label);
          byUser.set(r.userId, u);
        }
        return { items: [...byUser.values()] };
      },
    );

    app.get(
      BASE,
      {
        schema: {
          tags: TAG,
          summary: '问责案件（监督机关办理的案件和本人被问责的案件；每次查看均记入审计日志）',
          querystring: CaseQuery,
          response: { 200: CaseListResponse, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return inTransaction(deps, async (tx) => {
          const q = req.query;
          const r = await listCases(deps, tx, ctx, {
            ...(q.status ? { status: q.status } : {}),
            limit: q.limit ?? 50,
            offset: q.offset ?? 0,
          });
          const names = await userNames(
            tx,
            r.persons.map((p) => p.userId),
          );
          return {
            items: r.rows.map((row) => presentSummary(row, r.persons, r.dir, names)),
            total: r.total,
            offices: accountabilityPolicy
              .officeAgencies(ctx.actor)
              .filter((id) => r.dir.supervisedScope(id).length > 0)
              .map((id) => ({
                id,
                name: r.dir.get(id)?.name ?? '',
                agencies: r.dir
                  .supervisedScope(id)
                  .filter((a) => a !== id && r.dir.get(a)?.kind !== 'unit')
                  .map((a) => ({ id: a, name: r.dir.get(a)?.name ?? '' })),
              })),
          };
        });
      },
    );

    app.post(
      BASE,
      {
        schema: {
          tags: TAG,
          summary: '立案（监督机关；来源为监督检查问题、违规发现、投诉或直接立案）',
          body: OpenCaseBody,
          response: { 201: CaseDetail, ...errorResponses },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const view = await inTransaction(deps, async (tx) => {
          const id = await openCase(deps, tx, ctx, req.body);
          return caseView(deps, tx, ctx, id);
        });
        return reply.code(201).send(view);
      },
    );

    app.get(
      `${BASE}/:id`,
      {
        schema: {
          tags: TAG,
          summary: '问责案件详情（查看记入审计日志）',
          params: IdParams,
          response: { 200: CaseDetail, ...errorResponses },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        return inTransaction(deps, (tx) => caseView(deps, tx, ctx, req.params.id));
      },
    );

    app.get(
      `${BASE}/:id/decision.docx`,
      {
        schema: {
          tags: TAG,
          summary: '下载问责决定书（DOCX；监督机关和被问责人本人；下载记入审计日志）',
          params: IdParams,
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const view = await inTransaction(deps, (tx) => caseView(deps, tx, ctx, req.params.id));
        if (!view.permissions.downloadLetter)
          throw new AppError('ACCOUNTABILITY_INVALID_TRANSITION', {
            message: '尚未作出问责决定，没有问责决定书',
          });
        return sendDownload(
          reply,
          DOCX_MIME,
          `问责决定书-${view.caseNo}.docx`,
          await decisionLetterDocx(view),
        );
      },
    );

    const post = <B extends TSchema>(
      suffix: string,
      summary: string,
      body: B,
      run: (tx: DbOrTx, ctx: Ctx, id: number, body: Static<B>) => Promise<void>,
    ) =>
      app.post(
        `${BASE}/:id/${suffix}`,
        {
          schema: {
            tags: TAG,
            summary,
            params: IdParams,
            body,
            response: { 200: CaseDetail, ...errorResponses },
          },
        },
        async (req) => {
          const ctx = ctxOf(req);
          const id = (req.params as { id: number }).id;
          return inTransaction(deps, async (tx) => {
            await run(tx, ctx, id, req.body as Static<B>);
            return caseView(deps, tx, ctx, id);
          });
        },
      );

    const Empty = Type.Object({}, { additionalProperties: false });
    post('investigate', '开始调查取证', Empty, (tx, ctx, id) => startInvestigation(deps, tx, ctx, id));
    post(
      'statements',
      '登记被问责人的陈述和申辩（本人提交或监督机关记录）',
      StatementBody,
      (tx, ctx, id, b) => recordStatement(deps, tx, ctx, id, b),
    );
    post('decision', '作出问责决定（按行为的决定方式区分责任）', DecisionBody, (tx, ctx, id, b) =>
      decideCase(deps, tx, ctx, id, b),
    );
    post(
      'review-request',
      '申请复核（被问责人本人，送达之日起的期限内；复核期间决定不停止执行）',
      ReviewRequestBody,
      (tx, ctx, id, b) => requestReview(deps, tx, ctx, id, b),
    );
    post(
      'review-decision',
      '作出复核结论（维持、纠正或撤销；另一人办理）',
      ReviewDecisionBody,
      (tx, ctx, id, b) => decideReview(deps, tx, ctx, id, b),
    );
    post('close', '结案（复核期满或复核后；登记单位书面整改报告）', CloseBody, (tx, ctx, id, b) =>
      closeCase(deps, tx, ctx, id, b),
    );
  };
}
