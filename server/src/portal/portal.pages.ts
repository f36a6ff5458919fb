/**
 * The public portal (政府信息公开专栏): server-rendered HTML that works without JavaScript.
 * Only public data reaches these pages: active agencies' names and public contact details.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { agencyRepository } from '../agencies/agency.repository.ts';
import type { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { FEED_CACHE, PAGE_CACHE } from '../http/public-cache.ts';
import { type LatestItem, latestPublicItems } from '../publication/latest.service.ts';
import { layout, type PageMeta, parseA11y } from './layout.ts';
import { PORTAL_CSS } from './portal.css.ts';
import { FAVICON_SVG, faviconIco, type SiteIdentity, siteIdentity } from './site.ts';
import { createHash } from 'node:crypto';

export const A11Y_COOKIE = 'gk_a11y';

/** The five columns of the 政府信息公开专栏 (国办公开办函〔2019〕61号; docs/product.md §2.2). */
export const COLUMNS = [
  {
    slug: 'guide',
    name: '政府信息公开指南',
    type: '信息公开指南',
    blurb: '公开范围、方式、受理机构和联系方式',
  },
  { slug: 'regimes', name: '政府信息公开制度', type: '政策文件', blurb: '本机关政务公开工作制度' },
  {
    slug: 'catalog',
    name: '法定主动公开内容',
    type: '信息公开目录',
    blurb: '按主动公开基本目录浏览公开信息',
  },
  {
    slug: 'annual-reports',
    name: '政府信息公开年报',
    type: '信息公开年报',
    blurb: '历年政府信息公开工作年度报告',
  },
  { slug: 'apply', name: '依申请公开', type: '依法申请公开', blurb: '在线提交申请、查询办理进度' },
] as const;

const CSS_HASH = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 10);
const CSS_HREF = `/assets/portal.${CSS_HASH}.css`;

interface Frame {
  deps: Deps;
  req: FastifyRequest;
  regionName: string;
  siteName: string;
  site: SiteIdentity;
}

async function frame(deps: Deps, req: FastifyRequest): Promise<Frame> {
  const site = await siteIdentity(deps);
  return { deps, req, regionName: site.regionName, siteName: site.siteName, site };
}

function meta(f: Frame, columnName: string, columnType: string): PageMeta {
  return {
    siteName: f.siteName,
    siteDomain: new URL(f.deps.config.publicBaseUrl).host,
    siteIdCode: f.deps.config.siteIdCode,
    columnName,
    columnType,
  };
}

function page(
  f: Frame,
  reply: FastifyReply,
  p: {
    title: string;
    columnName: string;
    columnType: string;
    subtitle?: string;
    agency?: AgencyNode;
    crumbs?: { href?: string; label: string }[];
    body: SafeHtml;
    article?: { title: string; pubDate: string; source: string };
  },
) {
  const nav = p.agency
    ? [
        { href: `/a/${p.agency.code}/`, label: '专栏首页' },
        ...COLUMNS.map((c) => ({ href: `/a/${p.agency!.code}/${c.slug}`, label: c.name })),
      ]
    : [
        { href: '/', label: '首页' },
        { href: '/agencies', label: '机关导航' },
      ];
  const out = layout({
    title: p.title,
    meta: { ...meta(f, p.columnName, p.columnType), article: p.article },
    a11y: parseA11y(f.req.cookies?.[A11Y_COOKIE]),
    currentPath: f.req.url.split('?')[0] ?? '/',
    regionName: f.regionName,
    subtitle: p.subtitle,
    nav,
    crumbs: p.crumbs,
    body: p.body,
    cssHref: CSS_HREF,
    site: f.site,
  });
  return reply.type('text/html; charset=utf-8').send(out.value);
}

function publicAgencies(all: AgencyNode[]): AgencyNode[] {
  return all.filter((a) => a.active && (a.kind === 'government' || a.kind === 'department'));
}

