/**
 * The portal's 监督检查结果: inspection results after approval (district supervision measures art. 7:
 * the yearly inspection's results are circulated; 《政府信息公开条例》第二十条 publishes what the
 * government does). Only published plans, only public agencies (governments and departments), and no
 * personal data — no inspector, no reporter, no evidence links into staff records: the check point,
 * the finding as approved for publication, the deadline and the rectification status.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AgencyDirectory } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { PAGE_CACHE } from '../shared/public-cache.ts';
import { renderErrorPage, renderPortalPage } from '../portal-frame/index.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { checkPointLabel } from './check-point.ts';
import { INSPECTION_KIND_LABELS } from './inspection.ts';
import { attributesLabel } from './oversight.presenter.ts';
import { type PublishedResult, publishedResult, publishedResults, todayOf } from './oversight.service.ts';
import { statusLabel } from './rectification.ts';

const COLUMN = { columnName: '监督检查结果', columnType: '工作动态' };

function publicAgency(dir: AgencyDirectory, id: number) {
  const a = dir.get(id);
  return a?.active && (a.kind === 'government' || a.kind === 'department') ? a : undefined;
}

function agencyBlock(r: PublishedResult, dir: AgencyDirectory, agencyId: number, today: string): SafeHtml {
  const a = publicAgency(dir, agencyId)!;
  const findings = r.findings.filter((f) => f.agencyId === agencyId);
  const rects = new Map(r.rectifications.map((x) => [x.findingId, x]));
  const open = findings.filter((f) => {
    const t = rects.get(f.id);
    return t && t.status !== 'accepted';
  }).length;
  return html`<section class="panel" aria-labelledby="ag-${a.code}"><h3 id="ag-${a.code}"><a href="/a/${a.code}/">${a.name}</a></h3>
${
  findings.length === 0
    ? html`<p>未发现问题。</p>`
    : html`<p>发现问题 ${findings.length} 个，已整改验收 ${findings.length - open} 个${open > 0 ? html`，整改中 ${open} 个` : ''}。</p>
<div class="table-scroll"><table class="report-table"><caption class="visually-hidden">${a.name}发现的问题及整改情况</caption>
<thead><tr><th scope="col">检查要点</th><th scope="col">发现的问题</th><th scope="col">整改期限</th><th scope="col">整改情况</th></tr></thead>
<tbody>${findings.map((f) => {
        const t = rects.get(f.id);
        return html`<tr><td>${checkPointLabel(f.checkPoint)}</td><td>${f.description}</td><td>${t ? html`<time datetime="${t.dueOn}">${t.dueOn}</time>` : '—'}</td><td>${t ? statusLabel(t, today) : '—'}</td></tr>`;
      })}</tbody></table></div>`
}</section>`;
}

export function oversightPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get('/inspections', { schema: { hide: true }, config: PAGE_CACHE }, async (req, reply) => {
      const dir = await agencyDirectory(deps);
      const results = (await publishedResults(deps.db, 100)).filter((r) =>
        r.plan.agencyIds.some((a) => publicAgency(dir, a)),
      );
      return renderPortalPage(deps, req, reply, {
        title: '监督检查结果',
        ...COLUMN,
        crumbs: [{ href: '/', label: '首页' }, { label: '监督检查结果' }],
        body: html`<h1>监督检查结果</h1>
<div class="panel"><p>政务公开工作监督检查（督查、自查、专项检查）经审批后公开的检查结果，含各机关发现的问题和整改情况。</p>
${
  results.length === 0
    ? html`<p class="muted">暂无已公开的检查结果。</p>`
    : html`<ul class="doc-list">${results.map(
        (r) =>
          html`<li><a href="/inspections/${r.plan.id}">${r.plan.title}</a> <span class="meta">${dir.get(r.plan.organizerAgencyId)?.name ?? ''} · ${INSPECTION_KIND_LABELS[r.plan.kind]} · <time datetime="${(r.plan.publishedAt ?? '').slice(0, 10)}">${(r.plan.publishedAt ?? '').slice(0, 10)}</time></span></li>`,
      )}</ul>`
}</div>`,
      });
    });

    app.get<{ Params: { id: string } }>(
      '/inspections/:id',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const id = /^[1-9]\d{0,8}$/.test(req.params.id) ? Number(req.params.id) : null;
        const dir = await agencyDirectory(deps);
        const r = id === null ? undefined : await publishedResult(deps.db, id);
        const agencies = r ? r.plan.agencyIds.filter((a) => publicAgency(dir, a)) : [];
        if (!r || agencies.length === 0) return renderErrorPage(deps, req, reply.status(404), null);
        const today = todayOf(deps);
        const organizer = dir.get(r.plan.organizerAgencyId)?.name ?? '';
        const published = (r.plan.publishedAt ?? '').slice(0, 10);
        return renderPortalPage(deps, req, reply, {
          title: `${r.plan.title} - 监督检查结果`,
          ...COLUMN,
          crumbs: [
            { href: '/', label: '首页' },
            { href: '/inspections', label: '监督检查结果' },
            { label: r.plan.title },
          ],
          article: { title: r.plan.title, pubDate: published, source: organizer },
          body: html`<h1>${r.plan.title}</h1>
<div class="panel"><dl class="facts">
<dt>组织机关</dt><dd>${organizer}</dd>
<dt>检查类型</dt><dd>${INSPECTION_KIND_LABELS[r.plan.kind]}（${attributesLabel(r.plan)}）</dd>
<dt>检查期间</dt><dd>${r.plan.periodStart} 至 ${r.plan.periodEnd}</dd>
<dt>公开日期</dt><dd><time datetime="${published}">${published}</time></dd>
<dt>被检查机关</dt><dd>${agencies.length} 个</dd>
</dl>
${r.plan.summary ? html`<h2>检查情况通报</h2>${r.plan.summary.split(/\n+/).map((p) => html`<p>${p}</p>`)}` : ''}</div>
<h2>各机关发现的问题和整改情况</h2>
${agencies.map((a) => agencyBlock(r, dir, a, today))}`,
        });
      },
    );
  };
}
