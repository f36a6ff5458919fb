import { reportableAgency } from './reporting.access.ts';
import { DOCX_MIME, sendDownload } from '../shared/download.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { staffOf } from '../access/staff-of.ts';
import { clientIp } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import { getSelfInspection, saveSelfInspection, selfInspectionDocx } from './self-inspection.service.ts';

const Params = Type.Object({
  agencyId: Type.Integer({ minimum: 1 }),
  year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }),
});
const n = (title: string) => Type.Optional(Type.Integer({ title, minimum: 0, maximum: 10_000_000 }));
const Inputs = Type.Object(
  {
    trainings: n('培训次数'),
    trainingAttendance: n('培训人次'),
    pressConferences: n('新闻发布会次数'),
    columnsUpdated: n('栏目更新条数'),
    messagesHandled: n('留言办理件数'),
    sentToArchives: n('送交档案馆、图书馆条数'),
  },
  { additionalProperties: false },
);
const Narrative = Type.Object(
  {
    overview: Type.String({ title: '一、政务公开工作总体情况', maxLength: 20000 }),
    keyTasks: Type.String({ title: '二、政务公开工作要点落实情况', maxLength: 20000 }),
    problems: Type.String({ title: '三、存在的问题', maxLength: 20000 }),
    nextSteps: Type.String({ title: '四、下一步工作打算', maxLength: 20000 }),
  },
  { additionalProperties: false },
);
const NumOrNull = Type.Union([Type.Number(), Type.Null()]);

export function selfInspectionApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const check = async (req: Parameters<typeof staffOf>[0], agencyId: number) =>
      (await reportableAgency(deps, req, agencyId)).actor;
    app.get(
      '/api/v1/admin/self-inspection/:agencyId/:year',
      {
        schema: {
          tags: ['自查报告'],
          summary: '政务公开工作自查报告（数据来自平台记录，其余由工作人员填报）',
          params: Params,
          response: {
            200: Type.Object({
              agencyName: Type.String(),
              year: Type.Integer(),
              figures: Type.Record(Type.String(), NumOrNull),
              inputs: Type.Record(Type.String(), Type.Number()),
              narrative: Narrative,
              updatedAt: Type.Union([Type.String(), Type.Null()]),
              recorded: Type.Object({
                pressConferences: Type.Integer({
                  description: '平台记录的本年已举办新闻发布会、在线访谈场次',
                }),
              }),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        await check(req, req.params.agencyId);
        const s = await getSelfInspection(deps, deps.db, req.params.agencyId, req.params.year);
        return { ...s, figures: { ...s.figures }, inputs: { ...s.inputs } };
      },
    );
    app.put(
      '/api/v1/admin/self-inspection/:agencyId/:year',
      {
        schema: {
          tags: ['自查报告'],
          summary: '保存自查报告的填报数据和正文',
          params: Params,
          body: Type.Object(
            { inputs: Type.Optional(Inputs), narrative: Type.Optional(Narrative) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const actor = await check(req, req.params.agencyId);
        await inTransaction(deps, (tx) =>
          saveSelfInspection(
            deps,
            tx,
            { actor, ip: clientIp(req) },
            req.params.agencyId,
            req.params.year,
            req.body,
          ),
        );
        reply.status(204);
      },
    );
    app.get(
      '/api/v1/admin/self-inspection/:agencyId/:year/export',
      { schema: { tags: ['自查报告'], summary: '导出自查报告（DOCX）', params: Params } },
      async (req, reply) => {
        await check(req, req.params.agencyId);
        const s = await getSelfInspection(deps, deps.db, req.params.agencyId, req.params.year);
        return sendDownload(
          reply,
          DOCX_MIME,
          `${s.agencyName}${s.year}年政务公开工作自查报告.docx`,
          await selfInspectionDocx(s),
        );
      },
    );
  };
}