/** An agency with a public 专栏 (active government or department), or null. */
export async function publicAgencyByCode(deps: Deps, code: string): Promise<AgencyNode | null> {
  const a = (await agencyDirectory(deps)).byCode.get(code);
  return a?.active && (a.kind === 'government' || a.kind === 'department') ? a : null;
}

export interface PortalPageOptions {
  title: string;
  columnName: string;
  columnType: string;
  subtitle?: string;
  agency?: AgencyNode;
  crumbs?: { href?: string; label: string }[];
  body: SafeHtml;
  /** 2017 guideline article tags for a document page */
  article?: { title: string; pubDate: string; source: string };
}

/** For other modules' portal routes: renders `body` inside the portal frame (header, nav, a11y modes). */
export async function renderPortalPage(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  p: PortalPageOptions,
) {
  return page(await frame(deps, req), reply, p);
}

/** A page inside one of an agency's 专栏 columns, with the standard breadcrumbs. */
export async function renderAgencyColumnPage(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  agency: AgencyNode,
  slug: (typeof COLUMNS)[number]['slug'],
  p: {
    title?: string;
    crumbs?: { href?: string; label: string }[];
    body: SafeHtml;
    article?: PortalPageOptions['article'];
  },
) {
  const column = COLUMNS.find((c) => c.slug === slug)!;
  return renderPortalPage(deps, req, reply, {
    title: `${p.title ?? column.name} - ${agency.name}`,
    columnName: column.name,
    columnType: column.type,
    subtitle: `${agency.name} · 政府信息公开专栏`,
    agency,
    crumbs: [
      { href: '/', label: '首页' },
      { href: `/a/${agency.code}/`, label: agency.name },
      ...(p.crumbs ?? [{ label: column.name }]),
    ],
    body: p.body,
    article: p.article,
  });
}

export async function renderErrorPage(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  err: AppError | null,
) {
  const f: Frame = await frame(deps, req).catch(() => ({
    deps,
    req,
    regionName: '',
    siteName: deps.config.siteName,
    site: {
      siteName: deps.config.siteName,
      regionName: '',
      hostOrg: deps.config.siteMarks.hostOrg ?? deps.config.siteName,
      operator: deps.config.siteMarks.operator ?? deps.config.siteMarks.hostOrg ?? deps.config.siteName,
      siteIdCode: deps.config.siteIdCode ?? null,
      icp: deps.config.siteMarks.icp ?? null,
      psb: deps.config.siteMarks.psb ?? null,
      psbCode: null,
    },
  }));
  const notFound = !err || err.status === 404;
  return page(f, reply, {
    title: notFound ? '页面不存在' : '出错了',
    columnName: '提示',
    columnType: '其他',
    body: html`<div class="panel"><h1>${notFound ? '页面不存在' : '出错了'}</h1><p>${notFound ? '您访问的页面不存在或尚未公开。' : err!.message}</p><p><a href="/">返回首页</a></p></div>`,
  });
}

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

const SITE = 'http://gongkai.invalid';

/**
 * A redirect target that stays on this site: a path, never `//host`, `/\host` or a path with control
 * characters (browsers drop tabs and newlines, so `/\t/host` would become `//host`); percent-encoded
 * so that the Location header carries ASCII only.
 */
export function sameSitePath(r: unknown): string {
  if (typeof r !== 'string' || !/^\/(?![/\\])/.test(r)) return '/';
  for (const ch of r) if (ch <= ' ' || ch === '\u007f' || ch === '\\') return '/';
  const u = new URL(r, SITE);
  return u.origin === SITE ? u.pathname + u.search + u.hash : '/';
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
<p>依据《中华人民共和国政府信息公开条例》，本平台集中公开${f.regionName}各机关的政府信息，并受理政府信息公开申请。请选择机关进入其政府信息公开专栏。</p></section>
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
<li><a href="/">首页</a></li><li><a href="/agencies">机关导航</a></li><li><a href="/search">搜索</a></li><li><a href="/contact">联系我们</a></li></ul></section>
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
