/**
 * The portal's page frame (政府信息公开专栏): header, columns, breadcrumbs, accessibility modes and
 * the error page. It sits below every module that renders public pages (publication, requests,
 * reporting, participation, oversight) and below portal/ (home pages, sitemap), so those modules use
 * the frame without importing each other (ARCHITECTURE.md, the module graph).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import type { AppError } from '../shared/app-error.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { layout, type PageMeta, parseA11y } from './layout.ts';
import { PORTAL_CSS } from './portal.css.ts';
import { type SiteIdentity, siteIdentity } from './site.ts';

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
  // participation/contact.pages.ts serves /a/:code/mailbox (the static route wins over /a/:code/:column)
  { slug: 'mailbox', name: '咨询投诉', type: '咨询投诉', blurb: '领导信箱、咨询、建议、投诉举报、评议' },
] as const;

const CSS_HASH = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 10);
export const CSS_HREF = `/assets/portal.${CSS_HASH}.css`;

export interface Frame {
  deps: Deps;
  req: FastifyRequest;
  regionName: string;
  siteName: string;
  site: SiteIdentity;
}

export async function frame(deps: Deps, req: FastifyRequest): Promise<Frame> {
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

export function page(
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

export function publicAgencies(all: AgencyNode[]): AgencyNode[] {
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
