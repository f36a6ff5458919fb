/** Staff JSON routes of an agency's notices to applicants (applicant-notice.service.ts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { NOTICE_KINDS } from './applicant-notice.ts';
import { noticeSettings, setNoticeKinds } from './applicant-notice.service.ts';

const TAG = ['依申请公开'];
const AgencyParams = Type.Object({ agencyId: Type.Integer({ title: '机关', minimum: 1 }) });
const NoticeSettingsView = Type.Object({
  agencyId: Type.Integer(),
  canEdit: Type.Boolean(),
  kinds: Type.Array(
    Type.Object({
      kind: Type.String(),
      label: Type.String(),
      enabled: Type.Boolean(),
      template: Type.String(),
    }),
  ),
});
const NoticeSettingsBody = Type.Object(
  Object.fromEntries(NOTICE_KINDS.map((k) => [k, Type.Optional(Type.Boolean({ title: k }))])) as Record<
    (typeof NOTICE_KINDS)[number],
    ReturnType<typeof Type.Optional<ReturnType<typeof Type.Boolean>>>
  >,
  { additionalProperties: false, title: '提醒开关' },
);

export function applicantNoticeApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/admin/requests/settings/:agencyId/notices',
      {
        schema: {
          tags: TAG,
          summary: '向申请人发送的办理进度提醒（短信或电子邮件）：各类提醒的开关和文字',
          params: AgencyParams,
          response: { 200: NoticeSettingsView, ...errorResponses },
        },
      },
      async (req) => noticeSettings(deps, deps.db, staffOf(req).actor, req.params.agencyId),
    );
    app.put(
      '/api/v1/admin/requests/settings/:agencyId/notices',
      {
        schema: {
          tags: TAG,
          summary: '开启或关闭各类办理进度提醒（登记、补正、收费、延期、答复）',
          params: AgencyParams,
          body: NoticeSettingsBody,
          response: { 200: NoticeSettingsView, ...errorResponses },
        },
      },
      async (req) =>
        inTransaction(deps, (tx) =>
          setNoticeKinds(
            deps,
            tx,
            { actor: staffOf(req).actor, ip: clientIp(req) },
            req.params.agencyId,
            req.body,
          ),
        ),
    );
  };
}
