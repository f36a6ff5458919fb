/**
 * Staff routes for an agency's subject taxonomy (national + local additions) and the list of agencies
 * that may co-produce joint information (names of active governments and departments — public data).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { addLocalSubject, subjectsOfAgency } from './local-subject.service.ts';

const TAG = ['主动公开'];
const AgencyParams = Type.Object({ agencyId: Type.Integer({ title: '机关', minimum: 1 }) });
const SubjectView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  children: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});
const LocalView = Type.Object({ code: Type.String(), parentCode: Type.String(), name: Type.String() });

export function localSubjectApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const ctxOf = (req: Parameters<typeof staffOf>[0]) => ({ actor: staffOf(req).actor, ip: clientIp(req) });

    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/subjects',
      {
        schema: {
          tags: TAG,
          summary: '本机关可用的主题分类（国务院22类及二级分类，加本机关扩展的二级分类）',
          params: AgencyParams,
          response: {
            200: Type.Object({ subjects: Type.Array(SubjectView), local: Type.Array(LocalView) }),
            ...errorResponses,
          },
        },
      },
      async (req) => subjectsOfAgency(deps, ctxOf(req), req.params.agencyId),
    );

    app.post(
      '/api/v1/admin/publication/agencies/:agencyId/subjects',
      {
        schema: {
          tags: TAG,
          summary: '扩展本机关的二级主题分类',
          params: AgencyParams,
          body: Type.Object(
            {
              parentCode: Type.String({ title: '一级分类', pattern: '^\\d{2}$' }),
              name: Type.String({ title: '分类名称', minLength: 1, maxLength: 30 }),
            },
            { additionalProperties: false },
          ),
          response: { 201: LocalView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const r = await inTransaction(deps, (tx) =>
          addLocalSubject(deps, tx, ctxOf(req), req.params.agencyId, req.body),
        );
        reply.status(201);
        return r;
      },
    );

    app.get(
      '/api/v1/admin/publication/agency-options',
      {
        schema: {
          tags: TAG,
          summary: '可选的联合制发机关（在用的人民政府和部门）',
          response: {
            200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })) }),
            ...errorResponses,
          },
        },
      },
      async () => {
        const dir = await agencyDirectory(deps);
        return {
          items: dir
            .all()
            .filter((a) => a.active && (a.kind === 'government' || a.kind === 'department'))
            .map((a) => ({ id: a.id, name: a.name })),
        };
      },
    );
  };
}
