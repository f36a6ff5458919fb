/** Staff JSON routes of the bulk import from an old site (/api/v1/admin/publication/imports…). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { sendDownload, XLSX_MIME } from '../shared/download.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses, IdParams } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { ImportBody, ImportProgressView } from './item-import.schemas.ts';
import {
  createImport,
  importProgress,
  importReportXlsx,
  importTemplateXlsx,
  recentImports,
  startImport,
} from './item-import.service.ts';

const TAG = ['主动公开'];

export function itemImportApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const ctxOf = (req: Parameters<typeof staffOf>[0]) => ({ actor: staffOf(req).actor, ip: clientIp(req) });

    app.get(
      '/api/v1/admin/publication/imports/template',
      {
        schema: {
          tags: TAG,
          summary: '下载批量导入模板（XLSX：表头、示例行、可选的主题分类和目录分类）',
          querystring: Type.Object({ agencyId: Type.Integer({ title: '机关', minimum: 1 }) }),
        },
      },
      async (req, reply) =>
        sendDownload(
          reply,
          XLSX_MIME,
          '主动公开信息批量导入模板.xlsx',
          await importTemplateXlsx(deps, ctxOf(req), req.query.agencyId),
        ),
    );

    app.post(
      '/api/v1/admin/publication/imports',
      {
        bodyLimit: 300 * 1024 * 1024,
        schema: {
          tags: TAG,
          summary: '上传导入表格和附件（ZIP 或多个文件），开始后台导入',
          body: ImportBody,
          response: { 202: ImportProgressView, ...errorResponses },
        },
      },
      async (req, reply) => {
        const progress = await inTransaction(deps, (tx) =>
          createImport(deps, tx, ctxOf(req), {
            agencyId: req.body.agencyId,
            sheet: { name: req.body.sheet.name, bytes: Buffer.from(req.body.sheet.contentBase64, 'base64') },
            files: req.body.files.map((f) => ({
              name: f.name,
              bytes: Buffer.from(f.contentBase64, 'base64'),
            })),
          }),
        );
        void startImport(deps, progress.id, (m) => req.log.error(m));
        reply.status(202);
        return progress;
      },
    );

    app.get(
      '/api/v1/admin/publication/imports',
      {
        schema: {
          tags: TAG,
          summary: '最近的导入任务',
          response: { 200: Type.Object({ imports: Type.Array(ImportProgressView) }), ...errorResponses },
        },
      },
      async (req) => ({ imports: await recentImports(deps, ctxOf(req)) }),
    );

    app.get(
      '/api/v1/admin/publication/imports/:id',
      {
        schema: {
          tags: TAG,
          summary: '导入进度（已处理/总行数、已导入、拒绝、重复跳过）',
          params: IdParams,
          response: { 200: ImportProgressView, ...errorResponses },
        },
      },
      async (req) => importProgress(deps, ctxOf(req), req.params.id),
    );

    app.get(
      '/api/v1/admin/publication/imports/:id/report',
      {
        schema: { tags: TAG, summary: '下载未导入行的报告（XLSX：行号、列、原因）', params: IdParams },
      },
      async (req, reply) => {
        const r = await importReportXlsx(deps, ctxOf(req), req.params.id);
        return sendDownload(reply, XLSX_MIME, r.name, r.body);
      },
    );
  };
}
