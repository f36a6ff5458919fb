import { reportableAgency } from './reporting.access.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../shared/download.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { rulesForAgency } from '../agencies/agency.service.ts';
import { clientIp, staffOf } from '../access/staff-of.ts';
import { inScope, readableScope } from '../access/access.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Deps } from '../shared/deps.ts';
import { errorResponses } from '../shared/schema.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  APPLICANT_COLUMNS,
  COMPARABLE_LABELS,
  type ComparableFigures,
  comparableFigures,
  NOT_COMPARABLE_ACROSS_FORMATS,
  REPORT_FORMAT_LABELS,
  reportDueDate,
  table3RowLabel,
} from './annual-report.ts';
import { annualReportDocx, annualReportXlsx } from './annual-report.export.ts';
import { parseAnnualReportXlsx } from './annual-report.import.ts';
import { EMPTY_INPUTS, REPORT_STATUS_LABELS, type ReportStatus } from './report-workflow.ts';
import { reportingPolicy } from './reporting.policy.ts';
import {
  FiguresSchema,
  FormatSchema,
  InputsSchema,
  NarrativeSchema,
  ReportView,
} from './reporting.schemas.ts';
import {
  computeReport,
  importPastReport,
  overview,
  rowApplications,
  saveDraft,
  transitionReport,
} from './reporting.service.ts';

const TAG = ['年度报告'];
const Params = Type.Object({
  agencyId: Type.Integer({ minimum: 1 }),
  year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }),
});

