/**
 * The portal's only stylesheet. Colours meet WCAG 2.1 AA (≥ 4.5:1 for text); large-text mode raises
 * the base size to 22px with 1.8 line height (工信部《互联网网站适老化通用设计规范》); high-contrast mode
 * uses yellow on black for every text (links white, buttons black on yellow), whatever colour a page's
 * own styles give it — so required markers, hints and errors stay ≥ 4.5:1 too. Focus is always visible.
 */
export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1a1a1a;background:#f4f5f7;line-height:1.7}
a{color:#0b4f9c}
a:hover{color:#07356a}
:focus-visible{outline:3px solid #d35400;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.wrap{max-width:1200px;margin:0 auto;padding:0 1rem}
.topbar{background:#fff;border-bottom:1px solid #d9d9d9;font-size:.875rem}
.topbar .wrap{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap;min-height:2.5rem}
.topbar nav a{margin-left:1rem}
.banner{background:#a4161a;color:#fff}
.banner .wrap{padding:1.25rem 1rem}
.banner .site{font-size:1.75rem;font-weight:700;margin:0;letter-spacing:.05em}
.banner .site a{color:#fff;text-decoration:none}
.banner .sub{margin:.25rem 0 0;font-size:1rem}
.mainnav{background:#7d1013}
.mainnav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.mainnav a{display:block;color:#fff;text-decoration:none;padding:.75rem 1.25rem;font-size:1.05rem}
.mainnav a:hover,.mainnav a[aria-current=page]{background:#5c0b0e;text-decoration:underline}
main{display:block;padding:1.5rem 0 3rem}
.crumbs{font-size:.9rem;margin:0 0 1rem}
.crumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap}
.crumbs li+li::before{content:"›";margin:0 .5rem;color:#555}
h1{font-size:1.6rem;margin:.25rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .75rem;border-left:4px solid #a4161a;padding-left:.6rem}
.panel{background:#fff;border:1px solid #d9d9d9;border-radius:4px;padding:1.25rem;margin-bottom:1.25rem}
.columns{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:1rem;list-style:none;padding:0;margin:0}
.columns a{display:block;height:100%;background:#fff;border:1px solid #d9d9d9;border-top:4px solid #a4161a;border-radius:4px;padding:1rem;text-decoration:none;color:#1a1a1a}
.columns a:hover{border-color:#a4161a}
.columns strong{display:block;font-size:1.1rem;color:#7d1013;margin-bottom:.25rem}
.columns span{font-size:.9rem;color:#444}
.agencies{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:.5rem 1.5rem}
.agencies li{padding:.35rem 0;border-bottom:1px dashed #ccc}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1.25rem;margin:0}
dl.facts dt{font-weight:700;color:#333}
dl.facts dd{margin:0}
.notice{background:#fff8e1;border:1px solid #c9a227;padding:1rem;border-radius:4px}
.muted{color:#555}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{background:#2b2b2b;color:#eee;font-size:.9rem}
footer .wrap{padding:1.5rem 1rem}
footer a{color:#fff}
footer p{margin:.35rem 0}
footer .footer-links{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin-bottom:.5rem}
footer .sep{margin-left:1.5rem}
footer .mark{display:inline-block;margin-right:1.5rem}
.a11y-tools a{margin-left:.75rem}
@media print{.topbar,.mainnav,footer,.a11y-tools,.skip{display:none}body{background:#fff}}
/* tables in the national annual-report layout; on a narrow screen they scroll in their box */
.table-scroll{max-width:100%;overflow-x:auto;margin:1rem 0}
.table-scroll .report-table{margin:0}
.annual-report,.panel{min-width:0;overflow-wrap:anywhere}
.report-table{border-collapse:collapse;width:100%;margin:1rem 0;background:#fff;font-size:.95rem}
.report-table caption{text-align:left;font-weight:700;padding:.5rem 0}
.report-table th,.report-table td{border:1px solid #333;padding:.35rem .5rem;vertical-align:middle}
.report-table th{font-weight:400;text-align:center;background:#fafafa}
.report-table tbody th[scope=row]{text-align:left}
.report-table td.num{text-align:center;font-variant-numeric:tabular-nums;min-width:3.2em}
.report-table thead th{min-width:3.2em}
.report-table tr.group th{background:#f0f0f0;font-weight:700}
html.a11y-contrast .report-table th,html.a11y-contrast .report-table td{border-color:#ffeb3b;background:#000}
.doc-list{list-style:none;padding:0;margin:0}
.doc-list li{padding:.5rem 0;border-bottom:1px dashed #ccc}
.latest-panel{margin-top:1.25rem}
.latest li{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
.latest .meta{color:#444;font-size:.9rem;white-space:nowrap}
.home-search input{font:inherit;padding:.35rem .5rem;max-width:100%}
.home-search button{font:inherit;padding:.35rem 1rem}
/* large-text mode (适老化) */
html.a11y-large{font-size:22px}
html.a11y-large body{line-height:1.8}
html.a11y-large .mainnav a{padding:1rem 1.5rem}
html.a11y-large .columns{grid-template-columns:repeat(auto-fill,minmax(320px,1fr))}
html.a11y-large a{text-decoration-thickness:2px}
/* high-contrast mode */
html.a11y-contrast body{background:#000;color:#ffeb3b}
html.a11y-contrast a,html.a11y-contrast .columns strong{color:#fff;text-decoration:underline}
html.a11y-contrast .panel,html.a11y-contrast .columns a,html.a11y-contrast .topbar,html.a11y-contrast .notice{background:#000;color:#ffeb3b;border-color:#ffeb3b}
html.a11y-contrast .banner,html.a11y-contrast .mainnav,html.a11y-contrast footer{background:#000;border-bottom:2px solid #ffeb3b}
html.a11y-contrast .columns span,html.a11y-contrast .muted,html.a11y-contrast dl.facts dt,html.a11y-contrast .latest .meta{color:#ffeb3b}
html.a11y-contrast h2{border-left-color:#ffeb3b}
/* every text in the high-contrast mode, including page-specific styles (form markers, hints, errors) */
html.a11y-contrast body *{color:#ffeb3b!important;background-color:#000!important;border-color:#ffeb3b!important;text-shadow:none!important}
html.a11y-contrast a,html.a11y-contrast a *{color:#fff!important}
html.a11y-contrast button,html.a11y-contrast input[type=submit],html.a11y-contrast .gk-btn,html.a11y-contrast button *{background-color:#ffeb3b!important;color:#000!important}
html.a11y-contrast ::placeholder{color:#ffeb3b!important;opacity:1}
html.a11y-contrast .skip:focus{background-color:#000!important}
`;
