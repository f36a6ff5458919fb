/**
 * The public portal (政府信息公开专栏): server-rendered HTML that works without JavaScript.
 * Only public data reaches these pages: active agencies' names and public contact details.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { agencyRepository } from '../agencies/agency.repository.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { FEED_CACHE, PAGE_CACHE } from '../shared/public-cache.ts';
import { type LatestItem, latestPublicItems } from '../publication/latest.service.ts';
import {
  A11Y_COOKIE,
  COLUMNS,
  CSS_HREF,
  FAVICON_SVG,
  faviconIco,
  frame,
  PORTAL_CSS,
  page,
  publicAgencies,
  publicAgencyByCode,
  renderErrorPage,
  sameSitePath,
} from '../portal-frame/index.ts';

/** The home search box: a labelled GET form to the search page, works without JavaScript. */
function homeSearch(action: string, label: string): SafeHtml {
  return html`<form class="panel home-search" role="search" method="get" action="${action}"><label for="home-q">${label}</label> <input id="home-q" name="q" type="search" maxlength="100" size="32" placeholder="标题、文号或正文中的词语"> <button type="submit">搜索</button></form>`;
}

/** 最新公开: the newest published items with their date (and agency on the region home). */
function latestList(items: LatestItem[], withAgency: boolean): SafeHtml {
  return html`<section class="panel latest-panel" aria-labelledby="latest-h"><h2 id="latest-h">最新公开</h2>
${items.length === 0 ? html`<p class="muted">暂无公开信息。</p>` : html`<ul class="doc-list latest">${items.map((i) => html`<li><a href="/d/${i.id}">${i.title}</a> <span class="meta">${withAgency ? html`<a href="/a/${i.agencyCode}/">${i.agencyName}</a> · ` : ''}<time datetime="${i.publishedOn}">${i.publishedOn}</time></span></li>`)}</ul>`}
</section>`;
}

