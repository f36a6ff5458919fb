import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { readableScope, inScope } from '../access/access.ts';
import { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { agencyRepository } from './agency.repository.ts';
import {
  AgencyPublicView,
  AgencyStaffView,
  CreateAgencyBody,
  CreateRuleProfileBody,
  RuleProfileView,
  UpdateAgencyBody,
  UpdateRuleProfileBody,
} from './agency.schemas.ts';
import { presentAgencyForPublic, presentAgencyForStaff, presentRuleProfile } from './agency.presenter.ts';
import {
  addSupervision,
  agencyDirectory,
  createAgency,
  createRuleProfile,
  removeSupervision,
  updateAgency,
  updateRuleProfile,
} from './agency.service.ts';

const TAG = ['机关'];

export function agenciesPublicApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/agencies',
      {
        schema: {
          tags: TAG,
          summary: '受理政府信息公开申请的机关列表',
          querystring: Type.Object({ all: Type.Optional(Type.Boolean({ title: '包含不受理申请的机关' })) }),
          response: { 200: Type.Object({ items: Type.Array(AgencyPublicView) }) },
        },
      },
      async (req) => {
        const dir = await agencyDirectory(deps);
        const rows = (await agencyRepository.all(deps.db)).filter(
          (r) => r.active === 1 && r.kind !== 'unit' && (req.query.all || r.acceptsApplications === 1),
        );
        return { items: rows.map((r) => presentAgencyForPublic(r, dir)) };
      },
    );
  };
}

export function agenciesAdminApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const profileNames = async () =>
      new Map((await agencyRepository.ruleProfiles(deps.db)).map((p) => [p.id, p.name]));

    app.get(
      '/api/v1/admin/agencies',
      {
        schema: {
          tags: TAG,
          summary: '机关列表（本人可见范围）',
          security: [{ session: [] }],
          response: { 200: Type.Object({ items: Type.Array(AgencyStaffView) }), ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const scope = readableScope(actor, dir);
        const names = await profileNames();
        const rows = (await agencyRepository.all(deps.db)).filter((r) => inScope(scope, r.id));
        return { items: rows.map((r) => presentAgencyForStaff(r, dir, names)) };
      },
    );

    app.get(
      '/api/v1/admin/agencies/:id',
      {
        schema: {
          tags: TAG,
          summary: '机关详情',
          params: IdParams,
          response: { 200: AgencyStaffView, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const row = await agencyRepository.byId(deps.db, req.params.id);
        if (!row || !inScope(readableScope(actor, dir), row.id)) throw new AppError('AGENCY_NOT_FOUND');
        return presentAgencyForStaff(row, dir, await profileNames());
      },
    );

    app.post(
      '/api/v1/admin/agencies',
      {
        schema: {
          tags: TAG,
          summary: '新建机关或内设机构',
          body: CreateAgencyBody,
          response: { 201: AgencyStaffView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const row = await inTransaction(deps, (tx) =>
          createAgency(deps, tx, { actor, ip: clientIp(req) }, req.body),
        );
        reply.status(201);
        return presentAgencyForStaff(row, await agencyDirectory(deps), await profileNames());
      },
    );

    app.patch(
      '/api/v1/admin/agencies/:id',
      {
        schema: {
          tags: TAG,
          summary: '修改机关',
          params: IdParams,
          body: UpdateAgencyBody,
          response: { 200: AgencyStaffView, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const row = await inTransaction(deps, (tx) =>
          updateAgency(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body),
        );
        return presentAgencyForStaff(row, await agencyDirectory(deps), await profileNames());
      },
    );

    app.post(
      '/api/v1/admin/agencies/:id/supervisions',
      {
        schema: {
          tags: TAG,
          summary: '新增监督关系（本机关监督另一机关）',
          params: IdParams,
          body: Type.Object({ supervisedId: Type.Integer({ title: '被监督机关', minimum: 1 }) }),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          addSupervision(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body.supervisedId),
        );
        reply.status(204);
      },
    );

    app.delete(
      '/api/v1/admin/agencies/:id/supervisions/:supervisedId',
      {
        schema: {
          tags: TAG,
          summary: '撤销监督关系',
          params: Type.Object({
            id: Type.Integer({ minimum: 1 }),
            supervisedId: Type.Integer({ minimum: 1 }),
          }),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          removeSupervision(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.params.supervisedId),
        );
        reply.status(204);
      },
    );

    app.get(
      '/api/v1/admin/rule-profiles',
      {
        schema: {
          tags: ['规则配置'],
          summary: '规则配置列表',
          response: { 200: Type.Object({ items: Type.Array(RuleProfileView) }), ...errorResponses },
        },
      },
      async () => {
        const usage = await agencyRepository.ruleProfileUsage(deps.db);
        return {
          items: (await agencyRepository.ruleProfiles(deps.db)).map((p) => presentRuleProfile(p, usage)),
        };
      },
    );

    app.post(
      '/api/v1/admin/rule-profiles',
      {
        schema: {
          tags: ['规则配置'],
          summary: '新建规则配置',
          body: CreateRuleProfileBody,
          response: { 201: RuleProfileView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const row = await inTransaction(deps, (tx) =>
          createRuleProfile(deps, tx, { actor, ip: clientIp(req) }, req.body),
        );
        reply.status(201);
        return presentRuleProfile(row, await agencyRepository.ruleProfileUsage(deps.db));
      },
    );

    app.patch(
      '/api/v1/admin/rule-profiles/:id',
      {
        schema: {
          tags: ['规则配置'],
          summary: '修改规则配置',
          params: IdParams,
          body: UpdateRuleProfileBody,
          response: { 200: RuleProfileView, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const row = await inTransaction(deps, (tx) =>
          updateRuleProfile(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body),
        );
        return presentRuleProfile(row, await agencyRepository.ruleProfileUsage(deps.db));
      },
    );
  };
}
