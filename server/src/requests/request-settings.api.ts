/**
 * Staff JSON routes for an agency's application settings (approval chain, letter templates) and the
 * R.44 list of information several applicants asked for. Registered inside requestsAdminApi (session +
 * CSRF already required there).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { LETTER_KINDS, type LetterKind } from './letter.ts';
import { TEMPLATE_LIMITS } from './letter-template.ts';
import * as settings from './request-settings.service.ts';
import { proactiveCandidates } from './similar.service.ts';

const TAG = ['依申请公开'];

const AgencyParams = Type.Object({ agencyId: Type.Integer({ title: '机关', minimum: 1 }) });
const TemplateParams = Type.Object({
  agencyId: Type.Integer({ title: '机关', minimum: 1 }),
  kind: Type.Union(
    LETTER_KINDS.map((k) => Type.Literal(k)),
    { title: '文书类别' },
  ),
});
const TemplateBody = Type.Object(
  {
    title: Type.String({ title: '标题', minLength: 1, maxLength: TEMPLATE_LIMITS.titleMax }),
    paragraphs: Type.Array(Type.String({ title: '正文段落', maxLength: TEMPLATE_LIMITS.paragraphMax }), {
      title: '正文',
      minItems: 1,
      maxItems: TEMPLATE_LIMITS.paragraphsMax,
    }),
  },
  { additionalProperties: false },
);
const ChainBody = Type.Object(
  {
    approvalChain: Type.Array(Type.String({ title: '审批角色' }), { title: '审批环节', maxItems: 10 }),
  },
  { additionalProperties: false },
);
const Placeholder = Type.Object({ name: Type.String(), label: Type.String() });
const TemplateView = Type.Object({
  kind: Type.String(),
  label: Type.String(),
  title: Type.String(),
  paragraphs: Type.Array(Type.String()),
  isDefault: Type.Boolean(),
  defaultTemplate: Type.Object({ title: Type.String(), paragraphs: Type.Array(Type.String()) }),
  placeholders: Type.Array(Placeholder),
});
const SettingsView = Type.Object({
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  canEdit: Type.Boolean(),
  approvalChain: Type.Array(Type.String()),
  approvalChainIsDefault: Type.Boolean(),
  defaultApprovalChain: Type.Array(Type.String()),
  approvalRoles: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
  templates: Type.Array(TemplateView),
});
const PreviewView = Type.Object({ kind: Type.String(), text: Type.Array(Type.String()) });
const CandidatesView = Type.Object({
  agencyId: Type.Integer(),
  agencyName: Type.String(),
  since: Type.String(),
  today: Type.String(),
  minApplicants: Type.Integer(),
  windowMonths: Type.Integer(),
  truncated: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      description: Type.String(),
      title: Type.Union([Type.String(), Type.Null()]),
      docNo: Type.Union([Type.String(), Type.Null()]),
      applicants: Type.Integer(),
      requests: Type.Integer(),
      firstOn: Type.String(),
      lastOn: Type.String(),
      disclosedBefore: Type.Boolean(),
      applications: Type.Array(
        Type.Object({
          id: Type.Integer(),
          registrationNo: Type.String(),
          applicantName: Type.String(),
          submittedOn: Type.String(),
        }),
      ),
    }),
  ),
});

export function requestSettingsApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const ctxOf = (req: Parameters<typeof staffOf>[0]) => ({ actor: staffOf(req).actor, ip: clientIp(req) });

    app.get(
      '/api/v1/admin/requests/settings/:agencyId',
      {
        schema: {
          tags: TAG,
          summary: '本机关依申请公开设置：答复审批环节和文书模板（含可用占位符）',
          params: AgencyParams,
          response: { 200: SettingsView, ...errorResponses },
        },
      },
      async (req) => settings.getSettings(deps, deps.db, ctxOf(req), req.params.agencyId),
    );

    app.put(
      '/api/v1/admin/requests/settings/:agencyId/approval-chain',
      {
        schema: {
          tags: TAG,
          summary: '设置答复发出前的审批环节（按顺序；默认科室负责人 → 政务公开工作机构）',
          params: AgencyParams,
          body: ChainBody,
          response: { 200: SettingsView, ...errorResponses },
        },
      },
      async (req) =>
        inTransaction(deps, (tx) =>
          settings.setApprovalChain(deps, tx, ctxOf(req), req.params.agencyId, req.body.approvalChain),
        ),
    );

    app.put(
      '/api/v1/admin/requests/settings/:agencyId/templates/:kind',
      {
        schema: {
          tags: TAG,
          summary: '保存文书模板（只能使用该类文书的占位符）',
          params: TemplateParams,
          body: TemplateBody,
          response: { 200: SettingsView, ...errorResponses },
        },
      },
      async (req) =>
        inTransaction(deps, (tx) =>
          settings.saveTemplate(
            deps,
            tx,
            ctxOf(req),
            req.params.agencyId,
            req.params.kind as LetterKind,
            req.body,
          ),
        ),
    );

    app.delete(
      '/api/v1/admin/requests/settings/:agencyId/templates/:kind',
      {
        schema: {
          tags: TAG,
          summary: '文书模板恢复默认',
          params: TemplateParams,
          response: { 200: SettingsView, ...errorResponses },
        },
      },
      async (req) =>
        inTransaction(deps, (tx) =>
          settings.resetTemplate(deps, tx, ctxOf(req), req.params.agencyId, req.params.kind as LetterKind),
        ),
    );

    app.post(
      '/api/v1/admin/requests/settings/:agencyId/templates/:kind/preview',
      {
        schema: {
          tags: TAG,
          summary: '用示例数据预览文书模板（不保存）',
          params: TemplateParams,
          body: TemplateBody,
          response: { 200: PreviewView, ...errorResponses },
        },
      },
      async (req) =>
        settings.previewTemplate(
          deps,
          deps.db,
          ctxOf(req),
          req.params.agencyId,
          req.params.kind as LetterKind,
          req.body,
        ),
    );

    app.get(
      '/api/v1/admin/requests/same-information/:agencyId',
      {
        schema: {
          tags: TAG,
          summary:
            '多个申请人申请相同信息（条例第四十四条）：近12个月内至少3个不同申请人申请的信息，可考虑转为主动公开',
          params: AgencyParams,
          response: { 200: CandidatesView, ...errorResponses },
        },
      },
      async (req) => proactiveCandidates(deps, deps.db, staffOf(req).actor, req.params.agencyId),
    );
  };
}
