import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { staffOf } from '../access/staff-of.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { todoList } from './todo.service.ts';

const Group = Type.Union([
  Type.Literal('cases'),
  Type.Literal('approvals'),
  Type.Literal('reviews'),
  Type.Literal('reports'),
  Type.Literal('rectifications'),
  Type.Literal('overdue'),
]);

const TodoResponse = Type.Object({
  today: Type.String(),
  agencyId: Type.Union([Type.Integer(), Type.Null()]),
  /** distinct things waiting (one case that is both overdue and awaiting a step counts once) */
  total: Type.Integer(),
  groups: Type.Array(
    Type.Object({
      key: Group,
      label: Type.String(),
      count: Type.Integer(),
      items: Type.Array(
        Type.Object({
          group: Group,
          action: Type.String(),
          title: Type.String(),
          href: Type.String(),
          dueOn: Type.Union([Type.String(), Type.Null()]),
          overdue: Type.Boolean(),
        }),
      ),
    }),
  ),
});

export function todoApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/admin/todo',
      {
        schema: {
          tags: ['工作台'],
          summary:
            '我的待办：待我办理的申请、待我审批、待我审核的信息、年度报告、已逾期（按当前机关的角色计算）',
          response: { 200: TodoResponse, ...errorResponses },
        },
      },
      async (req) => {
        const { actor, session } = staffOf(req);
        const today = chinaDate(deps.clock.now());
        const list = await todoList(deps, deps.db, actor, session.activeAgencyId, today);
        return { today, ...list };
      },
    );
  };
}
