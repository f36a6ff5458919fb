/** The portal's page frame: skip link, header, column navigation, accessibility tools, footer. No JavaScript. */
import { html, raw, type SafeHtml } from '../shared/html.ts';
import type { SiteIdentity } from './site.ts';

export interface A11yPrefs {
  large: boolean;
  contrast: boolean;
}

export interface PageMeta {
  siteName: string;
  siteDomain: string;
  siteIdCode?: string | undefined;
  columnName: string;
  columnType: string;
  /** article-level tags (47号): ArticleTitle, PubDate, ContentSource */
  article?: { title: string; pubDate: string; source: string } | undefined;
}

export interface LayoutInput {
  title: string;
  meta: PageMeta;
  a11y: A11yPrefs;
  currentPath: string;
  regionName: string;
  subtitle?: string;
  nav: { href: string; label: string }[];
  crumbs?: { href?: string; label: string }[];
  body: SafeHtml;
  cssHref: string;
  /** the footer's marks (主办、承办、标识码、备案号); without them only the site name is shown */
  site?: SiteIdentity;
}

/** The footer every government site carries (国办发〔2017〕47号): host, operator, contact, site code, filings, site map. */
function footer(p: LayoutInput): SafeHtml {
  const s = p.site;
  if (!s)
    return html`<p>${p.meta.siteName} · 主办：${p.regionName}</p>
<p><a href="/sitemap">网站地图</a></p>`;
  return html`<nav class="footer-links" aria-label="网站信息"><a href="/contact">联系我们</a><a href="/sitemap">网站地图</a></nav>
<p>主办单位：${s.hostOrg}<span class="sep">承办单位：${s.operator}</span></p>
<p>${s.siteIdCode ? html`<span class="mark">网站标识码：${s.siteIdCode}</span>` : ''}${s.icp ? html`<span class="mark"><a href="https://beian.miit.gov.cn/" rel="noopener">${s.icp}</a></span>` : ''}${s.psb ? html`<span class="mark"><a href="https://beian.mps.gov.cn/#/query/webSearch${s.psbCode ? `?code=${s.psbCode}` : ''}" rel="noopener">${s.psb}</a></span>` : ''}</p>
<p>本站支持键盘操作，可使用“大字版”和“高对比度”模式。</p>`;
}

function a11yLink(
  path: string,
  prefs: A11yPrefs,
  key: 'large' | 'contrast',
  on: string,
  off: string,
): SafeHtml {
  const next = { ...prefs, [key]: !prefs[key] };
  const mode =
    [next.large ? 'large' : '', next.contrast ? 'contrast' : ''].filter(Boolean).join(',') || 'normal';
  return html`<a href="/a11y?mode=${mode}&amp;return=${encodeURIComponent(path)}">${prefs[key] ? off : on}</a>`;
}

export function layout(p: LayoutInput): SafeHtml {
  const modeClass = [p.a11y.large ? 'a11y-large' : '', p.a11y.contrast ? 'a11y-contrast' : '']
    .filter(Boolean)
    .join(' ');
  const m = p.meta;
  return html`<!doctype html>
<html lang="zh-CN"${modeClass ? raw(` class="${modeClass}"`) : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} - ${m.siteName}</title>
<meta name="SiteName" content="${m.siteName}">
<meta name="SiteDomain" content="${m.siteDomain}">
${m.siteIdCode ? html`<meta name="SiteIDCode" content="${m.siteIdCode}">` : ''}
<meta name="ColumnName" content="${m.columnName}">
<meta name="ColumnType" content="${m.columnType}">
${m.article ? html`<meta name="ArticleTitle" content="${m.article.title}"><meta name="PubDate" content="${m.article.pubDate}"><meta name="ContentSource" content="${m.article.source}">` : ''}
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="icon" href="/favicon.ico" sizes="16x16">
<link rel="stylesheet" href="${p.cssHref}">
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<div class="topbar"><div class="wrap">
<span>${p.regionName}</span>
<nav class="a11y-tools" aria-label="无障碍工具">
${a11yLink(p.currentPath, p.a11y, 'large', '大字版', '标准字号')}
${a11yLink(p.currentPath, p.a11y, 'contrast', '高对比度', '标准配色')}
<a href="/admin/">工作人员登录</a>
</nav>
</div></div>
<header class="banner"><div class="wrap">
<p class="site"><a href="/">${m.siteName}</a></p>
${p.subtitle ? html`<p class="sub">${p.subtitle}</p>` : ''}
</div></header>
<nav class="mainnav" aria-label="栏目导航"><div class="wrap"><ul>
${p.nav.map((n) => html`<li><a href="${n.href}"${n.href === p.currentPath ? raw(' aria-current="page"') : ''}>${n.label}</a></li>`)}
</ul></div></nav>
<main id="main" tabindex="-1"><div class="wrap">
${p.crumbs && p.crumbs.length > 0 ? html`<nav class="crumbs" aria-label="当前位置"><ol>${p.crumbs.map((c) => html`<li>${c.href ? html`<a href="${c.href}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}</li>`)}</ol></nav>` : ''}
${p.body}
</div></main>
<footer><div class="wrap">
${footer(p)}
</div></footer>
</body>
</html>`;
}

export function parseA11y(cookie: string | undefined): A11yPrefs {
  const parts = new Set((cookie ?? '').split(','));
  return { large: parts.has('large'), contrast: parts.has('contrast') };
}
