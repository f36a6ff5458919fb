import { reportableAgency } from './reporting.access.ts';
import { sendDownload, XLSX_MIME } from '../shared/download.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { staffOf } from '../access/staff-of.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { reportingPolicy } from './reporting.policy.ts';
import { agencyStatistics, statisticsXlsx } from './statistics.service.ts';

const Kv = Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() }));
const StatsView = Type.Object({
  year: Type.Integer(),
  /** whether the supervised agencies are included (the supervising office's default) */
  includeSupervised: Type.Boolean(),
  agencies: Type.Integer(),
  applicationsByMonth: Type.Array(
    Type.Object({ month: Type.String(), received: Type.Integer(), closed: Type.Integer() }),
  ),
  byChannel: Kv,
  byApplicantType: Kv,
  byOutcome: Kv,
  timeliness: Type.Object({
    closed: Type.Integer(),
    onTime: Type.Integer(),
    late: Type.Integer(),
    onTimeRate: Type.Union([Type.Number(), Type.Null()]),
    avgWorkingDays: Type.Union([Type.Number(), Type.Null()]),
  }),
  openByDue: Kv,
  correctionNotices: Type.Object({ total: Type.Integer(), late: Type.Integer() }),
  publicationsByCategory: Kv,
  publicationsByMonth: Type.Array(Type.Object({ month: Type.String(), count: Type.Integer() })),
  publicationsLate: Type.Integer(),
  byAgency: Type.Array(
    Type.Object({
      agencyId: Type.Integer(),
      agencyName: Type.String(),
      received: Type.Integer(),
      closed: Type.Integer(),
      onTimeRate: Type.Union([Type.Number(), Type.Null()]),
      published: Type.Integer(),
      publicationsLate: Type.Integer(),
    }),
  ),
  guide: Type.Union([
    Type.Object({
      publishedOn: Type.Union([Type.String(), Type.Null()]),
      nextReviewOn: Type.Union([Type.String(), Type.Null()]),
      overdue: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  catalogEntriesOverdue: Type.Integer(),
});

const Query = Type.Object({
  agencyId: Type.Integer({ title: '机关', minimum: 1 }),
  year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }),
  includeSupervised: Type.Optional(
    Type.Boolean({
      title: '含被监督机关',
      description: '不填时：在监督机关担任监督职责角色（政务公开工作机构、监督员、考核员）的用户默认包含',
    }),
  ),
});

export function statisticsApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    /** The agency (checked readable) and the scope: an explicit choice, else the supervising default. */
    const check = async (
      req: Parameters<typeof staffOf>[0],
      q: { agencyId: number; includeSupervised?: boolean },
    ) => {
      const { actor, dir, agency } = await reportableAgency(deps, req, q.agencyId);
      return {
        agency,
        includeSupervised: q.includeSupervised ?? reportingPolicy.supervisesFrom(actor, dir, q.agencyId),
      };
    };
    app.get(
      '/api/v1/admin/statistics',
      {
        schema: {
          tags: ['统计'],
          summary: '统计：申请（按月、渠道、申请人类型、结果、时效、到期分布）与主动公开（分类、按月、超期）',
          querystring: Query,
          response: { 200: StatsView, ...errorResponses },
        },
      },
      async (req) => {
        const { includeSupervised } = await check(req, req.query);
        const stats = await agencyStatistics(
          deps,
          deps.db,
          req.query.agencyId,
          req.query.year,
          includeSupervised,
        );
        return { ...stats, includeSupervised };
      },
    );
    app.get(
      '/api/v1/admin/statistics/export',
      { schema: { tags: ['统计'], summary: '导出统计表（XLSX，每个表一个工作表）', querystring: Query } },
      async (req, reply) => {
        const { agency: a, includeSupervised } = await check(req, req.query);
        const s = await agencyStatistics(
          deps,
          deps.db,
          req.query.agencyId,
          req.query.year,
          includeSupervised,
        );
        const name = `${a.name}${req.query.year}年政务公开统计.xlsx`;
        return sendDownload(reply, XLSX_MIME, name, await statisticsXlsx(a.name, s));
      },
    );
  };
}
