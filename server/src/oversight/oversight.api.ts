/** Staff routes of 监督检查与整改 under /api/v1/admin/oversight (inspections, findings, rectification). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { DbOrTx } from '../db/create-db.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { StaffActor } from '../access/actor.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { CHECK_POINTS } from './check-point.ts';
import { INSPECTOR_ROLES, SELF_INSPECTION_ROLES } from './oversight.policy.ts';
import {
  agencyRef,
  presentEntry,
  presentFinding,
  presentPlan,
  presentPlanRef,
  presentReport,
} from './oversight.presenter.ts';
import {
  CheckPointsResponse,
  ConcludeBody,
  CreatePlanBody,
  DecisionBody,
  EvidenceFileView,
  FindingFileParams,
  UploadEvidenceBody,
  FindingBody,
  FindingResponse,
  OverdueResponse,
  PlanDetailResponse,
  PlanListQuery,
  PlanListResponse,
  RectificationDetailResponse,
  RectificationListQuery,
  RectificationListResponse,
  ReportBody,
} from './oversight.schemas.ts';
import {
  changePlanStatus,
  createPlan,
  decideReport,
  evidenceFile,
  uploadEvidence,
  listPlans,
  listRectifications,
  planDetail,
  rectificationDetail,
  recordFinding,
  submitReport,
  todayOf,
  userNames,
} from './oversight.service.ts';

const TAG = ['监督检查与整改'];
const BASE = '/api/v1/admin/oversight';

async function planDetailView(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  id: number,
): Promise<PlanDetailResponse> {
  const d = await planDetail(deps, db, actor, id);
  const dir = await agencyDirectory(deps, db.isTransaction ? db : undefined);
  const names = await userNames(db, [
    d.plan.concludedBy,
    d.plan.publishedBy,
    ...d.findings.map((f) => f.recordedBy),
    ...d.reports.flatMap((r) => [r.submittedBy, r.decidedBy]),
  ]);
  const today = todayOf(deps);
  const byFinding = new Map(d.rectifications.map((r) => [r.findingId, r]));
  return {
    plan: presentPlan(d.plan, dir, names, d.findings.length, d.visibleAgencyIds),
    findings: d.findings.map((f) => presentFinding(f, byFinding.get(f.id), dir, names, today)),
    reports: d.reports.map((r) => ({ ...presentReport(r, names), rectificationId: r.rectificationId })),
    actions: d.actions,
  };
}

async function rectificationView(
  deps: Deps,
  db: DbOrTx,
  actor: StaffActor,
  id: number,
): Promise<RectificationDetailResponse> {
  const d = await rectificationDetail(deps, db, actor, id);
  const dir = await agencyDirectory(deps, db.isTransaction ? db : undefined);
  const names = await userNames(db, [
    d.finding.recordedBy,
    ...d.reports.flatMap((r) => [r.submittedBy, r.decidedBy]),
  ]);
  const today = todayOf(deps);
  const finding = presentFinding(d.finding, d.rectification, dir, names, today);
  return {
    rectification: finding.rectification!,
    plan: presentPlanRef(d.plan, dir),
    finding,
    reports: d.reports.map((r) => presentReport(r, names)),
    actions: d.actions,
  };
}

export function oversightApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/check-points`,
      {
        schema: {
          tags: TAG,
          summary: '检查要点目录',
          response: { 200: CheckPointsResponse, ...errorResponses },
        },
      },
      async (req) => {
        staffOf(req);
        return { items: CHECK_POINTS.map((c) => ({ ...c })) };
      },
    );

    app.get(
      `${BASE}/plans`,
      {
        schema: {
          tags: TAG,
          summary: '检查计划列表（本机关组织的、检查本机关的、本机关监督的机关的）',
          querystring: PlanListQuery,
          response: { 200: PlanListResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const r = await listPlans(deps, deps.db, actor, {
          ...(req.query.status ? { status: req.query.status } : {}),
          ...(req.query.year !== undefined ? { year: req.query.year } : {}),
          limit: req.query.limit ?? 20,
          offset: req.query.offset ?? 0,
        });
        const dir = await agencyDirectory(deps);
        const names = await userNames(
          deps.db,
          r.plans.flatMap((p) => [p.concludedBy, p.publishedBy]),
        );
        const agenciesWith = (roles: readonly string[]) => [
          ...new Set(
            actor.grants
              .filter((g) => roles.includes(g.role) && dir.get(g.agencyId)?.kind !== 'unit')
              .map((g) => g.agencyId),
          ),
        ];
        return {
          items: r.plans.map((p) =>
            presentPlan(p, dir, names, r.findingCounts.get(p.id) ?? 0, r.visible.get(p.id) ?? []),
          ),
          total: r.total,
          canCreate: {
            self: agenciesWith(SELF_INSPECTION_ROLES).map((id) => agencyRef(dir, id)),
            supervision: agenciesWith(INSPECTOR_ROLES)
              .map((id) => ({
                ...agencyRef(dir, id),
                supervised: dir
                  .supervisedScope(id)
                  .filter((a) => dir.get(a)?.kind !== 'unit' && a !== id)
                  .map((a) => agencyRef(dir, a)),
              }))
              .filter((s) => s.supervised.length > 0),
          },
        };
      },
    );

    app.post(
      `${BASE}/plans`,
      {
        schema: {
          tags: TAG,
          summary: '制定检查计划（自查：本机关；督查、专项检查：本机关监督的机关）',
          body: CreatePlanBody,
          response: { 201: PlanDetailResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const view = await inTransaction(deps, async (tx) => {
          const plan = await createPlan(deps, tx, { actor, ip: clientIp(req) }, req.body);
          return planDetailView(deps, tx, actor, plan.id);
        });
        return reply.code(201).send(view);
      },
    );

    app.get(
      `${BASE}/plans/:id`,
      {
        schema: {
          tags: TAG,
          summary: '检查计划详情：发现的问题和整改任务',
          params: IdParams,
          response: { 200: PlanDetailResponse, ...errorResponses },
        },
      },
      async (req) => planDetailView(deps, deps.db, staffOf(req).actor, req.params.id),
    );

    app.post(
      `${BASE}/plans/:id/findings`,
      {
        schema: {
          tags: TAG,
          summary: '登记发现的问题并下达限期整改',
          params: IdParams,
          body: FindingBody,
          response: { 201: FindingResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const view = await inTransaction(deps, async (tx) => {
          const r = await recordFinding(deps, tx, { actor, ip: clientIp(req) }, req.params.id, {
            ...req.body,
            evidence: req.body.evidence ?? [],
          });
          const dir = await agencyDirectory(deps, tx);
          const names = await userNames(tx, [r.finding.recordedBy]);
          return { finding: presentFinding(r.finding, r.rectification, dir, names, todayOf(deps)) };
        });
        return reply.code(201).send(view);
      },
    );

    app.post(
      `${BASE}/findings/:id/files`,
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags: TAG,
          summary: '上传问题的证据文件（照片或文档：PDF、JPG、PNG、DOCX、XLSX，按文件内容识别类型）',
          params: IdParams,
          body: UploadEvidenceBody,
          response: { 201: EvidenceFileView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const data = Buffer.from(req.body.contentBase64, 'base64');
        const meta = await inTransaction(deps, (tx) =>
          uploadEvidence(deps, tx, { actor, ip: clientIp(req) }, req.params.id, {
            filename: req.body.filename,
            data,
          }),
        );
        return reply.code(201).send({
          id: meta.id,
          filename: meta.filename,
          mime: meta.mime,
          size: meta.size,
          uploadedAt: meta.uploadedAt,
          href: `${BASE}/findings/${req.params.id}/files/${meta.id}`,
        });
      },
    );

    app.get(
      `${BASE}/findings/:id/files/:fileId`,
      {
        schema: {
          tags: TAG,
          summary: '下载问题的证据文件',
          params: FindingFileParams,
        },
      },
      async (req, reply) => {
        const f = await evidenceFile(deps, deps.db, staffOf(req).actor, req.params.id, req.params.fileId);
        return reply
          .type(f.mime)
          .header(
            'content-disposition',
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(f.contentB64, 'base64'));
      },
    );

    app.post(
      `${BASE}/plans/:id/conclude`,
      {
        schema: {
          tags: TAG,
          summary: '检查结束，报请审批（填写检查情况通报）',
          params: IdParams,
          body: ConcludeBody,
          response: { 200: PlanDetailResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        return inTransaction(deps, async (tx) => {
          await changePlanStatus(deps, tx, { actor, ip: clientIp(req) }, req.params.id, 'conclude', {
            summary: req.body.summary,
          });
          return planDetailView(deps, tx, actor, req.params.id);
        });
      },
    );

    for (const [event, summary] of [
      ['reopen', '退回继续检查'],
      ['publish', '审批通过并在门户公开检查结果'],
    ] as const)
      app.post(
        `${BASE}/plans/:id/${event}`,
        {
          schema: {
            tags: TAG,
            summary,
            params: IdParams,
            response: { 200: PlanDetailResponse, ...errorResponses },
          },
        },
        async (req) => {
          const { actor } = staffOf(req);
          return inTransaction(deps, async (tx) => {
            await changePlanStatus(deps, tx, { actor, ip: clientIp(req) }, req.params.id, event);
            return planDetailView(deps, tx, actor, req.params.id);
          });
        },
      );

    app.get(
      `${BASE}/rectifications`,
      {
        schema: {
          tags: TAG,
          summary: '整改任务：本机关的（own）或本机关监督的机关的（supervised）',
          querystring: RectificationListQuery,
          response: { 200: RectificationListResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const q = req.query;
        const r = await listRectifications(deps, deps.db, actor, {
          scope: q.scope ?? 'own',
          ...(q.status ? { status: q.status } : {}),
          ...(q.overdue ? { overdue: true } : {}),
          ...(q.agencyId !== undefined ? { agencyId: q.agencyId } : {}),
          limit: q.limit ?? 20,
          offset: q.offset ?? 0,
        });
        const dir = await agencyDirectory(deps);
        const today = todayOf(deps);
        return { items: r.entries.map((e) => presentEntry(e, dir, today)), total: r.total };
      },
    );

    app.get(
      `${BASE}/rectifications/overdue`,
      {
        schema: {
          tags: TAG,
          summary: '逾期未整改：本机关监督的机关的逾期整改任务（监督机关工作台）',
          response: { 200: OverdueResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const r = await listRectifications(deps, deps.db, actor, {
          scope: 'supervised',
          overdue: true,
          limit: 100,
          offset: 0,
        });
        const dir = await agencyDirectory(deps);
        const today = todayOf(deps);
        const counts = new Map<number, number>();
        for (const e of r.entries)
          counts.set(e.rectification.ownerAgencyId, (counts.get(e.rectification.ownerAgencyId) ?? 0) + 1);
        return {
          items: r.entries.map((e) => presentEntry(e, dir, today)),
          total: r.total,
          byAgency: [...counts]
            .sort((a, b) => b[1] - a[1] || a[0] - b[0])
            .map(([id, overdue]) => ({ agency: agencyRef(dir, id), overdue })),
        };
      },
    );

    app.get(
      `${BASE}/rectifications/:id`,
      {
        schema: {
          tags: TAG,
          summary: '整改任务详情：问题、整改要求、期限和整改报告',
          params: IdParams,
          response: { 200: RectificationDetailResponse, ...errorResponses },
        },
      },
      async (req) => rectificationView(deps, deps.db, staffOf(req).actor, req.params.id),
    );

    app.post(
      `${BASE}/rectifications/:id/report`,
      {
        schema: {
          tags: TAG,
          summary: '被检查机关提交整改报告',
          params: IdParams,
          body: ReportBody,
          response: { 200: RectificationDetailResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        return inTransaction(deps, async (tx) => {
          await submitReport(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body);
          return rectificationView(deps, tx, actor, req.params.id);
        });
      },
    );

    app.post(
      `${BASE}/rectifications/:id/decision`,
      {
        schema: {
          tags: TAG,
          summary: '监督机关验收整改报告：通过或退回',
          params: IdParams,
          body: DecisionBody,
          response: { 200: RectificationDetailResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const b = req.body;
        return inTransaction(deps, async (tx) => {
          await decideReport(deps, tx, { actor, ip: clientIp(req) }, req.params.id, {
            decision: b.decision,
            ...(b.note !== undefined ? { note: b.note } : {}),
            ...(b.workingDays !== undefined ? { workingDays: b.workingDays } : {}),
          });
          return rectificationView(deps, tx, actor, req.params.id);
        });
      },
    );
  };
}
