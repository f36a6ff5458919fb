import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { calendarRepository } from '../calendar/calendar.repository.ts';
import { calendarStatus } from '../calendar/calendar.service.ts';
import { staffOf } from '../http/auth.ts';
import { inScope, readableScope } from '../identity/access.ts';
import { userRepository } from '../identity/user.repository.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';

const Warning = Type.Object({
  level: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')]),
  code: Type.String(),
  message: Type.String(),
});

export function dashboardApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/admin/dashboard',
      {
        schema: {
          tags: ['工作台'],
          summary: '工作台概况与预警',
          response: {
            200: Type.Object({
              today: Type.String(),
              warnings: Type.Array(Warning),
              stats: Type.Object({
                agencies: Type.Integer(),
                users: Type.Integer(),
                auditEvents: Type.Integer(),
                calendarYears: Type.Array(Type.Integer()),
              }),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor, user } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const status = await calendarStatus(deps);
        const warnings: { level: 'info' | 'warning' | 'error'; code: string; message: string }[] = [];
        if (status.currentYearMissing) {
          warnings.push({
            level: 'error',
            code: 'CALENDAR_CURRENT_YEAR_MISSING',
            message: `${status.today.slice(0, 4)} 年的节假日安排尚未录入：所有工作日期限都无法计算，请立即在“工作日历”中录入。`,
          });
        }
        if (status.warnNextYear) {
          warnings.push({
            level: 'warning',
            code: 'CALENDAR_NEXT_YEAR_MISSING',
            message: `${status.nextYear} 年的节假日安排尚未录入。国务院办公厅通知发布后请及时录入，否则跨年的答复期限将无法计算。`,
          });
        }
        if (user.mustChangePassword === 1)
          warnings.push({ level: 'info', code: 'PASSWORD_CHANGE_REQUIRED', message: '请修改初始密码。' });
        const scope = readableScope(actor, dir);
        return {
          today: status.today,
          warnings,
          stats: {
            agencies: dir.all().filter((a) => a.active && inScope(scope, a.id)).length,
            users: await userRepository.count(deps.db),
            auditEvents: await auditRepository.count(deps.db),
            calendarYears: (await calendarRepository.years(deps.db)).map((y) => Number(y.year)),
          },
        };
      },
    );
  };
}
