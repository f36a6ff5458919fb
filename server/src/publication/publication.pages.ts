/**
 * Public portal pages of publication (docs/product.md §2.2 columns, document pages, search, feeds).
 * Every read goes through publicationRepository's public queries (published + public scope +
 * proactive attribute) or the search index (which only ever holds such items): the first security
 * property (docs/product.md §6). Server-rendered, escaped by default, no JavaScript.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { agencyDirectory, rulesForAgency } from '../agencies/agency.service.ts';
import {
  publicAgencyByCode,
  renderAgencyColumnPage,
  renderErrorPage,
  renderPortalPage,
} from '../portal-frame/index.ts';
import { SEARCH_CAP, type SearchResult, searchItems, type SnippetPart } from '../search/index.ts';
import { chinaDate } from '../shared/clock.ts';
import { formatDateZh } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { documentLinks } from '../shared/document-links.ts';
import { escapeHtml, html, raw, type SafeHtml } from '../shared/html.ts';
import { inTransaction } from '../shared/tx.ts';
import { FEED_CACHE, PAGE_CACHE } from '../shared/public-cache.ts';
import { REGIMES_ENTRY_CODE } from './catalog.ts';
import { archiveRequestHref } from './archive.ts';
import { guidePages } from './guide.pages.ts';
import { CHANNEL_LABELS, type Channel, VALIDITY_LABELS, type Validity } from './information-item.ts';
import { publicDocument } from './document.repository.ts';
import { publicCatalogTree } from './latest.service.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import { cutoffFor, isPastRetention, retentionFilter } from './retention.service.ts';
import type { CatalogEntryRow, ItemRow } from './publication.table.ts';
import { ensureCatalog } from './publication.service.ts';
import { STATE_COUNCIL_SUBJECTS, subjectLabel } from './subjects.ts';

const PAGE_SIZE = 20;

function hl(parts: SnippetPart[]): SafeHtml {
  return html`${parts.map((p) => (p.hit ? html`<mark>${p.text}</mark>` : html`${p.text}`))}`;
}

async function retentionCutoff(deps: Deps, agencyId: number | null): Promise<string> {
  const years = agencyId ? (await rulesForAgency(deps, deps.db, agencyId)).onlineRetentionYears : 1;
  const today = chinaDate(deps.clock.now());
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
}

/** The agency of a public item, only when it has a public 专栏. */
async function publicAgencyOf(deps: Deps, item: ItemRow): Promise<AgencyNode | null> {
  const a = (await agencyDirectory(deps)).byId.get(item.agencyId);
  return a ? publicAgencyByCode(deps, a.code) : null;
}

function descendants(entries: CatalogEntryRow[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const e of entries) if (e.parentId === out[i]) out.push(e.id);
  return out;
}

function pager(
  base: string,
  page: number,
  total: number,
  query: Record<string, string | number | undefined> = {},
): SafeHtml {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return html``;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
    q.set('page', String(p));
    return `${base}?${q.toString()}`;
  };
  return html`<nav aria-label="分页" class="pager"><p>第 ${page} / ${pages} 页，共 ${total} 条
${page > 1 ? html` · <a href="${href(page - 1)}" rel="prev">上一页</a>` : ''}
${page < pages ? html` · <a href="${href(page + 1)}" rel="next">下一页</a>` : ''}</p></nav>`;
}

function itemList(
  rows: { id: number; title: string; publishedOn: string | null; docNo?: string | null }[],
): SafeHtml {
  if (rows.length === 0) return html`<p class="muted">暂无信息。</p>`;
  return html`<ul class="doc-list">${rows.map(
    (r) =>
      html`<li><a href="/d/${r.id}">${r.title}</a> <span class="muted">${r.docNo ? html`${r.docNo} · ` : ''}${r.publishedOn ?? ''}</span></li>`,
  )}</ul>`;
}

