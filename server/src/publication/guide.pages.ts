/**
 * The public guide column (政府信息公开指南, R.12): the latest published version with its number and
 * date, and the earlier versions ("历史版本"), each viewable. Server-rendered, escaped, no JavaScript.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { agencyRepository } from '../agencies/agency.repository.ts';
import { publicAgencyByCode, renderAgencyColumnPage, renderErrorPage } from '../portal-frame/index.ts';
import { formatDateZh } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { archiveRepository as arch } from './archive.repository.ts';
import {
  CONTACT_LABELS,
  contactOf,
  defaultGuide,
  type GuideContact,
  type GuideContent,
  parseGuideContent,
} from './guide.ts';
import type { GuideVersionRow } from './publication.table.ts';
import { publicationRepository as repo } from './publication.repository.ts';
import { PAGE_CACHE } from '../shared/public-cache.ts';

function contactBlock(c: GuideContact): SafeHtml {
  const rows = (Object.keys(CONTACT_LABELS) as (keyof GuideContact)[]).filter((k) => c[k]);
  return html`<section class="panel" aria-labelledby="contact-h"><h2 id="contact-h">政府信息公开工作机构</h2>
<dl class="facts">${rows.map((k) => html`<dt>${CONTACT_LABELS[k]}</dt><dd>${c[k]}</dd>`)}</dl></section>`;
}

function sectionsOf(content: GuideContent): SafeHtml {
  return html`${content.sections.map(
    (s) =>
      html`<section class="panel"><h2>${s.heading}</h2>${s.text
        .split('\n')
        .filter((p) => p.trim())
        .map((p) => html`<p>${p}</p>`)}</section>`,
  )}`;
}

function historyList(agency: AgencyNode, versions: GuideVersionRow[], current: number | null): SafeHtml {
  if (versions.length === 0 || (versions.length === 1 && current === versions[0]!.version)) return html``;
  return html`<section class="panel" aria-labelledby="hist-h"><h2 id="hist-h">历史版本</h2><ul>${versions.map(
    (v) =>
      html`<li>${
        v.version === current
          ? html`<strong>第 ${v.version} 版（${formatDateZh(v.publishedOn)}发布，当前查看）</strong>`
          : html`<a href="/a/${agency.code}/guide/v/${v.version}">第 ${v.version} 版</a>（${formatDateZh(v.publishedOn)}发布）`
      }${v === versions[0] ? html` · 现行版本` : ''}</li>`,
  )}</ul></section>`;
}

export function guidePages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const notFound = (req: FastifyRequest, reply: FastifyReply) =>
      renderErrorPage(deps, req, reply.status(404), null);

    app.get<{ Params: { code: string } }>(
      '/a/:code/guide',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        if (!agency) return notFound(req, reply);
        const row = await agencyRepository.byId(deps.db, agency.id);
        if (!row) return notFound(req, reply);
        // the agency record's current contact data is authoritative for the current guide
        const contact = contactOf(row);
        const versions = await repo.guideVersions(deps.db, agency.id);
        const latest = versions[0];
        const content = latest ? parseGuideContent(latest.contentJson) : defaultGuide(agency.name, contact);
        return renderAgencyColumnPage(deps, req, reply, agency, 'guide', {
          body: html`<h1>${agency.name}政府信息公开指南</h1>
${latest ? html`<p class="muted">第 ${latest.version} 版 · 发布日期 ${formatDateZh(latest.publishedOn)}</p>` : html`<p class="muted">本机关尚未发布指南正式版本，以下为平台提供的基本说明。</p>`}
${sectionsOf(content)}
${contactBlock(contact)}
${historyList(agency, versions, latest?.version ?? null)}`,
        });
      },
    );

    app.get<{ Params: { code: string; version: string } }>(
      '/a/:code/guide/v/:version',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await publicAgencyByCode(deps, req.params.code);
        const n = Number(req.params.version);
        if (!agency || !Number.isSafeInteger(n) || n < 1) return notFound(req, reply);
        const v = await arch.guideVersion(deps.db, agency.id, n);
        if (!v) return notFound(req, reply);
        const versions = await repo.guideVersions(deps.db, agency.id);
        const content = parseGuideContent(v.contentJson);
        const isCurrent = versions[0]?.version === v.version;
        return renderAgencyColumnPage(deps, req, reply, agency, 'guide', {
          title: `政府信息公开指南（第 ${v.version} 版）`,
          crumbs: [
            { href: `/a/${agency.code}/guide`, label: '政府信息公开指南' },
            { label: `第 ${v.version} 版` },
          ],
          body: html`<h1>${agency.name}政府信息公开指南（第 ${v.version} 版）</h1>
<p class="muted">发布日期 ${formatDateZh(v.publishedOn)}${isCurrent ? ' · 现行版本' : html` · 本版本已被新版本替代，<a href="/a/${agency.code}/guide">查看现行版本</a>`}</p>
${sectionsOf(content)}
${content.contact ? contactBlock(content.contact) : ''}
${historyList(agency, versions, v.version)}`,
        });
      },
    );
  };
}
