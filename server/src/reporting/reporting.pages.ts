import { DOCX_MIME, sendDownload } from '../shared/download.ts';
/** The portal's 政府信息公开年报 column: published reports only, in the national table layout. */
import type { FastifyPluginAsync } from 'fastify';
import { publicAgencyByCode, renderAgencyColumnPage, renderErrorPage } from '../portal-frame/index.ts';
import type { Deps } from '../shared/deps.ts';
import { html } from '../shared/html.ts';
import { renderAnnualReport } from './annual-report.render.ts';
import { annualReportDocx } from './annual-report.export.ts';
import { reportingRepository } from './reporting.repository.ts';
import { computeReport } from './reporting.service.ts';
import { PAGE_CACHE } from '../shared/public-cache.ts';

export function reportingPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { code: string } }>(
      '/a/:code/annual-reports',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        if (!agency) return renderErrorPage(deps, req, reply.status(404), null);
        const reports = await reportingRepository.publishedReports(deps.db, agency.id);
        return renderAgencyColumnPage(deps, req, reply, agency, 'annual-reports', {
          body: html`<h1>政府信息公开年报</h1>
<div class="panel">${
            reports.length === 0
              ? html`<p class="muted">暂无已发布的年度报告。</p>`
              : html`<ul class="doc-list">${reports.map(
                  (r) =>
                    html`<li><a href="/a/${agency.code}/annual-reports/${r.year}">${agency.name}${r.year}年政府信息公开工作年度报告</a> <span class="muted">${(r.publishedAt ?? '').slice(0, 10)}</span></li>`,
                )}</ul>`
          }</div>`,
        });
      },
    );

    const published = async (code: string, yearText: string) => {
      const agency = await publicAgencyByCode(deps, code);
      const year = Number(yearText);
      if (!agency || !/^\d{4}$/.test(yearText)) return null;
      const row = await reportingRepository.report(deps.db, agency.id, year);
      if (row?.status !== 'published') return null;
      return { agency, year, row, report: (await computeReport(deps, deps.db, agency.id, year)).report };
    };

    app.get<{ Params: { code: string; year: string } }>(
      '/a/:code/annual-reports/:year',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const p = await published(req.params.code, req.params.year);
        if (!p) return renderErrorPage(deps, req, reply.status(404), null);
        const title = `${p.agency.name}${p.year}年政府信息公开工作年度报告`;
        return renderAgencyColumnPage(deps, req, reply, p.agency, 'annual-reports', {
          title,
          crumbs: [
            { href: `/a/${p.agency.code}/annual-reports`, label: '政府信息公开年报' },
            { label: `${p.year}年度` },
          ],
          article: {
            title,
            pubDate: (p.row.publishedAt ?? '').slice(0, 16).replace('T', ' '),
            source: p.agency.name,
          },
          body: html`${renderAnnualReport(p.report)}<p><a href="/a/${p.agency.code}/annual-reports/${p.year}/report.docx">下载 Word 版</a></p>`,
        });
      },
    );

    app.get<{ Params: { code: string; year: string } }>(
      '/a/:code/annual-reports/:year/report.docx',
      { schema: { hide: true } },
      async (req, reply) => {
        const p = await published(req.params.code, req.params.year);
        if (!p) return renderErrorPage(deps, req, reply.status(404), null);
        const name = `${p.agency.name}${p.year}年政府信息公开工作年度报告.docx`;
        return sendDownload(reply, DOCX_MIME, name, await annualReportDocx(p.report));
      },
    );
  };
}
