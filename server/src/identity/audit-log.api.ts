import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { staffOf } from '../access/staff-of.ts';
import { inScope, scopeList } from '../access/access.ts';
import { AppError } from '../shared/app-error.ts';
import { addDays } from '../shared/dates.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, Nullable } from '../shared/schema.ts';
import { ACTION_LABELS, actionLabel, ENTITY_LABELS } from '../audit/audit.ts';
import { auditPolicy } from './audit-log.policy.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';

const TAG = ['审计日志'];

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

export function auditApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/admin/audit',
      {
        schema: {
          tags: TAG,
          summary: '审计事件（按机关、记录、操作人筛选）',
          querystring: Type.Object({
            agencyId: Type.Optional(Type.Integer({ title: '机关', minimum: 1 })),
            entityType: Type.Optional(Type.String({ title: '记录类型', maxLength: 50 })),
            entityId: Type.Optional(Type.String({ title: '记录编号', maxLength: 100 })),
            actorUserId: Type.Optional(Type.Integer({ title: '操作人编号', minimum: 1 })),
            actor: Type.Optional(Type.String({ title: '操作人', maxLength: 50 })),
            action: Type.Optional(Type.String({ title: '操作', maxLength: 50 })),
            beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  occurredAt: Type.String(),
                  actorUserId: Nullable(Type.Integer()),
                  actorLabel: Type.String(),
                  agencyId: Nullable(Type.Integer()),
                  agencyName: Nullable(Type.String()),
                  entityType: Type.String(),
                  entityId: Type.String(),
                  entityLabel: Type.String(),
                  entityName: Nullable(Type.String()),
                  action: Type.String(),
                  actionLabel: Type.String(),
                  before: Type.Unknown(),
                  after: Type.Unknown(),
                  ip: Nullable(Type.String()),
                }),
              ),
              nextBeforeId: Nullable(Type.Integer()),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const scope = auditPolicy.browseScope(actor, dir);
        if (scope !== 'all' && scope.size === 0) throw new AppError('FORBIDDEN');
        let agencyIds = scopeList(scope);
        if (req.query.agencyId !== undefined) {
          if (!inScope(scope, req.query.agencyId)) throw new AppError('FORBIDDEN');
          agencyIds = [req.query.agencyId];
        }
        const limit = req.query.limit ?? 50;
        const rows = await auditRepository.list(deps.db, {
          ...req.query,
          actor: req.query.actor?.trim() || undefined,
          agencyIds,
          limit,
        });
        const wanted = new Map<string, Set<string>>();
        for (const r of rows)
          wanted.set(r.entityType, (wanted.get(r.entityType) ?? new Set()).add(r.entityId));
        const names = await auditRepository.entityNames(deps.db, wanted);
        return {
          items: rows.map((r) => ({
            id: r.id,
            occurredAt: r.occurredAt,
            actorUserId: r.actorUserId,
            actorLabel: r.actorLabel,
            agencyId: r.agencyId,
            agencyName: r.agencyId !== null ? (dir.get(r.agencyId)?.name ?? null) : null,
            entityType: r.entityType,
            entityId: r.entityId,
            entityLabel: ENTITY_LABELS[r.entityType] ?? r.entityType,
            entityName: names.get(`${r.entityType}:${r.entityId}`) ?? null,
            action: r.action,
            actionLabel: actionLabel(r.action),
            before: parse(r.beforeJson),
            after: parse(r.afterJson),
            ip: r.ip,
          })),
          nextBeforeId: rows.length === limit ? rows[rows.length - 1]!.id : null,
        };
      },
    );

    app.get(
      '/api/v1/admin/audit/meta',
      {
        schema: {
          tags: TAG,
          summary: '审计日志筛选项：对象类型与操作的中文名称',
          response: {
            200: Type.Object({
              entityTypes: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
              actions: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
            }),
          },
        },
      },
      async () => ({
        entityTypes: Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label })),
        actions: Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })),
      }),
    );

    app.get(
      '/api/v1/admin/audit/daily',
      {
        schema: {
          tags: TAG,
          summary: '近若干天每日审计事件数（本人可见范围）',
          querystring: Type.Object({
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 14 })),
          }),
          response: {
            200: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const scope = auditPolicy.browseScope(actor, await agencyDirectory(deps));
        const days = req.query.days ?? 14;
        const today = chinaDate(deps.clock.now());
        const from = addDays(today, -(days - 1));
        const counts = await auditRepository.dailyCounts(
          deps.db,
          scopeList(scope),
          `${addDays(from, -1)}T16:00:00.000Z`,
        );
        const out: { date: string; count: number }[] = [];
        for (let d = from; d <= today; d = addDays(d, 1)) out.push({ date: d, count: counts.get(d) ?? 0 });
        return out;
      },
    );

    app.get(
      '/api/v1/admin/audit/verify',
      {
        schema: {
          tags: TAG,
          summary: '校验审计日志哈希链（平台管理员）',
          response: {
            200: Type.Object({
              ok: Type.Boolean(),
              checked: Type.Integer(),
              headHash: Type.String(),
              heads: Type.Array(
                Type.Object({ chain: Type.Integer(), seq: Type.Integer(), hash: Type.String() }),
              ),
              problems: Type.Array(
                Type.Object({ eventId: Type.Integer(), problem: Type.String(), message: Type.String() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        if (!auditPolicy.canVerify(actor)) throw new AppError('FORBIDDEN');
        const r = await verifyAuditChain(deps.db);
        return { ...r, problems: r.problems.slice(0, 100) };
      },
    );
  };
}
