import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { CreateUserBody, GrantBody, RevokeQuery, UpdateUserBody, UserView } from './identity.schemas.ts';
import { presentUser } from './identity.presenter.ts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../access/roles.ts';
import {
  createUser,
  getUser,
  grantRole,
  listUsers,
  resetPassword,
  revokeRole,
  unlockUser,
  updateUser,
} from './user.service.ts';

const TAG = ['用户与角色'];

export function usersApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const present = async (id: number) => {
      const { user, grants } = await getUser(deps, deps.db, id);
      return presentUser(user, grants, await agencyDirectory(deps), deps.clock.now().toISOString());
    };

    app.get(
      '/api/v1/admin/roles',
      {
        schema: {
          tags: TAG,
          summary: '角色列表',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({ role: Type.String(), label: Type.String(), description: Type.String() }),
              ),
            }),
          },
        },
      },
      async () => ({
        items: ROLES.map((role) => ({
          role,
          label: ROLE_LABELS[role],
          description: ROLE_DESCRIPTIONS[role],
        })),
      }),
    );

    app.get(
      '/api/v1/admin/users',
      {
        schema: {
          tags: TAG,
          summary: '用户列表（本人可管理的范围）',
          querystring: Type.Object({
            agencyId: Type.Optional(Type.Integer({ title: '机关', minimum: 1 })),
            q: Type.Optional(Type.String({ title: '搜索', maxLength: 50 })),
          }),
          response: { 200: Type.Object({ items: Type.Array(UserView) }), ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const rows = await listUsers(deps, { actor }, req.query);
        const dir = await agencyDirectory(deps);
        const now = deps.clock.now().toISOString();
        return { items: rows.map((r) => presentUser(r.user, r.grants, dir, now)) };
      },
    );

    app.post(
      '/api/v1/admin/users',
      {
        schema: {
          tags: TAG,
          summary: '新建用户',
          body: CreateUserBody,
          response: { 201: UserView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        const user = await inTransaction(deps, (tx) =>
          createUser(deps, tx, { actor, ip: clientIp(req) }, req.body),
        );
        reply.status(201);
        return present(user.id);
      },
    );

    app.patch(
      '/api/v1/admin/users/:id',
      {
        schema: {
          tags: TAG,
          summary: '修改用户',
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: UserView, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          updateUser(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body),
        );
        return present(req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/users/:id/reset-password',
      {
        schema: {
          tags: TAG,
          summary: '重置密码（用户下次登录须修改）',
          params: IdParams,
          body: Type.Object(
            { password: Type.String({ title: '新密码', minLength: 10, maxLength: 200 }) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          resetPassword(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body.password),
        );
        reply.status(204);
      },
    );

    app.post(
      '/api/v1/admin/users/:id/unlock',
      {
        schema: {
          tags: TAG,
          summary: '解除登录锁定',
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) => unlockUser(deps, tx, { actor, ip: clientIp(req) }, req.params.id));
        reply.status(204);
      },
    );

    app.post(
      '/api/v1/admin/users/:id/roles',
      {
        schema: {
          tags: TAG,
          summary: '授予角色',
          params: IdParams,
          body: GrantBody,
          response: { 200: UserView, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          grantRole(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.body),
        );
        return present(req.params.id);
      },
    );

    app.delete(
      '/api/v1/admin/users/:id/roles/:assignmentId',
      {
        schema: {
          tags: TAG,
          summary: '撤销角色',
          params: Type.Object({
            id: Type.Integer({ minimum: 1 }),
            assignmentId: Type.Integer({ minimum: 1 }),
          }),
          querystring: RevokeQuery,
          response: { 200: UserView, ...errorResponses },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          revokeRole(deps, tx, { actor, ip: clientIp(req) }, req.params.id, req.params.assignmentId, {
            reason: req.query.reason,
          }),
        );
        return present(req.params.id);
      },
    );
  };
}
