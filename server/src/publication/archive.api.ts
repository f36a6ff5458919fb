/**
 * Staff JSON routes of the guide (指南版本), filing (备案), archive volumes (归档卷) and the hand-over log
 * (移交), under /api/v1/admin/publication/…; registered by publicationAdminApi.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../shared/download.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  FILING_STATUS_LABELS,
  type FilingStatus,
  RECIPIENT_KIND_LABELS,
  type RecipientKind,
  VOLUME_STATUS_LABELS,
  type VolumeStatus,
} from './archive.ts';
import { volumeDocx, volumeTitle, volumeXlsx } from './archive.export.ts';
import {
  FileBody,
  FilingReviewBody,
  FilingView,
  GuideDiffView,
  GuideDraftBody,
  GuideVersionView,
  GuideWorkspaceView,
  HandoverBody,
  HandoverView,
  RefileBody,
  VolumeItemView,
  VolumeView,
} from './archive.schemas.ts';
import {
  buildVolume,
  closeVolume,
  fileItem,
  filingOptions,
  handoversOf,
  listFilings,
  recordHandover,
  refileItem,
  reviewFiling,
  volumesOf,
  volumeWithItems,
} from './archive.service.ts';
import type { ArchiveHandoverRow, ArchiveVolumeRow } from './archive.table.ts';
import {
  guideDiff,
  guideVersionContent,
  guideWorkspace,
  publishGuide,
  saveGuideDraft,
} from './guide.service.ts';

const TAG = ['主动公开'];
const AgencyParams = Type.Object({ agencyId: Type.Integer({ title: '机关', minimum: 1 }) });
const Ok = Type.Object({ ok: Type.Boolean() });

const presentVolume = (v: ArchiveVolumeRow) => ({
  id: v.id,
  agencyId: v.agencyId,
  year: v.year,
  status: v.status,
  statusLabel: VOLUME_STATUS_LABELS[v.status as VolumeStatus] ?? v.status,
  itemCount: v.itemCount,
  closedOn: v.closedOn,
  updatedAt: v.updatedAt,
});
const presentHandover = (h: ArchiveHandoverRow) => ({
  id: h.id,
  year: h.year,
  volumeId: h.volumeId,
  recipientKind: h.recipientKind,
  recipientLabel: RECIPIENT_KIND_LABELS[h.recipientKind as RecipientKind] ?? h.recipientKind,
  institution: h.institution,
  handedOn: h.handedOn,
  itemCount: h.itemCount,
  receiptNo: h.receiptNo,
  note: h.note,
});

export function archiveAdminApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const ctxOf = (req: Parameters<typeof staffOf>[0]) => ({ actor: staffOf(req).actor, ip: clientIp(req) });

    // ------------------------------------------------------------ guide
    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/guide',
      {
        schema: {
          tags: TAG,
          summary: '政府信息公开指南：草稿、历史版本和年度复核提示',
          params: AgencyParams,
          response: { 200: GuideWorkspaceView, ...errorResponses },
        },
      },
      async (req) => guideWorkspace(deps, deps.db, staffOf(req).actor, req.params.agencyId),
    );
    app.put(
      '/api/v1/admin/publication/agencies/:agencyId/guide/draft',
      {
        schema: {
          tags: TAG,
          summary: '保存指南草稿',
          params: AgencyParams,
          body: GuideDraftBody,
          response: { 200: GuideWorkspaceView, ...errorResponses },
        },
      },
      async (req) => {
        await inTransaction(deps, (tx) =>
          saveGuideDraft(deps, tx, ctxOf(req), req.params.agencyId, req.body.sections),
        );
        return guideWorkspace(deps, deps.db, staffOf(req).actor, req.params.agencyId);
      },
    );
    app.post(
      '/api/v1/admin/publication/agencies/:agencyId/guide/publish',
      {
        schema: {
          tags: TAG,
          summary: '发布指南新版本（门户显示最新版本，历史版本保留）',
          params: AgencyParams,
          response: { 200: GuideWorkspaceView, ...errorResponses },
        },
      },
      async (req) => {
        await inTransaction(deps, (tx) => publishGuide(deps, tx, ctxOf(req), req.params.agencyId));
        return guideWorkspace(deps, deps.db, staffOf(req).actor, req.params.agencyId);
      },
    );
    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/guide/versions/:version',
      {
        schema: {
          tags: TAG,
          summary: '指南的某一历史版本',
          params: Type.Object({
            agencyId: Type.Integer({ minimum: 1 }),
            version: Type.Integer({ title: '版本', minimum: 1 }),
          }),
          response: { 200: GuideVersionView, ...errorResponses },
        },
      },
      async (req) =>
        guideVersionContent(deps, deps.db, staffOf(req).actor, req.params.agencyId, req.params.version),
    );
    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/guide/diff',
      {
        schema: {
          tags: TAG,
          summary: '比较指南的两个版本',
          params: AgencyParams,
          querystring: Type.Object({
            from: Type.Integer({ title: '原版本', minimum: 1 }),
            to: Type.Integer({ title: '新版本', minimum: 1 }),
          }),
          response: { 200: GuideDiffView, ...errorResponses },
        },
      },
      async (req) =>
        guideDiff(deps, deps.db, staffOf(req).actor, req.params.agencyId, req.query.from, req.query.to),
    );

    // ------------------------------------------------------------ filing
    const presentFilings = async (rows: Awaited<ReturnType<typeof listFilings>>) => {
      const dir = await agencyDirectory(deps);
      return rows.map((f) => ({
        id: f.id,
        itemId: f.itemId,
        title: f.title,
        indexNo: f.indexNo,
        docNo: f.docNo,
        itemStatus: f.itemStatus,
        agencyId: f.agencyId,
        agencyName: dir.get(f.agencyId)?.name ?? '',
        supervisorId: f.supervisorId,
        supervisorName: dir.get(f.supervisorId)?.name ?? '',
        reportNo: f.reportNo,
        filedOn: f.filedOn,
        note: f.note,
        status: f.status,
        statusLabel: FILING_STATUS_LABELS[f.status as FilingStatus] ?? f.status,
        reviewNote: f.reviewNote,
        reviewedOn: f.reviewedOn,
      }));
    };
    app.get(
      '/api/v1/admin/publication/filings',
      {
        schema: {
          tags: TAG,
          summary: '备案：本机关报备的（filed）或下级机关向本机关报备的（received）',
          querystring: Type.Object({
            side: Type.Union([Type.Literal('filed'), Type.Literal('received')], { title: '方向' }),
            status: Type.Optional(
              Type.Union(
                (['filed', 'reviewed', 'correction_required'] as const).map((s) => Type.Literal(s)),
                { title: '状态' },
              ),
            ),
          }),
          response: { 200: Type.Object({ items: Type.Array(FilingView) }), ...errorResponses },
        },
      },
      async (req) => ({
        items: await presentFilings(
          await listFilings(deps, deps.db, staffOf(req).actor, req.query.side, req.query.status),
        ),
      }),
    );
    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/filing-options',
      {
        schema: {
          tags: TAG,
          summary: '可报备的信息和备案机关（上级监督机关）',
          params: AgencyParams,
          response: {
            200: Type.Object({
              supervisors: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
              items: Type.Array(
                Type.Object({
                  id: Type.Integer(),
                  title: Type.String(),
                  indexNo: Type.Union([Type.String(), Type.Null()]),
                  status: Type.String(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => filingOptions(deps, deps.db, staffOf(req).actor, req.params.agencyId),
    );
    app.post(
      '/api/v1/admin/publication/filings',
      {
        schema: {
          tags: TAG,
          summary: '报备（向上级政务公开办备案）',
          body: FileBody,
          response: { 201: FilingView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await inTransaction(deps, (tx) =>
          fileItem(deps, tx, ctxOf(req), { ...req.body, note: req.body.note ?? null }),
        );
        reply.status(201);
        const [f] = await presentFilings(
          (await listFilings(deps, deps.db, staffOf(req).actor, 'filed')).filter((x) => x.id === row.id),
        );
        return f!;
      },
    );
    app.post(
      '/api/v1/admin/publication/filings/:id/review',
      {
        schema: {
          tags: TAG,
          summary: '备案机关审查：已审查 / 要求纠正',
          params: IdParams,
          body: FilingReviewBody,
          response: { 200: Ok, ...errorResponses },
        },
      },
      async (req) => {
        await inTransaction(deps, (tx) =>
          reviewFiling(deps, tx, ctxOf(req), req.params.id, {
            decision: req.body.decision,
            note: req.body.note ?? null,
          }),
        );
        return { ok: true };
      },
    );
    app.post(
      '/api/v1/admin/publication/filings/:id/refile',
      {
        schema: {
          tags: TAG,
          summary: '纠正后重新报备',
          params: IdParams,
          body: RefileBody,
          response: { 200: Ok, ...errorResponses },
        },
      },
      async (req) => {
        await inTransaction(deps, (tx) =>
          refileItem(deps, tx, ctxOf(req), req.params.id, { ...req.body, note: req.body.note ?? null }),
        );
        return { ok: true };
      },
    );

    // ------------------------------------------------------------ archive volumes
    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/archive/volumes',
      {
        schema: {
          tags: TAG,
          summary: '年度归档卷',
          params: AgencyParams,
          response: { 200: Type.Object({ items: Type.Array(VolumeView) }), ...errorResponses },
        },
      },
      async (req) => ({
        items: (await volumesOf(deps, deps.db, staffOf(req).actor, req.params.agencyId)).map(presentVolume),
      }),
    );
    app.post(
      '/api/v1/admin/publication/agencies/:agencyId/archive/volumes',
      {
        schema: {
          tags: TAG,
          summary: '整理（生成或重新生成）某年度的归档卷',
          params: AgencyParams,
          body: Type.Object(
            { year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }) },
            { additionalProperties: false },
          ),
          response: { 200: VolumeView, ...errorResponses },
        },
      },
      async (req) =>
        presentVolume(
          await inTransaction(deps, (tx) =>
            buildVolume(deps, tx, ctxOf(req), req.params.agencyId, req.body.year),
          ),
        ),
    );
    app.get(
      '/api/v1/admin/publication/archive/volumes/:id',
      {
        schema: {
          tags: TAG,
          summary: '归档卷及卷内目录',
          params: IdParams,
          response: {
            200: Type.Object({
              volume: VolumeView,
              agencyName: Type.String(),
              items: Type.Array(VolumeItemView),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const v = await volumeWithItems(deps, deps.db, staffOf(req).actor, req.params.id);
        return {
          volume: presentVolume(v.volume),
          agencyName: v.agencyName,
          items: v.items.map((i) => ({
            position: i.position,
            itemId: i.itemId,
            indexNo: i.indexNo,
            title: i.title,
            docNo: i.docNo,
            generatedOn: i.generatedOn,
            publishedOn: i.publishedOn,
            attribute: i.attribute,
            scope: i.scope,
            status: i.status,
            attachmentCount: i.attachmentCount,
          })),
        };
      },
    );
    app.post(
      '/api/v1/admin/publication/archive/volumes/:id/close',
      {
        schema: {
          tags: TAG,
          summary: '封卷（年度结束后；封卷后卷内目录不再变化）',
          params: IdParams,
          response: { 200: VolumeView, ...errorResponses },
        },
      },
      async (req) =>
        presentVolume(await inTransaction(deps, (tx) => closeVolume(deps, tx, ctxOf(req), req.params.id))),
    );
    app.get(
      '/api/v1/admin/publication/archive/volumes/:id/export',
      {
        schema: {
          tags: TAG,
          summary: '导出卷内目录（XLSX）或案卷封面和卷内目录（DOCX）',
          params: IdParams,
          querystring: Type.Object({
            format: Type.Union([Type.Literal('xlsx'), Type.Literal('docx')], { title: '格式' }),
          }),
        },
      },
      async (req, reply) => {
        const v = await volumeWithItems(deps, deps.db, staffOf(req).actor, req.params.id);
        const name = `${volumeTitle(v)}卷内目录`;
        return req.query.format === 'xlsx'
          ? sendDownload(reply, XLSX_MIME, `${name}.xlsx`, await volumeXlsx(v))
          : sendDownload(reply, DOCX_MIME, `${name}.docx`, await volumeDocx(v));
      },
    );

    // ------------------------------------------------------------ hand-over log
    app.get(
      '/api/v1/admin/publication/agencies/:agencyId/archive/handovers',
      {
        schema: {
          tags: TAG,
          summary: '向档案馆、图书馆移交（送交）登记',
          params: AgencyParams,
          querystring: Type.Object({ year: Type.Optional(Type.Integer({ title: '年度', minimum: 2008 })) }),
          response: { 200: Type.Object({ items: Type.Array(HandoverView) }), ...errorResponses },
        },
      },
      async (req) => ({
        items: (
          await handoversOf(deps, deps.db, staffOf(req).actor, req.params.agencyId, req.query.year)
        ).map(presentHandover),
      }),
    );
    app.post(
      '/api/v1/admin/publication/agencies/:agencyId/archive/handovers',
      {
        schema: {
          tags: TAG,
          summary: '登记移交（送交国家档案馆或公共图书馆）',
          params: AgencyParams,
          body: HandoverBody,
          response: { 201: HandoverView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await inTransaction(deps, (tx) =>
          recordHandover(deps, tx, ctxOf(req), req.params.agencyId, {
            year: req.body.year,
            volumeId: req.body.volumeId ?? null,
            recipientKind: req.body.recipientKind,
            institution: req.body.institution,
            handedOn: req.body.handedOn,
            itemCount: req.body.itemCount ?? null,
            receiptNo: req.body.receiptNo ?? null,
            note: req.body.note ?? null,
          }),
        );
        reply.status(201);
        return presentHandover(row);
      },
    );
  };
}