export function reportingApi(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const readable = (req: Parameters<typeof staffOf>[0], agencyId: number) =>
      reportableAgency(deps, req, agencyId);
    const view = async (req: Parameters<typeof staffOf>[0], agencyId: number, year: number) => {
      const { actor, dir, agency } = await readable(req, agencyId);
      const c = await computeReport(deps, deps.db, agencyId, year);
      const rules = await rulesForAgency(deps, deps.db, agencyId);
      const dueOn = reportDueDate(
        year,
        agency.kind === 'government',
        rules.annualReportDueDepartment,
        rules.annualReportDueGovernment,
      );
      const status = c.status === 'none' ? 'draft' : c.status;
      return {
        agencyId,
        agencyName: agency.name,
        year,
        status,
        statusLabel: c.status === 'none' ? '未编制' : REPORT_STATUS_LABELS[status as ReportStatus],
        format: c.figures.format,
        formatLabel: REPORT_FORMAT_LABELS[c.figures.format],
        source: c.row?.source ?? 'computed',
        dueOn,
        overdue: status !== 'published' && chinaDate(deps.clock.now()) > dueOn,
        inputs: { ...EMPTY_INPUTS, ...(c.row ? (JSON.parse(c.row.inputsJson) as object) : {}) },
        narrative: c.report.narrative,
        figures: { table2: c.figures.table2, table3: c.figures.table3, table4: c.figures.table4 },
        problems: c.problems,
        started: c.row !== null,
        can: {
          edit: reportingPolicy.canEdit(actor, dir, agencyId) && status === 'draft',
          approve: reportingPolicy.canApprove(actor, dir, agencyId) && status === 'submitted',
          publish: reportingPolicy.canPublish(actor, dir, agencyId) && status === 'approved',
          // the disclosure office may withdraw a submission; an approver may send back a submitted or approved report
          return:
            (c.row?.source ?? 'computed') === 'computed' &&
            ((status === 'submitted' &&
              (reportingPolicy.canEdit(actor, dir, agencyId) ||
                reportingPolicy.canApprove(actor, dir, agencyId))) ||
              (status === 'approved' && reportingPolicy.canApprove(actor, dir, agencyId))),
          import: reportingPolicy.canEdit(actor, dir, agencyId),
        },
        report: c.report,
      };
    };

    app.get(
      '/api/v1/admin/reports/:agencyId/:year',
      {
        schema: {
          tags: TAG,
          summary: '某机关某年度的政府信息公开工作年度报告（表格按记录实时计算，审批后冻结）',
          params: Params,
          response: { 200: ReportView, ...errorResponses },
        },
      },
      async (req) => {
        const { report: _omit, ...v } = await view(req, req.params.agencyId, req.params.year);
        return v;
      },
    );

    app.get(
      '/api/v1/admin/reports/:agencyId/:year/rows/:row',
      {
        schema: {
          tags: TAG,
          summary: '表三某一行由哪些申请构成（按需查询，用于核对勾稽关系）',
          params: Type.Object({
            agencyId: Type.Integer({ minimum: 1 }),
            year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }),
            row: Type.String({ title: '行', minLength: 1, maxLength: 32 }),
          }),
          querystring: Type.Object({
            column: Type.Optional(
              Type.Union(
                APPLICANT_COLUMNS.map((c) => Type.Literal(c)),
                { title: '申请人类别' },
              ),
            ),
          }),
          response: {
            200: Type.Object({
              row: Type.String(),
              label: Type.String(),
              items: Type.Array(
                Type.Object({ id: Type.Integer(), registrationNo: Type.String(), column: Type.String() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        await readable(req, req.params.agencyId);
        const items = await rowApplications(
          deps,
          deps.db,
          req.params.agencyId,
          req.params.year,
          req.params.row,
          req.query.column,
        );
        return { row: req.params.row, label: table3RowLabel('2021', req.params.row), items };
      },
    );

    app.put(
      '/api/v1/admin/reports/:agencyId/:year/draft',
      {
        schema: {
          tags: TAG,
          summary: '保存草稿：录入数据和正文',
          params: Params,
          body: Type.Object(
            { inputs: Type.Optional(InputsSchema), narrative: Type.Optional(NarrativeSchema) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await readable(req, req.params.agencyId);
        const { actor } = staffOf(req);
        await inTransaction(deps, (tx) =>
          saveDraft(deps, tx, { actor, ip: clientIp(req) }, req.params.agencyId, req.params.year, req.body),
        );
        reply.status(204);
      },
    );

    app.post(
      '/api/v1/admin/reports/:agencyId/:year/actions/:action',
      {
        schema: {
          tags: TAG,
          summary: '提交审批 / 审批通过 / 退回 / 发布',
          params: Type.Object({
            agencyId: Type.Integer({ minimum: 1 }),
            year: Type.Integer({ minimum: 2008, maximum: 2100 }),
            action: Type.Union(
              [
                Type.Literal('submit'),
                Type.Literal('approve'),
                Type.Literal('return'),
                Type.Literal('publish'),
              ],
              { title: '操作' },
            ),
          }),
          response: {
            200: Type.Object({ status: Type.String() }),
            ...errorResponses,
            422: errorResponses[400],
          },
        },
      },
      async (req) => {
        await readable(req, req.params.agencyId);
        const { actor } = staffOf(req);
        const status = await inTransaction(deps, (tx) =>
          transitionReport(
            deps,
            tx,
            { actor, ip: clientIp(req) },
            req.params.agencyId,
            req.params.year,
            req.params.action,
          ),
        );
        return { status };
      },
    );

    app.get(
      '/api/v1/admin/reports/:agencyId/:year/export/:format',
      {
        schema: {
          tags: TAG,
          summary: '导出年度报告（DOCX 正文与表格 / XLSX 表格）',
          params: Type.Object({
            agencyId: Type.Integer({ minimum: 1 }),
            year: Type.Integer({ minimum: 2008, maximum: 2100 }),
            format: Type.Union([Type.Literal('docx'), Type.Literal('xlsx')]),
          }),
        },
      },
      async (req, reply) => {
        const v = await view(req, req.params.agencyId, req.params.year);
        const name = `${v.agencyName}${v.year}年政府信息公开工作年度报告.${req.params.format}`;
        const body =
          req.params.format === 'docx' ? await annualReportDocx(v.report) : await annualReportXlsx(v.report);
        return sendDownload(reply, req.params.format === 'docx' ? DOCX_MIME : XLSX_MIME, name, body);
      },
    );

    app.post(
      '/api/v1/admin/reports/:agencyId/import',
      {
        schema: {
          tags: TAG,
          summary: '录入或导入往年报告（2019 或 2021 格式），用于同比',
          params: Type.Object({ agencyId: Type.Integer({ minimum: 1 }) }),
          body: Type.Object(
            {
              year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }),
              format: FormatSchema,
              source: Type.Union([Type.Literal('imported'), Type.Literal('entered')], { title: '来源' }),
              figures: FiguresSchema,
              narrative: NarrativeSchema,
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.Integer() }), ...errorResponses },
        },
      },
      async (req, reply) => {
        await readable(req, req.params.agencyId);
        const { actor } = staffOf(req);
        const row = await inTransaction(deps, (tx) =>
          importPastReport(
            deps,
            tx,
            { actor, ip: clientIp(req) },
            req.params.agencyId,
            req.body as Parameters<typeof importPastReport>[4],
          ),
        );
        reply.status(201);
        return { id: row.id };
      },
    );

    app.post(
      '/api/v1/admin/reports/:agencyId/import-xlsx',
      {
        schema: {
          tags: TAG,
          summary: '从 XLSX 年报表格（国家格式，与本平台导出相同；2021 或 2019 格式，自动识别）导入往年报告',
          params: Type.Object({ agencyId: Type.Integer({ minimum: 1 }) }),
          body: Type.Object(
            {
              year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }),
              format: Type.Optional(FormatSchema),
              fileBase64: Type.String({ title: '报告表格文件', minLength: 10, maxLength: 1_000_000 }),
              narrative: Type.Optional(NarrativeSchema),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.Integer() }), ...errorResponses },
        },
      },
      async (req, reply) => {
        await readable(req, req.params.agencyId);
        const { actor } = staffOf(req);
        const { format, ...figures } = await parseAnnualReportXlsx(
          Buffer.from(req.body.fileBase64, 'base64'),
          req.body.format,
        );
        const narrative = req.body.narrative ?? {
          overview: '（导入的往年报告，正文见原发布版本）',
          problems: '',
          other: '',
        };
        const row = await inTransaction(deps, (tx) =>
          importPastReport(deps, tx, { actor, ip: clientIp(req) }, req.params.agencyId, {
            year: req.body.year,
            format,
            source: 'imported',
            figures,
            narrative,
          }),
        );
        reply.status(201);
        return { id: row.id };
      },
    );

    app.get(
      '/api/v1/admin/reports/:agencyId/history',
      {
        schema: {
          tags: TAG,
          summary:
            '历年对比：各年度报告中两种格式口径相同的关键数据（含录入或导入的 2019、2021 格式往年报告）',
          params: Type.Object({ agencyId: Type.Integer({ minimum: 1 }) }),
          querystring: Type.Object({
            years: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  year: Type.Integer(),
                  status: Type.String(),
                  source: Type.String(),
                  format: Type.String(),
                  ...(Object.fromEntries(
                    Object.keys(COMPARABLE_LABELS).map((k) => [k, Type.Number()]),
                  ) as Record<keyof ComparableFigures, ReturnType<typeof Type.Number>>),
                }),
              ),
              /** the compared figures and their labels, in display order */
              figures: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
              /** true when the years shown mix the 2019 and 2021 formats */
              mixedFormats: Type.Boolean(),
              /** what is left out of the comparison across formats, and why */
              notComparable: Type.Array(Type.String()),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        await readable(req, req.params.agencyId);
        const current = Number(chinaDate(deps.clock.now()).slice(0, 4));
        const n = req.query.years ?? 5;
        const items = [];
        for (let year = current - n + 1; year <= current; year++) {
          const c = await computeReport(deps, deps.db, req.params.agencyId, year);
          items.push({
            year,
            status: c.status,
            source: c.row?.source ?? 'computed',
            format: c.figures.format,
            ...comparableFigures(c.figures),
          });
        }
        const mixedFormats = new Set(items.map((i) => i.format)).size > 1;
        return {
          items,
          figures: Object.entries(COMPARABLE_LABELS).map(([key, label]) => ({ key, label })),
          mixedFormats,
          notComparable: mixedFormats ? [...NOT_COMPARABLE_ACROSS_FORMATS] : [],
        };
      },
    );

    app.get(
      '/api/v1/admin/reports/overview',
      {
        schema: {
          tags: TAG,
          summary: '监督机关一览：各机关年度报告的状态、期限和关键数据',
          querystring: Type.Object({ year: Type.Integer({ title: '年度', minimum: 2008, maximum: 2100 }) }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  agencyId: Type.Integer(),
                  agencyName: Type.String(),
                  kind: Type.String(),
                  status: Type.String(),
                  statusLabel: Type.String(),
                  started: Type.Boolean(),
                  dueOn: Type.String(),
                  overdue: Type.Boolean(),
                  publishedOn: Type.Union([Type.String(), Type.Null()]),
                  /** published, but after the due date (R.49): stays marked late */
                  publishedLate: Type.Boolean(),
                  newApplications: Type.Integer(),
                  handled: Type.Integer(),
                  carriedOut: Type.Integer(),
                  problems: Type.Integer(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (req) => {
        const { actor } = staffOf(req);
        const dir = await agencyDirectory(deps);
        const scope = readableScope(actor, dir);
        const year = req.query.year;
        const agencies = dir
          .all()
          .filter(
            (a) => a.active && (a.kind === 'government' || a.kind === 'department') && inScope(scope, a.id),
          );
        const today = chinaDate(deps.clock.now());
        const figures = await overview(
          deps,
          deps.db,
          agencies.map((a) => a.id),
          year,
        );
        const items = [];
        const rulesByProfile = new Map<number | null, Awaited<ReturnType<typeof rulesForAgency>>>();
        for (const [i, a] of agencies.entries()) {
          const f = figures[i]!;
          const profile = dir.ruleProfileOf(a.id);
          let rules = rulesByProfile.get(profile);
          if (!rules) {
            rules = await rulesForAgency(deps, deps.db, a.id);
            rulesByProfile.set(profile, rules);
          }
          const dueOn = reportDueDate(
            year,
            a.kind === 'government',
            rules.annualReportDueDepartment,
            rules.annualReportDueGovernment,
          );
          const status = f.status === 'none' ? 'draft' : f.status;
          items.push({
            agencyId: a.id,
            agencyName: a.name,
            kind: a.kind,
            status,
            statusLabel: f.status === 'none' ? '未编制' : REPORT_STATUS_LABELS[f.status],
            started: f.status !== 'none',
            dueOn,
            overdue: status !== 'published' && today > dueOn,
            publishedOn: f.publishedAt ? chinaDate(new Date(f.publishedAt)) : null,
            publishedLate:
              status === 'published' && f.publishedAt !== null && chinaDate(new Date(f.publishedAt)) > dueOn,
            newApplications: f.table3.new?.total ?? 0,
            handled: f.table3.total?.total ?? 0,
            carriedOut: f.table3.carried_out?.total ?? 0,
            problems: f.problems,
          });
        }
        return { items };
      },
    );
  };
}