function searchForm(
  action: string,
  q: Record<string, string | undefined>,
  entries?: CatalogEntryRow[],
): SafeHtml {
  const sel = (v: string | undefined, x: string) => (v === x ? raw(' selected') : '');
  const years = Array.from({ length: 8 }, (_, i) => String(new Date().getUTCFullYear() - i));
  return html`<form class="panel" role="search" method="get" action="${action}">
<p><label for="q">关键词</label> <input id="q" name="q" type="search" value="${q.q ?? ''}" maxlength="100" size="30"> <button type="submit">搜索</button></p>
<details${q.year || q.subject || q.docNo || q.validity || q.category ? raw(' open') : ''}><summary>高级检索</summary>
<p><label for="year">年份</label> <select id="year" name="year"><option value="">全部</option>${years.map((y) => html`<option${sel(q.year, y)}>${y}</option>`)}</select>
 <label for="subject">主题分类</label> <select id="subject" name="subject"><option value="">全部</option>${STATE_COUNCIL_SUBJECTS.map((s) => html`<option value="${s.code}"${sel(q.subject, s.code)}>${s.name}</option>`)}</select></p>
${entries ? html`<p><label for="category">目录分类</label> <select id="category" name="category"><option value="">全部</option>${entries.map((e) => html`<option value="${e.id}"${sel(q.category, String(e.id))}>${e.name}</option>`)}</select></p>` : ''}
<p><label for="docNo">文号</label> <input id="docNo" name="docNo" value="${q.docNo ?? ''}" maxlength="50">
 <label for="validity">有效性</label> <select id="validity" name="validity"><option value="">全部</option>${Object.entries(VALIDITY_LABELS).map(([k, v]) => html`<option value="${k}"${sel(q.validity, k)}>${v}</option>`)}</select>
 <label for="order">排序</label> <select id="order" name="order"><option value="relevance">按相关度</option><option value="date"${sel(q.order, 'date')}>按日期</option></select></p>
</details></form>`;
}

function searchResults(r: SearchResult, agencies: Map<number, AgencyNode>): SafeHtml {
  if (r.terms.length === 0 && r.total === 0) return html`<p class="muted">请输入关键词。</p>`;
  // the count is capped (search.service.ts SEARCH_CAP): say so rather than show a false total
  return html`<p role="status">${
    r.capped
      ? html`找到约 <strong>${SEARCH_CAP.toLocaleString('en-US')}+</strong> 条结果，${r.rankedOf !== null ? `按相关度排列其中最新的 ${r.rankedOf} 条` : `按日期列出最新的 ${r.total.toLocaleString('en-US')} 条`}。结果较多，请增加关键词或使用高级检索缩小范围。`
      : html`共找到 <strong>${r.total}</strong> 条结果${r.rankedOf !== null && r.rankedOf < r.total ? `，按相关度排列其中最新的 ${r.rankedOf} 条` : ''}。`
  }</p>
<ol class="doc-list" start="${(r.page - 1) * r.pageSize + 1}">${r.hits.map(
    (h) => html`<li><a href="/d/${h.itemId}">${hl(h.titleParts)}</a>
<p>${hl(h.snippet)}</p>
<p class="muted">${agencies.get(h.agencyId)?.name ?? ''} · ${h.publishedOn}${h.docNo ? html` · ${h.docNo}` : ''}${h.validity !== 'valid' ? html` · ${VALIDITY_LABELS[h.validity as Validity] ?? ''}` : ''}</p></li>`,
  )}</ol>`;
}

type SearchQS = {
  q?: string;
  year?: string;
  subject?: string;
  docNo?: string;
  validity?: string;
  order?: string;
  category?: string;
  page?: string;
};

async function runSearch(
  deps: Deps,
  qs: SearchQS,
  agency: AgencyNode | null,
  entries: CatalogEntryRow[] | null,
) {
  const page = Math.min(Math.max(Number(qs.page) || 1, 1), 500);
  const category = Number(qs.category) || 0;
  return searchItems(deps, {
    // items past online retention leave search as they leave the lists (《省司法厅信息公开指南》)
    retention: await retentionFilter(deps, agency ? [agency.id] : null),
    q: (qs.q ?? '').slice(0, 100),
    agencyIds: agency ? [agency.id] : undefined,
    catalogEntryIds:
      category && entries
        ? entries.some((e) => e.id === category)
          ? descendants(entries, category)
          : []
        : undefined,
    year: /^\d{4}$/.test(qs.year ?? '') ? Number(qs.year) : undefined,
    subjectCode: /^\d{2}(\.\w+)?$/.test(qs.subject ?? '') ? qs.subject : undefined,
    docNo: qs.docNo?.trim().slice(0, 50) || undefined,
    validity: qs.validity && qs.validity in VALIDITY_LABELS ? qs.validity : undefined,
    order: qs.order === 'date' ? 'date' : 'relevance',
    page,
    pageSize: PAGE_SIZE,
  });
}

