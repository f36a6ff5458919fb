/** JSON routes of the publication module: staff (/api/v1/admin/publication/…) and public (/api/v1/publication/…). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import type { Role } from '../access/roles.ts';
import { searchItems } from '../search/index.ts';
import { AppError } from '../shared/app-error.ts';
import { archiveAdminApi } from './archive.api.ts';
import { retentionFilter } from './retention.service.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { ITEM_STATUS_LABELS, NON_DISCLOSURE_GROUNDS } from './information-item.ts';
import { publicationPolicy } from './publication.policy.ts';
import { presentItemForStaff } from './publication.presenter.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import {
  AttachmentBody,
  CatalogEntryBody,
  ConsentBody,
  DecisionBody,
  FindingView,
  ItemBody,
  ItemStaffView,
  NoteBody,
  OfficeReviewBody,
  ReasonBody,
  RevokeBody,
  ScanBody,
  SettingsBody,
  SubmitBody,
  ValidityBody,
} from './publication.schemas.ts';
import {
  addAttachment,
  approveItem,
  changeValidity,
  createItem,
  ensureCatalog,
  leaderReview,
  officeReview,
  overrideScan,
  type QueueName,
  queue,
  recordJointConsent,
  removeAttachment,
  resumeReview,
  revokeItem,
  saveCatalogEntry,
  scanDraft,
  settingsFor,
  submitItem,
  updateItem,
  updateSettings,
} from './publication.service.ts';
import { STATE_COUNCIL_SUBJECTS } from './subjects.ts';

const TAG = ['主动公开'];
const QUEUES = [
  'drafts',
  'leader_review',
  'office_review',
  'approval',
  'due_soon',
  'overdue',
  'published',
  'all',
] as const;
const AgencyParams = Type.Object({ agencyId: Type.Integer({ title: '机关', minimum: 1 }) });
const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  attachmentId: Type.Integer({ minimum: 1 }),
});
const CatalogEntryView = Type.Object({
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  code: Type.String(),
  name: Type.String(),
  matter: Type.Union([Type.String(), Type.Null()]),
  timeLimit: Type.String(),
  form: Type.String(),
  statutoryItem: Type.Union([Type.Integer(), Type.Null()]),
  permanent: Type.Boolean(),
  changedOn: Type.Union([Type.String(), Type.Null()]),
  updateDueOn: Type.Union([Type.String(), Type.Null()]),
  catalogUpdatedOn: Type.Union([Type.String(), Type.Null()]),
});
const presentEntry = (e: Awaited<ReturnType<typeof repo.catalog>>[number]) => ({
  id: e.id,
  parentId: e.parentId,
  code: e.code,
  name: e.name,
  matter: e.matter,
  timeLimit: e.timeLimit,
  form: e.form,
  statutoryItem: e.statutoryItem,
  permanent: e.permanent === 1,
  changedOn: e.changedOn,
  updateDueOn: e.updateDueOn,
  catalogUpdatedOn: e.catalogUpdatedOn,
});

export function publicationAdminApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const ctxOf = (req: Parameters<typeof staffOf>[0]) => ({ actor: staffOf(req).actor, ip: clientIp(req) });
    const full = async (id: number) => {
      const item = (await repo.itemById(deps.db, id))!;
      return presentItemForStaff(item, await agencyDirectory(deps), {
        attachments: await repo.attachments(deps.db, id),
        reviews: await repo.reviews(deps.db, id),
        joint: await repo.jointAgencies(deps.db, id),
      });
    };
    const readable = async (req: Parameters<typeof staffOf>[0], id: number) => {
      const item = await repo.itemById(deps.db, id);
      if (!item || !publicationPolicy.canRead(staffOf(req).actor, await agencyDirectory(deps), item))
        throw new AppError('ITEM_NOT_FOUND');
      return item;
    };

    app.get(
      '/api/v1/admin/publication/meta',
      {
        schema: {
          tags: TAG,
          summary: '主题分类、办理状态、不予公开理由等选项',
          response: { 200: Type.Object({}, { additionalProperties: true }), ...errorResponses },
        },
      },
      async () => ({
        subjects: STATE_COUNCIL_SUBJECTS,
        statuses: ITEM_STATUS_LABELS,
        grounds: NON_DISCLOSURE_GROUNDS,
      }),
    );

    app.get(
      '/api/v1/admin/publication/items',
      {
        schema: {
          tags: TAG,
          summary: '公开信息列表（按工作队列）',
          querystring: Type.Object({
            queue: Type.Optional(
              Type.Union(
                QUEUES.map((q) => Type.Literal(q)),
                { title: '队列' },
              ),
            ),
            page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
            pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          }),
          response: {
            200: Type.Object({ total: Type.Integer(), items: Type.Array(ItemStaffView) }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const r = await queue(
          deps,
          ctxOf(req),
          (req.query.queue ?? 'all') as QueueName,
          req.query.page ?? 1,
          req.query.pageSize ?? 20,
        );
        const dir = await agencyDirectory(deps);
        return { total: r.total, items: r.rows.map((i) => presentItemForStaff(i, dir)) };
      },
    );

    app.get(
      '/api/v1/admin/publication/queue-counts',
      {
        schema: {
          tags: TAG,
          summary: '各工作队列的数量',
          response: { 200: Type.Record(Type.String(), Type.Integer()), ...errorResponses },
        },
      },
      async (req) => {
        const out: Record<string, number> = {};
        for (const q of QUEUES)
          if (q !== 'all' && q !== 'published') out[q] = (await queue(deps, ctxOf(req), q, 1, 1)).total;
        return out;
      },
    );

    app.get(
      '/api/v1/admin/publication/items/:id',
      {
        schema: {
          tags: TAG,
          summary: '公开信息详情',
          params: IdParams,
          response: { 200: ItemStaffView, ...errorResponses },
        },
      },
      async (req) => {
        await readable(req, req.params.id);
        return full(req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/publication/items',
      {
        schema: {
          tags: TAG,
          summary: '新建公开信息（草稿）',
          body: ItemBody,
          response: { 201: ItemStaffView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const item = await inTransaction(deps, (tx) => createItem(deps, tx, ctxOf(req), req.body));
        reply.status(201);
        return full(item.id);
      },
    );

    app.put(
      '/api/v1/admin/publication/items/:id',
      {
        schema: {
          tags: TAG,
          summary: '修改草稿',
          params: IdParams,
          body: ItemBody,
          response: { 200: ItemStaffView, ...errorResponses },
        },
      },
      async (req) => {
        await inTransaction(deps, (tx) => updateItem(deps, tx, ctxOf(req), req.params.id, req.body));
        return full(req.params.id);
      },
    );

    app.post(
      '/api/v1/admin/publication/scan',
      {
        schema: {
          tags: TAG,
          summary: '敏感信息检查（编辑时实时提示，不保存）',
          body: ScanBody,
          response: { 200: Type.Object({ findings: Type.Array(FindingView) }), ...errorResponses },
        },
      },
      async (req) => {
        let attachmentTexts: { name: string; text: string }[] = [];
        if (req.body.itemId) {
          await readable(req, req.body.itemId);
          attachmentTexts = (await repo.attachments(deps.db, req.body.itemId))
            .filter((a) => a.publicVisible === 1)
            .map((a) => ({ name: a.name, text: a.text }));
        }
        return {
          findings: scanDraft({ title: req.body.title, bodyHtml: req.body.bodyHtml, attachmentTexts }),
        };
      },
    );

    app.post(
      '/api/v1/admin/publication/items/:id/attachments',
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags: TAG,
          summary: '上传附件（PDF、DOCX、XLSX、JPG、PNG，不超过 20 MB）',
          params: IdParams,
          body: AttachmentBody,
          response: { 201: ItemStaffView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const bytes = Buffer.from(req.body.contentBase64, 'base64');
        await inTransaction(deps, (tx) =>
          addAttachment(deps, tx, ctxOf(req), req.params.id, {
            name: req.body.name,
            bytes,
            publicVisible: req.body.publicVisible,
          }),
        );
        reply.status(201);
        return full(req.params.id);
      },
    );

    app.delete(
      '/api/v1/admin/publication/items/:id/attachments/:attachmentId',
      {
        schema: {
          tags: TAG,
          summary: '删除附件',
          params: AttachmentParams,
          response: { 200: ItemStaffView, ...errorResponses },
        },
      },
      async (req) => {
        await inTransaction(deps, (tx) =>
          removeAttachment(deps, tx, ctxOf(req), req.params.id, req.params.attachmentId),
        );
        return full(req.params.id);
      },
    );

    app.get(
      '/api/v1/admin/publication/items/:id/attachments/:attachmentId',
      { schema: { tags: TAG, summary: '下载附件（工作人员）', params: AttachmentParams } },
      async (req, reply) => {
        await readable(req, req.params.id);
        const a = await repo.attachment(deps.db, req.params.attachmentId);
        if (!a || a.itemId !== req.params.id) throw new AppError('ATTACHMENT_NOT_FOUND');
        return reply
          .type(a.mime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.name)}`)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(a.contentB64, 'base64'));
      },
    );

    const action = <B>(
      path: string,
      summary: string,
      body: object,
      run: (
        tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
        ctx: ReturnType<typeof ctxOf>,
        id: number,
        b: B,
      ) => Promise<unknown>,
    ) => {
      app.post(
        `/api/v1/admin/publication/items/:id/${path}`,
        {
          schema: {
            tags: TAG,
            summary,
            params: IdParams,
            body,
            response: { 200: ItemStaffView, ...errorResponses },
          },
        },
        async (req) => {
          await inTransaction(deps, (tx) => run(tx, ctxOf(req), req.params.id, req.body as B));
          return full(req.params.id);
        },
      );
    };
    action<Static<typeof SubmitBody>>('submit', '提交保密审查（附拟稿人意见）', SubmitBody, (tx, c, id, b) =>
      submitItem(deps, tx, c, id, b),
    );
    action<Static<typeof DecisionBody>>('leader-review', '分管领导审核', DecisionBody, (tx, c, id, b) =>
      leaderReview(deps, tx, c, id, { decision: b.decision, comment: b.comment ?? null }),
    );
    action<Static<typeof OfficeReviewBody>>(
      'office-review',
      '保密审查办公室结论',
      OfficeReviewBody,
      (tx, c, id, b) =>
        officeReview(deps, tx, c, id, {
          conclusion: b.conclusion,
          basis: b.basis ?? null,
          reason: b.reason ?? null,
        }),
    );
    action<Static<typeof NoteBody>>('resume-review', '报审或暂缓后恢复审查', NoteBody, (tx, c, id, b) =>
      resumeReview(deps, tx, c, id, b),
    );
    action<Static<typeof ReasonBody>>('override-scan', '登记敏感信息放行理由', ReasonBody, (tx, c, id, b) =>
      overrideScan(deps, tx, c, id, b),
    );
    action<Static<typeof DecisionBody>>('approve', '审议审批', DecisionBody, (tx, c, id, b) =>
      approveItem(deps, tx, c, id, { decision: b.decision, comment: b.comment ?? null }),
    );
    action<Static<typeof RevokeBody>>('revoke', '撤回（附说明）', RevokeBody, (tx, c, id, b) =>
      revokeItem(deps, tx, c, id, b),
    );
    action<Static<typeof ValidityBody>>(
      'validity',
      '变更有效性（修改、废止、失效）',
      ValidityBody,
      (tx, c, id, b) =>
        changeValidity(deps, tx, c, id, {
          validity: b.validity,
          note: b.note,
          replacedById: b.replacedById ?? null,
          effectiveOn: b.effectiveOn ?? null,
        }),
    );
    action<Static<typeof ConsentBody>>(
      'joint-consents',
      '登记联合制发机关的书面同意',
      ConsentBody,
      (tx, c, id, b) => recordJointConsent(deps, tx, c, id, b),
    );

    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/catalog',
      {
        schema: {
          tags: TAG,
          summary: '主动公开基本目录',
          params: AgencyParams,
          response: { 200: Type.Object({ items: Type.Array(CatalogEntryView) }), ...errorResponses },
        },
      },
      async (req) => {
        const dir = await agencyDirectory(deps);
        if (
          !publicationPolicy.canRead(staffOf(req).actor, dir, {
            agencyId: req.params.agencyId,
            scope: 'public',
          })
        )
          throw new AppError('FORBIDDEN');
        await inTransaction(deps, (tx) => ensureCatalog(deps, tx, req.params.agencyId));
        return { items: (await repo.catalog(deps.db, req.params.agencyId)).map(presentEntry) };
      },
    );
    app.post(
      '/api/v1/admin/publication/agencies/:agencyId/catalog',
      {
        schema: {
          tags: TAG,
          summary: '新增目录分类',
          params: AgencyParams,
          body: CatalogEntryBody,
          response: { 201: CatalogEntryView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await inTransaction(deps, (tx) =>
          saveCatalogEntry(deps, tx, ctxOf(req), req.params.agencyId, null, {
            ...req.body,
            matter: req.body.matter ?? null,
          }),
        );
        reply.status(201);
        return presentEntry(row);
      },
    );
    app.put(
      '/api/v1/admin/publication/agencies/:agencyId/catalog/:entryId',
      {
        schema: {
          tags: TAG,
          summary: '修改目录分类（事项、时限或方式变更须在20个工作日内更新）',
          params: Type.Object({
            agencyId: Type.Integer({ minimum: 1 }),
            entryId: Type.Integer({ minimum: 1 }),
          }),
          body: CatalogEntryBody,
          response: { 200: CatalogEntryView, ...errorResponses },
        },
      },
      async (req) =>
        presentEntry(
          await inTransaction(deps, (tx) =>
            saveCatalogEntry(deps, tx, ctxOf(req), req.params.agencyId, req.params.entryId, {
              ...req.body,
              matter: req.body.matter ?? null,
            }),
          ),
        ),
    );

    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/settings',
      {
        schema: {
          tags: TAG,
          summary: '索引号规则和审批流程',
          params: AgencyParams,
          response: { 200: SettingsBody, ...errorResponses },
        },
      },
      async (req) => settingsFor(deps.db, req.params.agencyId),
    );
    app.put(
      '/api/v1/admin/publication/agencies/:agencyId/settings',
      {
        schema: {
          tags: TAG,
          summary: '修改索引号规则和审批流程',
          params: AgencyParams,
          body: SettingsBody,
          response: { 200: SettingsBody, ...errorResponses },
        },
      },
      async (req) =>
        inTransaction(deps, (tx) =>
          updateSettings(deps, tx, ctxOf(req), req.params.agencyId, {
            indexPattern: req.body.indexPattern,
            approvalChain: req.body.approvalChain as Role[],
          }),
        ),
    );

    // guide versions, filing, archive volumes, hand-over log (archive.api.ts)
    await app.register(archiveAdminApi(deps));
  };
}

/** Public JSON: search and published items only (the same public rows as the portal). */
export function publicationPublicApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/publication/search',
      {
        schema: {
          tags: TAG,
          summary: '检索已主动公开的政府信息',
          querystring: Type.Object({
            q: Type.Optional(Type.String({ title: '关键词', maxLength: 100 })),
            agency: Type.Optional(Type.String({ title: '机关简码', maxLength: 50 })),
            year: Type.Optional(Type.Integer({ title: '年份', minimum: 1949, maximum: 2100 })),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          }),
          response: {
            200: Type.Object({
              total: Type.Integer({ description: '匹配条数，最多 1000（见 capped）' }),
              capped: Type.Boolean({ description: '匹配超过 1000 条时为 true，total 为下限' }),
              items: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  title: Type.String(),
                  publishedOn: Type.String(),
                  docNo: Type.Union([Type.String(), Type.Null()]),
                  url: Type.String(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const dir = await agencyDirectory(deps);
        const agency = req.query.agency ? dir.byCode.get(req.query.agency) : undefined;
        const r = await searchItems(deps, {
          // the public API follows the portal: items past online retention are not listed (《省司法厅信息公开指南》)
          retention: await retentionFilter(deps, req.query.agency ? (agency ? [agency.id] : []) : null),
          q: req.query.q ?? '',
          year: req.query.year,
          agencyIds: req.query.agency ? (agency ? [agency.id] : []) : undefined,
          page: req.query.page,
        });
        return {
          total: r.total,
          capped: r.capped,
          items: r.hits.map((h) => ({
            id: h.itemId,
            title: h.title,
            publishedOn: h.publishedOn,
            docNo: h.docNo,
            url: `/d/${h.itemId}`,
          })),
        };
      },
    );
  };
}