export function portalPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const PAGE = { schema: { hide: true }, config: PAGE_CACHE };
    await app.register(formbody);

    app.get(CSS_HREF, { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(PORTAL_CSS),
    );

    app.get('/', { schema: { hide: true }, config: PAGE_CACHE }, async (req, reply) => {
      const f = await frame(deps, req);
      const agencies = publicAgencies((await agencyDirectory(deps)).all());
      const governments = agencies.filter((a) => a.kind === 'government');
      const departments = agencies.filter((a) => a.kind === 'department');
      const latest = await latestPublicItems(deps, null);
      return page(f, reply, {
        title: '首页',
        columnName: '首页',
        columnType: '首页',
        subtitle: '政府信息公开专栏',
        body: html`<h1 class="visually-hidden">${f.siteName}</h1>
${homeSearch('/search', `搜索${f.regionName}政府信息`)}
${latestList(latest, true)}
<section class="panel" aria-labelledby="intro-h"><h2 id="intro-h">政府信息公开</h2>
<p>依据《中华人民共和国政府信息公开条例》，本平台集中公开${f.regionName}各机关的政府信息，并受理政府信息公开申请。请选择机关进入其政府信息公开专栏。</p>
<p><a href="/inspections">政务公开监督检查结果</a>：督查和自查发现的问题及整改情况。</p></section>
${governments.length > 0 ? html`<section aria-labelledby="gov-h"><h2 id="gov-h">人民政府</h2><ul class="agencies">${governments.map((a) => html`<li><a href="/a/${a.code}/">${a.name}</a></li>`)}</ul></section>` : ''}
<section aria-labelledby="dep-h"><h2 id="dep-h">政府部门</h2>
${departments.length > 0 ? html`<ul class="agencies">${departments.map((a) => html`<li><a href="/a/${a.code}/">${a.name}</a></li>`)}</ul>` : html`<p class="muted">暂无机关。</p>`}
</section>`,
      });
    });

    const favicon = faviconIco();
    app.get('/favicon.svg', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
    );
    app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon),
    );

    // 网站地图 for people (sitemap.xml is for search engines)
    app.get('/sitemap', { schema: { hide: true } }, async (req, reply) => {
      const f = await frame(deps, req);
      const agencies = publicAgencies((await agencyDirectory(deps)).all());
      return page(f, reply, {
        title: '网站地图',
        columnName: '网站地图',
        columnType: '网站地图',
        crumbs: [{ href: '/', label: '首页' }, { label: '网站地图' }],
        body: html`<h1>网站地图</h1>
<section class="panel" aria-labelledby="map-site"><h2 id="map-site">本站</h2><ul class="doc-list">
<li><a href="/">首页</a></li><li><a href="/agencies">机关导航</a></li><li><a href="/search">搜索</a></li><li><a href="/inspections">监督检查结果</a></li><li><a href="/contact">联系我们</a></li></ul></section>
${agencies.map((a) => html`<section class="panel" aria-labelledby="map-${a.code}"><h2 id="map-${a.code}"><a href="/a/${a.code}/">${a.name}</a></h2><ul class="agencies">${COLUMNS.map((c) => html`<li><a href="/a/${a.code}/${c.slug}">${c.name}</a></li>`)}</ul></section>`)}`,
      });
    });

    // 联系我们: the host government's public contact details (the same record as its guide, R.12)
    app.get('/contact', { schema: { hide: true } }, async (req, reply) => {
      const f = await frame(deps, req);
      const dir = await agencyDirectory(deps);
      const gov = publicAgencies(dir.all()).find((a) => a.kind === 'government');
      const row = gov ? await agencyRepository.byId(deps.db, gov.id) : undefined;
      const facts: [string, string | null | undefined][] = [
        ['主办单位', f.site.hostOrg],
        ['承办单位', f.site.operator],
        ['通信地址', row?.address],
        ['邮政编码', row?.postalCode],
        ['联系电话', row?.phone],
        ['传真', row?.fax],
        ['电子邮箱', row?.email],
        ['办公时间', row?.officeHours],
      ];
      return page(f, reply, {
        title: '联系我们',
        columnName: '联系我们',
        columnType: '联系我们',
        crumbs: [{ href: '/', label: '首页' }, { label: '联系我们' }],
        body: html`<h1>联系我们</h1>
<section class="panel"><dl class="facts">${facts.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl></section>
<p>申请获取政府信息，请进入相应机关的政府信息公开专栏“依申请公开”栏目${gov ? html`（如 <a href="/a/${gov.code}/apply">${gov.name}</a>）` : ''}。</p>`,
      });
    });

    app.get('/agencies', { schema: { hide: true }, config: PAGE_CACHE }, async (req, reply) => {
      const f = await frame(deps, req);
      const agencies = publicAgencies((await agencyDirectory(deps)).all());
      return page(f, reply, {
        title: '机关导航',
        columnName: '机关导航',
        columnType: '机构职能',
        crumbs: [{ href: '/', label: '首页' }, { label: '机关导航' }],
        body: html`<h1>机关导航</h1><ul class="agencies">${agencies.map((a) => html`<li><a href="/a/${a.code}/">${a.name}</a></li>`)}</ul>`,
      });
    });

    app.get<{ Params: { code: string } }>('/a/:code/', PAGE, async (req, reply) => {
      const agency = await publicAgencyByCode(deps, req.params.code);
      if (!agency) return renderErrorPage(deps, req, reply.status(404), null);
      const f = await frame(deps, req);
      const latest = await latestPublicItems(deps, agency.id);
      return page(f, reply, {
        title: `${agency.name}政府信息公开专栏`,
        columnName: '政府信息公开专栏',
        columnType: '首页',
        subtitle: `${agency.name} · 政府信息公开专栏`,
        agency,
        crumbs: [{ href: '/', label: '首页' }, { label: agency.name }],
        body: html`<h1>${agency.name}政府信息公开专栏</h1>
${homeSearch(`/a/${agency.code}/search`, '在本机关公开信息中搜索')}
<nav aria-label="专栏栏目"><ul class="columns">${COLUMNS.map((c) => html`<li><a href="/a/${agency.code}/${c.slug}"><strong>${c.name}</strong><span>${c.blurb}</span></a></li>`)}</ul></nav>
<p><a href="/a/${agency.code}/consultations">意见征集</a>：政策文件草案公开征求意见及意见采纳情况</p>
<p><a href="/a/${agency.code}/press">新闻发布会</a>：新闻发布会、在线访谈的预告、网民提问和文字实录</p>
${latestList(latest, false)}`,
      });
    });

    app.get<{ Params: { code: string } }>('/a/:code', { schema: { hide: true } }, async (req, reply) =>
      reply.redirect(`/a/${encodeURIComponent(req.params.code)}/`, 301),
    );

    app.get<{ Params: { code: string; column: string } }>(
      '/a/:code/:column',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        const column = COLUMNS.find((c) => c.slug === req.params.column);
        if (!agency || !column) return renderErrorPage(deps, req, reply.status(404), null);
        const f = await frame(deps, req);
        const body =
          column.slug === 'guide'
            ? await guideBody(deps, agency)
            : html`<h1>${column.name}</h1><div class="panel"><p class="muted">本栏目暂无内容。</p></div>`;
        return page(f, reply, {
          title: `${column.name} - ${agency.name}`,
          columnName: column.name,
          columnType: column.type,
          subtitle: `${agency.name} · 政府信息公开专栏`,
          agency,
          crumbs: [
            { href: '/', label: '首页' },
            { href: `/a/${agency.code}/`, label: agency.name },
            { label: column.name },
          ],
          body,
        });
      },
    );

    app.get('/a11y', { schema: { hide: true } }, async (req, reply) => {
      const q = req.query as { mode?: string; return?: string };
      const modes = (q.mode ?? '').split(',').filter((m) => m === 'large' || m === 'contrast');
      const back = sameSitePath(q.return);
      reply.setCookie(A11Y_COOKIE, modes.join(','), {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        maxAge: 365 * 24 * 3600,
      });
      return reply.redirect(back, 303);
    });

    app.get('/robots.txt', { schema: { hide: true }, config: FEED_CACHE }, async (_req, reply) =>
      reply
        .type('text/plain')
        .send(
          `User-agent: *\nDisallow: /admin/\nDisallow: /api/\nSitemap: ${deps.config.publicBaseUrl}/sitemap.xml\nSitemap: ${deps.config.publicBaseUrl}/sitemap-documents.xml\n`,
        ),
    );

    app.get('/sitemap.xml', { schema: { hide: true }, config: FEED_CACHE }, async (_req, reply) => {
      const base = deps.config.publicBaseUrl;
      const urls = [`${base}/`, `${base}/agencies`];
      for (const a of publicAgencies((await agencyDirectory(deps)).all())) {
        urls.push(`${base}/a/${a.code}/`);
        for (const c of COLUMNS) urls.push(`${base}/a/${a.code}/${c.slug}`);
      }
      const body = html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map(
  (u) => html`<url><loc>${u}</loc></url>
`,
)}</urlset>
`;
      return reply.type('application/xml; charset=utf-8').send(body.value);
    });
  };
}

/** The guide's contact section, filled from the agency's own data (R.12: name, address, hours, phone, fax, internet contact). */
async function guideBody(deps: Deps, agency: AgencyNode): Promise<SafeHtml> {
  const row = await agencyRepository.byId(deps.db, agency.id);
  const facts: [string, string | null | undefined][] = [
    ['受理机构', row?.name],
    ['办公地址', row?.address],
    ['邮政编码', row?.postalCode],
    ['办公时间', row?.officeHours],
    ['联系电话', row?.phone],
    ['传真', row?.fax],
    ['电子邮箱', row?.email],
  ];
  return html`<h1>政府信息公开指南</h1>
<section class="panel" aria-labelledby="contact-h"><h2 id="contact-h">政府信息公开工作机构</h2>
<dl class="facts">${facts.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl></section>
<p class="notice">完整的公开指南（公开范围、方式、程序和监督方式）由本机关政务公开工作机构编制后在此发布。</p>`;
}