function xmlEscape(s: string): string {
  return escapeHtml(s);
}

export function publicationPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const notFound = (req: FastifyRequest, reply: FastifyReply) =>
      renderErrorPage(deps, req, reply.status(404), null);

    // ------------------------------------------------------------ 法定主动公开内容 (the catalog)
    app.get<{ Params: { code: string }; Querystring: { entry?: string; page?: string } }>(
      '/a/:code/catalog',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        if (!agency) return notFound(req, reply);
        const cutoff = await retentionCutoff(deps, agency.id);
        // entries and per-entry counts: cached with the latest lists, dropped on publish/revoke/edit
        const { entries, counts } = await publicCatalogTree(deps, agency.id, cutoff);
        // children by parent once, totals memoised: the tree is walked once, not once per entry
        const children = new Map<number | null, CatalogEntryRow[]>();
        for (const e of entries) {
          const list = children.get(e.parentId);
          if (list) list.push(e);
          else children.set(e.parentId, [e]);
        }
        const totals = new Map<number, number>();
        const total = (id: number): number => {
          let n = totals.get(id);
          if (n === undefined) {
            n = counts.get(id) ?? 0;
            for (const k of children.get(id) ?? []) n += total(k.id);
            totals.set(id, n);
          }
          return n;
        };
        const entryId = Number(req.query.entry) || 0;
        const current = entries.find((e) => e.id === entryId);
        const page = Math.max(Number(req.query.page) || 1, 1);
        const tree = (parentId: number | null): SafeHtml => {
          const kids = children.get(parentId) ?? [];
          if (kids.length === 0) return html``;
          return html`<ul>${kids.map(
            (e) =>
              html`<li><a href="/a/${agency.code}/catalog?entry=${e.id}"${e.id === entryId ? raw(' aria-current="true"') : ''}>${e.name}</a> <span class="muted">（${total(e.id)}）</span>${tree(e.id)}</li>`,
          )}</ul>`;
        };
        const list = await repo.publicList(deps.db, {
          agencyId: agency.id,
          catalogEntryIds: current ? descendants(entries, current.id) : undefined,
          retentionCutoff: cutoff,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
          // the same filter as the counts (publicOnly, agency, retention): the sum is the list's total
          knownTotal: current ? total(current.id) : [...counts.values()].reduce((n, c) => n + c, 0),
        });
        return renderAgencyColumnPage(deps, req, reply, agency, 'catalog', {
          title: current?.name,
          body: html`<h1>法定主动公开内容</h1>
<div class="panel"><form role="search" method="get" action="/a/${agency.code}/search"><label for="cq">在本机关公开信息中搜索</label> <input id="cq" name="q" type="search" maxlength="100"> <button type="submit">搜索</button></form></div>
<nav class="panel" aria-labelledby="tree-h"><h2 id="tree-h">主动公开基本目录</h2>${tree(null)}</nav>
<section class="panel" aria-labelledby="list-h"><h2 id="list-h">${current ? current.name : '最新公开信息'}</h2>
${current ? html`<dl class="facts"><dt>公开事项</dt><dd>${current.matter ?? current.name}</dd><dt>公开时限</dt><dd>${current.timeLimit}</dd><dt>公开方式</dt><dd>${current.form}</dd></dl>` : ''}
${itemList(list.rows)}${pager(`/a/${agency.code}/catalog`, page, list.total, { entry: current?.id })}
<p class="muted">概况信息、法规文件、发展规划、行政执法依据、收费、公共服务等信息长期公开；其他信息网上留存期满后不再列出，已归档保存，可<a href="/a/${agency.code}/apply">依申请获取</a>。</p>
<p><a href="/a/${agency.code}/feed.xml${current ? `?category=${current.id}` : ''}">订阅（RSS）</a> · <a href="/a/${agency.code}/atom.xml${current ? `?category=${current.id}` : ''}">订阅（Atom）</a></p></section>`,
        });
      },
    );

    // ------------------------------------------------------------ 政府信息公开制度
    app.get<{ Params: { code: string } }>(
      '/a/:code/regimes',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        if (!agency) return notFound(req, reply);
        await inTransaction(deps, (tx) => ensureCatalog(deps, tx, agency.id));
        const entry = (await repo.catalog(deps.db, agency.id)).find((e) => e.code === REGIMES_ENTRY_CODE);
        const list = await repo.publicList(deps.db, {
          agencyId: agency.id,
          catalogEntryIds: entry ? [entry.id] : [],
          retentionCutoff: '0000-00-00',
          limit: 100,
          offset: 0,
        });
        return renderAgencyColumnPage(deps, req, reply, agency, 'regimes', {
          body: html`<h1>政府信息公开制度</h1><div class="panel">${itemList(list.rows)}</div>`,
        });
      },
    );

    // 政府信息公开指南 and its history: guide.pages.ts
    await app.register(guidePages(deps));

    // ------------------------------------------------------------ search
    const searchPage = async (
      req: FastifyRequest<{ Querystring: SearchQS }>,
      reply: FastifyReply,
      agency: AgencyNode | null,
    ) => {
      const entries = agency ? (await repo.catalog(deps.db, agency.id)).filter((e) => e.active === 1) : null;
      const r = await runSearch(deps, req.query, agency, entries);
      const dir = await agencyDirectory(deps);
      const action = agency ? `/a/${agency.code}/search` : '/search';
      const qs = req.query;
      const body = html`<h1>${agency ? `在${agency.name}公开信息中搜索` : '政府信息检索'}</h1>
${searchForm(action, qs as Record<string, string | undefined>, entries ?? undefined)}
<section aria-label="搜索结果">${searchResults(r, dir.byId)}${pager(action, r.page, r.rankedOf ?? r.total, { q: qs.q, year: qs.year, subject: qs.subject, docNo: qs.docNo, validity: qs.validity, order: qs.order, category: qs.category })}</section>`;
      const title = qs.q ? `“${qs.q.slice(0, 30)}”的搜索结果` : '搜索';
      if (agency)
        return renderAgencyColumnPage(deps, req, reply, agency, 'catalog', {
          title,
          crumbs: [{ href: `/a/${agency.code}/catalog`, label: '法定主动公开内容' }, { label: '搜索' }],
          body,
        });
      return renderPortalPage(deps, req, reply, {
        title,
        columnName: '搜索',
        columnType: '信息公开目录',
        crumbs: [{ href: '/', label: '首页' }, { label: '搜索' }],
        body,
      });
    };
    app.get<{ Querystring: SearchQS }>(
      '/search',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => searchPage(req, reply, null),
    );
    app.get<{ Params: { code: string }; Querystring: SearchQS }>(
      '/a/:code/search',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        if (!agency) return notFound(req, reply);
        return searchPage(req, reply, agency);
      },
    );

    // ------------------------------------------------------------ the document page (stable permalink /d/:id)
    app.get<{ Params: { id: string }; Querystring: { print?: string } }>(
      '/d/:id',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const id = Number(req.params.id);
        // one hot read (prepared statements on SQLite): item, entry, attachments, interpretations, links
        const doc = Number.isSafeInteger(id) && id > 0 ? await publicDocument(deps.handle, id) : undefined;
        const agency = doc ? await publicAgencyOf(deps, doc.item) : null;
        if (!doc || !agency) return notFound(req, reply);
        const { item, entry, attachments: atts, interpretations, policy, replacement } = doc;
        const channels = (JSON.parse(item.channelsJson) as string[])
          .map((c) => CHANNEL_LABELS[c as Channel] ?? c)
          .join('、');
        const body = item.partial ? (item.publicBodyHtml ?? '') : item.bodyHtml;
        const validity = item.validity as Validity;
        // 《省司法厅信息公开指南》: non-permanent items leave the public lists after the retention period and stay in the archive
        const archived = isPastRetention(
          item,
          entry?.permanent === 1,
          await retentionCutoff(deps, item.agencyId),
        );
        const meta: [string, string | null][] = [
          ['索引号', item.indexNo],
          ['主题分类', subjectLabel(item.subjectCode)],
          ['发布机构', item.publisher],
          ['成文日期', formatDateZh(item.generatedOn)],
          ['发布日期', item.publishedOn ? formatDateZh(item.publishedOn) : null],
          ['文号', item.docNo],
          ['有效性', VALIDITY_LABELS[validity] ?? item.validity],
          ['目录分类', entry?.name ?? null],
          ['公开方式', channels],
          ['关键词', item.keywords],
        ];
        const printView = req.query.print === '1';
        const related = await documentLinks(deps, item);
        return renderAgencyColumnPage(deps, req, reply, agency, 'catalog', {
          title: item.title,
          crumbs: [
            { href: `/a/${agency.code}/catalog`, label: '法定主动公开内容' },
            ...(entry ? [{ href: `/a/${agency.code}/catalog?entry=${entry.id}`, label: entry.name }] : []),
            { label: '正文' },
          ],
          article: {
            title: item.title,
            pubDate: `${item.publishedOn} ${(item.publishedAt ?? '').slice(11, 16)}`.trim(),
            source: item.publisher,
          },
          body: html`<article>
${validity !== 'valid' ? html`<div class="notice" role="note"><strong>本文件${VALIDITY_LABELS[validity]}</strong>${item.validityChangedOn ? html`（${formatDateZh(item.validityChangedOn)}）` : ''}。${item.validityNote ?? ''}${replacement ? html` 现行文件：<a href="/d/${replacement.id}">${replacement.title}</a>` : ''}</div>` : ''}
${archived ? html`<div class="notice" role="note"><strong>本信息已超过网上公开留存期</strong>，已归档保存，不再在公开目录中列出。如需获取本信息，可<a href="${archiveRequestHref(agency.code, item)}">依申请获取</a>（申请表已预先填写信息名称和索引号）。</div>` : ''}
<table class="report-table"><caption>信息属性</caption><tbody>${meta
            .filter(([, v]) => v)
            .map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>
<h1>${item.title}</h1>
${item.summary ? html`<p class="muted">内容概述：${item.summary}</p>` : ''}
<div class="panel doc-body">${raw(body)}</div>
${atts.length ? html`<section class="panel" aria-labelledby="att-h"><h2 id="att-h">附件</h2><ul>${atts.map((a) => html`<li><a href="/d/${item.id}/files/${a.id}" download>${a.name}</a> <span class="muted">（${Math.max(1, Math.round(a.size / 1024))} KB）</span></li>`)}</ul></section>` : ''}
${policy ? html`<p class="panel">本文为政策解读，所解读的文件：<a href="/d/${policy.id}">${policy.title}</a></p>` : ''}
${interpretations.length ? html`<section class="panel" aria-labelledby="int-h"><h2 id="int-h">政策解读</h2>${itemList(interpretations)}</section>` : ''}
${related.length ? html`<section class="panel" aria-labelledby="rel-h"><h2 id="rel-h">公众参与</h2><ul>${related.map((l) => html`<li>${l.label}：<a href="${l.href}">${l.text}</a></li>`)}</ul></section>` : ''}
${item.producingUnit || item.responsiblePerson ? html`<p class="muted">${item.producingUnit ? html`产生单位：${item.producingUnit} ` : ''}${item.responsiblePerson ? html`责任人：${item.responsiblePerson}` : ''}</p>` : ''}
<p>${printView ? html`<a href="/d/${item.id}">返回正常视图</a>（请使用浏览器的打印功能）` : html`<a href="/d/${item.id}?print=1">打印视图</a>`} · 本页永久链接：<a href="/d/${item.id}">${deps.config.publicBaseUrl}/d/${item.id}</a></p>
</article>`,
        });
      },
    );

    app.get<{ Params: { id: string; fileId: string } }>(
      '/d/:id/files/:fileId',
      { schema: { hide: true }, config: FEED_CACHE },
      async (req, reply) => {
        const id = Number(req.params.id);
        const fileId = Number(req.params.fileId);
        const item = Number.isSafeInteger(id) && id > 0 ? await repo.publicItem(deps.db, id) : undefined;
        const agency = item ? await publicAgencyOf(deps, item) : null;
        const att =
          item && agency && Number.isSafeInteger(fileId) && fileId > 0
            ? await repo.attachment(deps.db, fileId)
            : undefined;
        // an attachment is public only as a public-visible file of a public item (never the original of a partial publication)
        if (!item || !att || att.itemId !== item.id || att.publicVisible !== 1) return notFound(req, reply);
        return (
          reply
            .type(att.mime)
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(att.name)}`)
            .header('x-content-type-options', 'nosniff')
            // the bytes under one attachment id never change: If-Modified-Since can be answered 304
            .header('last-modified', new Date(att.createdAt).toUTCString())
            .send(Buffer.from(att.contentB64, 'base64'))
        );
      },
    );

    // ------------------------------------------------------------ feeds
    const feedItems = async (agency: AgencyNode, category: number) => {
      const entries = await repo.catalog(deps.db, agency.id);
      const ids = category
        ? entries.some((e) => e.id === category)
          ? descendants(entries, category)
          : []
        : undefined;
      const list = await repo.publicList(deps.db, {
        agencyId: agency.id,
        catalogEntryIds: ids,
        retentionCutoff: await retentionCutoff(deps, agency.id),
        limit: 50,
        offset: 0,
      });
      return { rows: list.rows, entry: entries.find((e) => e.id === category) };
    };
    const base = deps.config.publicBaseUrl;
    app.get<{ Params: { code: string }; Querystring: { category?: string } }>(
      '/a/:code/feed.xml',
      { schema: { hide: true }, config: FEED_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        if (!agency) return notFound(req, reply);
        const { rows, entry } = await feedItems(agency, Number(req.query.category) || 0);
        const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${xmlEscape(`${agency.name}${entry ? ` - ${entry.name}` : ''}`)}</title><link>${xmlEscape(`${base}/a/${agency.code}/catalog`)}</link><description>${xmlEscape(`${agency.name}主动公开的政府信息`)}</description><language>zh-CN</language>
${rows.map((r) => `<item><title>${xmlEscape(r.title)}</title><link>${base}/d/${r.id}</link><guid>${base}/d/${r.id}</guid><pubDate>${new Date(r.publishedAt ?? `${r.publishedOn}T00:00:00+08:00`).toUTCString()}</pubDate>${r.summary ? `<description>${xmlEscape(r.summary)}</description>` : ''}</item>`).join('\n')}
</channel></rss>`;
        return reply.type('application/rss+xml; charset=utf-8').send(xml);
      },
    );
    app.get<{ Params: { code: string }; Querystring: { category?: string } }>(
      '/a/:code/atom.xml',
      { schema: { hide: true }, config: FEED_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        if (!agency) return notFound(req, reply);
        const { rows, entry } = await feedItems(agency, Number(req.query.category) || 0);
        const updated = rows[0]?.publishedAt ?? deps.clock.now().toISOString();
        const xml = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlEscape(`${agency.name}${entry ? ` - ${entry.name}` : ''}`)}</title><id>${xmlEscape(`${base}/a/${agency.code}/atom.xml${entry ? `?category=${entry.id}` : ''}`)}</id><link href="${xmlEscape(`${base}/a/${agency.code}/catalog`)}"/><updated>${updated}</updated>
${rows.map((r) => `<entry><title>${xmlEscape(r.title)}</title><id>${base}/d/${r.id}</id><link href="${base}/d/${r.id}"/><updated>${r.publishedAt ?? `${r.publishedOn}T00:00:00+08:00`}</updated><author><name>${xmlEscape(r.publisher)}</name></author>${r.summary ? `<summary>${xmlEscape(r.summary)}</summary>` : ''}</entry>`).join('\n')}
</feed>`;
        return reply.type('application/atom+xml; charset=utf-8').send(xml);
      },
    );

    // ------------------------------------------------------------ sitemap of documents
    app.get('/sitemap-documents.xml', { schema: { hide: true }, config: FEED_CACHE }, async (_req, reply) => {
      // items past online retention leave the sitemap as they leave the lists (《省司法厅信息公开指南》)
      const retention = await retentionFilter(deps, null);
      const oldest = [retention.cutoff, ...(retention.byAgency ?? []).map((g) => g.cutoff)].sort()[0]!;
      const rows = await repo.publicSitemap(deps.db, 50_000, oldest);
      const dir = await agencyDirectory(deps);
      const out: string[] = [];
      for (const r of rows) {
        const a = dir.byId.get(r.agencyId);
        if (!a || !(await publicAgencyByCode(deps, a.code))) continue;
        if (r.permanent !== 1 && (r.publishedOn ?? '') < cutoffFor(retention, r.agencyId)) continue;
        out.push(
          `<url><loc>${base}/d/${r.id}</loc>${r.publishedOn ? `<lastmod>${r.publishedOn}</lastmod>` : ''}</url>`,
        );
      }
      return reply
        .type('application/xml; charset=utf-8')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${out.join('\n')}\n</urlset>\n`,
        );
    });
  };
}
