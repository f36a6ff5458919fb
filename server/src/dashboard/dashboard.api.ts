import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { calendarRepository } from '../calendar/calendar.repository.ts';
import { rulesForAgency } from '../agencies/agency.service.ts';
import { reportDueDate } from '../reporting/annual-report.ts';
import { reportingRepository } from '../reporting/reporting.repository.ts';
import { calendarPolicy } from '../calendar/calendar.policy.ts';
import { calendarStatus } from '../calendar/calendar.service.ts';
import { staffOf } from '../access/staff-of.ts';
import { inScope, readableScope } from '../access/access.ts';
import type { StaffActor } from '../access/actor.ts';
import { userRepository } from '../identity/user.repository.ts';
import { overdueWarnings } from '../oversight/index.ts';
import { pressTargetWarnings } from '../participation/index.ts';

import { archivePolicy, catalogUpdateStatus, guideReview, publicationPolicy } from '../publication/index.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';

const Warning = Type.Object({
  level: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')]),
  code: Type.String(),
  message: Type.String(),
});

/** Only the roles held in the agency being worked in count (as for the to-do list). */
function localActor(actor: StaffActor, agencyId: number): StaffActor {
  return { ...actor, isPlatformAdmin: false, grants: actor.grants.filter((g) => g.agencyId === agencyId) };
}

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
        const { actor, user, session } = staffOf(req);
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
        // from 1 November, on every staff dashboard (each disclosure office has replies due across the
        // year end), not only the administrator's: the one who can enter it is told to, the others whom to ask
        if (status.warnNextYear) {
          warnings.push({
            level: 'warning',
            code: 'CALENDAR_NEXT_YEAR_MISSING',
            message: calendarPolicy.canManageYears(actor)
              ? `${status.nextYear} 年的节假日安排尚未录入。国务院办公厅通知发布后请及时录入，否则跨年的答复期限将无法计算。`
              : `${status.nextYear} 年的节假日安排尚未录入：落在 ${status.nextYear} 年的答复期限暂无法计算，申请人查询时显示“答复期限待定”。请在国务院办公厅通知发布后提醒系统管理员及时录入，并人工掌握跨年申请的期限。`,
          });
        }
        // R.49: last year's report is due by 31 January (departments) / 31 March (governments)
        const active = session.activeAgencyId !== null ? dir.get(session.activeAgencyId) : undefined;
        if (active && (active.kind === 'government' || active.kind === 'department')) {
          const year = Number(status.today.slice(0, 4)) - 1;
          const rules = await rulesForAgency(deps, deps.db, active.id);
          const due = reportDueDate(
            year,
            active.kind === 'government',
            rules.annualReportDueDepartment,
            rules.annualReportDueGovernment,
          );
          const row = await reportingRepository.report(deps.db, active.id, year);
          const daysToDue = (Date.parse(due) - Date.parse(status.today)) / 86_400_000;
          if (row?.status !== 'published' && daysToDue < 0) {
            warnings.push({
              level: 'error',
              code: 'ANNUAL_REPORT_OVERDUE',
              message: `${active.name}${year}年政府信息公开工作年度报告应于 ${due} 前公布，目前尚未发布。`,
            });
          } else if (row?.status !== 'published' && daysToDue <= 45) {
            warnings.push({
              level: 'warning',
              code: 'ANNUAL_REPORT_DUE',
              message: `${active.name}${year}年政府信息公开工作年度报告应于 ${due} 前公布（条例第四十九条），请及时编制、审批并发布。`,
            });
          }
        }
        // R.12 / 《省司法厅政务公开意见》 "《指南》每年更新一次": the disclosure office is told when its guide needs review
        if (
          active &&
          active.kind !== 'unit' &&
          active.kind !== 'region' &&
          archivePolicy.canEditGuide(actor, dir, active.id)
        ) {
          const g = await guideReview(deps, deps.db, active.id);
          if (g.due)
            warnings.push({
              level: 'warning',
              code: 'GUIDE_REVIEW_DUE',
              message: g.reasons.includes('never_published')
                ? `${active.name}尚未发布政府信息公开指南，请在“主动公开 → 公开指南”中编制并发布（条例第十二条）。`
                : `${active.name}的政府信息公开指南需要更新：${g.reasons.includes('review_due') ? '距上次发布已满一年' : ''}${g.reasons.length === 2 ? '；' : ''}${g.reasons.includes('contact_changed') ? '机关联系信息已变更' : ''}。请在“主动公开 → 公开指南”中修订并发布新版本。`,
            });
        }
        // docs/product.md §2.2 (《县局政务公开制度汇编》 art.12): a change of a catalog entry's matter, limit or form is reflected within 20 working days
        if (
          active &&
          (active.kind === 'government' || active.kind === 'department') &&
          publicationPolicy.canManage(actor, dir, active.id)
        ) {
          const c = await catalogUpdateStatus(deps, active.id);
          if (c.overdue.length > 0)
            warnings.push({
              level: 'error',
              code: 'CATALOG_UPDATE_OVERDUE',
              message: `${active.name}主动公开基本目录有 ${c.overdue.length} 个分类的变更超过20个工作日仍未更新：${c.overdue.map((e) => `${e.name}（应于 ${e.updateDueOn} 前）`).join('、')}。请在“主动公开 → 目录管理”中更新。`,
            });
          if (c.dueSoon.length > 0)
            warnings.push({
              level: 'warning',
              code: 'CATALOG_UPDATE_DUE',
              message: `${active.name}主动公开基本目录有 ${c.dueSoon.length} 个分类的变更须在20个工作日内更新：${c.dueSoon.map((e) => `${e.name}（${e.updateDueOn} 前，剩 ${e.workingDaysLeft} 个工作日）`).join('、')}。`,
            });
        }
        // issue #11: overdue rectification escalates on the supervisor's dashboard (and the agency's own)
        if (active && active.kind !== 'unit' && active.kind !== 'region')
          warnings.push(
            ...(await overdueWarnings(deps, deps.db, localActor(actor, active.id), active.id, status.today)),
          );
        // participation/press-event.ts: the year's press conferences against the rule profile's target, pro rata by quarter
        if (active && (active.kind === 'government' || active.kind === 'department'))
          warnings.push(
            ...(await pressTargetWarnings(deps, deps.db, localActor(actor, active.id), active, status.today)),
          );
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
