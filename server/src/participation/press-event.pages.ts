/**
 * Public portal pages of 新闻发布会 / 在线访谈 (no JavaScript, labelled fields, lang=zh-CN through the
 * portal layout): the agency's events (upcoming and held, with their transcripts), one event with its
 * speakers, time and place, the question form while it is announced (POST-redirect-GET, the portal's
 * double-submit form token, the public POST rate limit, Chinese field errors), and the published
 * transcript or summary once held. Questioners' names and contacts are never shown.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import {
  checkFormToken,
  FORM_EXPIRED_MESSAGE,
  FORM_FIELD,
  issueFormToken,
} from '../portal-frame/form-csrf.ts';
import { publicAgencyByCode, renderPortalPage } from '../portal-frame/index.ts';
import { AppError, type FieldProblem, isAppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { formatDateZh } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { refuseNul } from '../shared/input-guard.ts';
import { PAGE_CACHE } from '../shared/public-cache.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  acceptsQuestions,
  countsAsHeld,
  PRESS_KIND_LABELS,
  PRESS_STATUS_LABELS,
  type PressEventKind,
  type PressEventStatus,
  parseSpeakers,
  pressEventPublic,
} from './press-event.ts';
import { pressEventRepository } from './press-event.repository.ts';
import { questionProblems, submitQuestion } from './press-event.service.ts';
import type { PressEventRow } from './press-event.table.ts';

type Form = Record<string, string>;

const CSS = html`<style>
.gk-form fieldset{border:1px solid #d9d9d9;border-radius:4px;padding:1rem;margin:0 0 1.25rem;background:#fff}
.gk-form legend{font-weight:700;padding:0 .4rem;font-size:1.1rem}
.gk-form .field{margin:0 0 1rem}
.gk-form label{display:block;font-weight:600;margin-bottom:.3rem}
.gk-form .req{color:#a4161a}
.gk-form input[type=text],.gk-form textarea{width:100%;max-width:40rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:3px;background:#fff;color:#1a1a1a}
.gk-form textarea{min-height:8rem}
.gk-form .hint{font-size:.9rem;color:#444;margin:.2rem 0 0}
.gk-form .err{color:#a4161a;font-weight:600;margin:.25rem 0 0}
.gk-form [aria-invalid=true]{border:2px solid #a4161a}
.gk-btn{font:inherit;font-size:1.1rem;padding:.6rem 2rem;background:#a4161a;color:#fff;border:0;border-radius:4px;cursor:pointer}
.errsummary{border:2px solid #a4161a;background:#fff5f5;padding:1rem;border-radius:4px;margin-bottom:1.25rem}
.gk-ok{border:2px solid #2e7d32;background:#f1f8e9;padding:1rem;border-radius:4px;margin-bottom:1.25rem}
.gk-pre{white-space:pre-wrap}
html.a11y-contrast .gk-form fieldset,html.a11y-contrast .gk-form input,html.a11y-contrast .gk-form textarea,html.a11y-contrast .errsummary,html.a11y-contrast .gk-ok{background:#000;color:#ffeb3b;border-color:#ffeb3b}
html.a11y-contrast .gk-btn{background:#ffeb3b;color:#000}
</style>`;

function readForm(req: FastifyRequest): Form {
  const form: Form = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
    if (typeof v === 'string') form[k] = v;
  refuseNul(form);
  return form;
}

function errorOf(problems: FieldProblem[], field: string): SafeHtml | string {
  const p = problems.find((x) => x.field === field);
  return p ? html`<p class="err" id="${field}-err">${p.label}：${p.message}</p>` : '';
}

function invalid(problems: FieldProblem[], field: string) {
  return problems.some((x) => x.field === field)
    ? html` aria-invalid="true" aria-describedby="${field}-err"`
    : '';
}

function errorSummary(problems: FieldProblem[], banner?: string): SafeHtml | string {
  if (problems.length === 0 && !banner) return '';
  return html`<div class="errsummary" role="alert" tabindex="-1" id="errors"><h2>提交未成功</h2>${banner ? html`<p>${banner}</p>` : ''}${
    problems.length > 0
      ? html`<ul>${problems.map((p) => html`<li><a href="#${p.field}">${p.label}：${p.message}</a></li>`)}</ul>`
      : ''
  }</div>`;
}

const kindOf = (e: PressEventRow) => PRESS_KIND_LABELS[e.kind as PressEventKind] ?? '';
const whenOf = (e: PressEventRow) => `${formatDateZh(e.eventDate)} ${e.startTime}`;

function questionForm(
  agency: AgencyNode,
  e: PressEventRow,
  token: string,
  f: Form,
  problems: FieldProblem[],
  banner?: string,
): SafeHtml {
  return html`<section aria-labelledby="ask-h"><h2 id="ask-h">网民提问</h2>
<p>欢迎在${formatDateZh(e.eventDate)}前就本次${kindOf(e)}的主题提出问题，问题经审核后可能在${kindOf(e)}中回答。</p>
${errorSummary(problems, banner)}
<form class="gk-form" method="post" action="/a/${agency.code}/press/${String(e.id)}/questions" novalidate>
<input type="hidden" name="${FORM_FIELD}" value="${token}">
<fieldset><legend>您的问题</legend>
<div class="field"><label for="body">问题内容 <span class="req">（必填）</span></label>
<textarea id="body" name="body" maxlength="2000" required${invalid(problems, 'body')}>${f.body ?? ''}</textarea>
<p class="hint">不超过2000字。请勿填写身份证号等个人信息。</p>${errorOf(problems, 'body')}</div>
</fieldset>
<fieldset><legend>联系信息（不公开）</legend>
<div class="field"><label for="name">姓名 <span class="req">（必填）</span></label>
<input type="text" id="name" name="name" maxlength="50" autocomplete="name" value="${f.name ?? ''}" required${invalid(problems, 'name')}>${errorOf(problems, 'name')}</div>
<div class="field"><label for="contact">联系方式 <span class="req">（必填）</span></label>
<input type="text" id="contact" name="contact" maxlength="100" autocomplete="tel" value="${f.contact ?? ''}" required${invalid(problems, 'contact')}>
<p class="hint">手机号码或电子邮箱，仅供工作人员联系核实，不会公开。</p>${errorOf(problems, 'contact')}</div>
</fieldset>
<p><button class="gk-btn" type="submit">提交问题</button></p>
</form></section>`;
}

function eventBody(
  agency: AgencyNode,
  e: PressEventRow,
  accepted: string[],
  form: SafeHtml | string,
): SafeHtml {
  const speakers = parseSpeakers(e.speakersJson);
  const status = e.status as PressEventStatus;
  return html`${CSS}<h1>${e.topic}</h1>
<dl class="facts">
<dt>形式</dt><dd>${kindOf(e)}</dd>
<dt>状态</dt><dd>${PRESS_STATUS_LABELS[status] ?? ''}</dd>
<dt>时间</dt><dd>${whenOf(e)}</dd>
${e.place ? html`<dt>地点</dt><dd>${e.place}</dd>` : ''}
${e.onlineUrl ? html`<dt>在线观看</dt><dd><a href="${e.onlineUrl}" rel="noopener noreferrer">${e.onlineUrl}</a></dd>` : ''}
<dt>发布人</dt><dd>${speakers.map((s, i) => html`${i > 0 ? '；' : ''}${s.title} ${s.name}`)}</dd>
${status === 'cancelled' && e.cancelReason ? html`<dt>取消原因</dt><dd>${e.cancelReason}</dd>` : ''}
</dl>
${e.description ? html`<section aria-labelledby="desc-h"><h2 id="desc-h">简介</h2><div class="gk-pre">${e.description}</div></section>` : ''}
${
  status === 'summary_published' && e.summaryText
    ? html`<section aria-labelledby="summary-h"><h2 id="summary-h">文字实录</h2>
<p>发布日期：${e.summaryPublishedAt ? formatDateZh(chinaDate(new Date(e.summaryPublishedAt))) : ''}</p>
<div class="gk-pre">${e.summaryText}</div></section>`
    : status === 'held'
      ? html`<section aria-labelledby="summary-h"><h2 id="summary-h">文字实录</h2><p>文字实录整理后在此发布。</p></section>`
      : ''
}
${form}
${
  accepted.length > 0
    ? html`<section aria-labelledby="q-h"><h2 id="q-h">采用的网民问题（${String(accepted.length)}条）</h2><ol>${accepted.map((q) => html`<li class="gk-pre">${q}</li>`)}</ol></section>`
    : ''
}
<p><a href="/a/${agency.code}/press">返回新闻发布会列表</a></p>`;
}

export function pressEventPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    await app.register(formbody);
    const rateLimit = {
      rateLimit: { max: deps.config.publicPostRateLimitPerMinute, timeWindow: '1 minute' },
    };
    const today = () => chinaDate(deps.clock.now());

    async function agencyOr404(reply: FastifyReply, code: string) {
      const a = await publicAgencyByCode(deps, code);
      if (!a) {
        reply.status(404);
        throw new AppError('NOT_FOUND');
      }
      return a;
    }

    async function eventOr404(reply: FastifyReply, agency: AgencyNode, raw: string) {
      const e = /^[1-9]\d{0,8}$/.test(raw)
        ? await pressEventRepository.byId(deps.db, Number(raw))
        : undefined;
      if (!e || e.agencyId !== agency.id || !pressEventPublic(e.status as PressEventStatus, e.announcedAt)) {
        reply.status(404);
        throw new AppError('NOT_FOUND');
      }
      return e;
    }

    const frame = (
      req: FastifyRequest,
      reply: FastifyReply,
      agency: AgencyNode,
      title: string,
      body: SafeHtml,
      crumbs: { href?: string; label: string }[],
    ) =>
      renderPortalPage(deps, req, reply, {
        title: `${title} - ${agency.name}`,
        columnName: '新闻发布会',
        columnType: '新闻发布会',
        subtitle: `${agency.name} · 政府信息公开专栏`,
        agency,
        crumbs: [{ href: '/', label: '首页' }, { href: `/a/${agency.code}/`, label: agency.name }, ...crumbs],
        body,
      });

    app.get<{ Params: { code: string } }>(
      '/a/:code/press',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const rows = await pressEventRepository.publicForAgency(deps.db, agency.id);
        const upcoming = rows.filter((e) => e.status === 'announced').reverse();
        const held = rows.filter((e) => countsAsHeld(e.status as PressEventStatus));
        const list = (items: PressEventRow[], empty: string) =>
          items.length === 0
            ? html`<p>${empty}</p>`
            : html`<ul class="gk-list">${items.map(
                (e) =>
                  html`<li><a href="/a/${agency.code}/press/${String(e.id)}">${e.topic}</a> <span>（${kindOf(e)}，${whenOf(e)}${
                    e.status === 'summary_published' ? '，已发布文字实录' : ''
                  }）</span></li>`,
              )}</ul>`;
        return frame(
          req,
          reply,
          agency,
          '新闻发布会',
          html`<h1>新闻发布会与在线访谈</h1>
<p>本机关举办的新闻发布会、在线访谈和政策吹风会：举办前公布时间、地点和发布人并征集网民问题，举办后发布文字实录。</p>
<section aria-labelledby="up-h"><h2 id="up-h">即将举办</h2>${list(upcoming, '目前没有预告的发布会或访谈。')}</section>
<section aria-labelledby="held-h"><h2 id="held-h">已举办</h2>${list(held, '暂无已举办的发布会或访谈。')}</section>`,
          [{ label: '新闻发布会' }],
        );
      },
    );

    async function renderEvent(
      req: FastifyRequest,
      reply: FastifyReply,
      agency: AgencyNode,
      e: PressEventRow,
      f: Form,
      problems: FieldProblem[],
      banner?: string,
      sent = false,
    ) {
      const status = e.status as PressEventStatus;
      const accepted = (await pressEventRepository.questions(deps.db, e.id))
        .filter((q) => q.moderation === 'accepted')
        .map((q) => q.body);
      const ok = sent
        ? html`<div class="gk-ok" role="status"><p>您的问题已提交，感谢参与。问题经审核后可能在${kindOf(e)}中回答；您的姓名和联系方式不会公开。</p></div>`
        : '';
      const form = acceptsQuestions(status, e.eventDate, today())
        ? html`${ok}${questionForm(agency, e, issueFormToken(req, reply), f, problems, banner)}`
        : html`${ok}${
            status === 'announced'
              ? html`<section aria-labelledby="ask-h"><h2 id="ask-h">网民提问</h2><p>问题征集已结束。</p></section>`
              : ''
          }`;
      return frame(req, reply, agency, e.topic, eventBody(agency, e, accepted, form), [
        { href: `/a/${agency.code}/press`, label: '新闻发布会' },
        { label: e.topic },
      ]);
    }

    app.get<{ Params: { code: string; id: string }; Querystring: { sent?: string } }>(
      '/a/:code/press/:id',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const e = await eventOr404(reply, agency, req.params.id);
        reply.header('cache-control', 'no-store');
        return renderEvent(req, reply, agency, e, {}, [], undefined, req.query.sent === '1');
      },
    );

    app.post<{ Params: { code: string; id: string } }>(
      '/a/:code/press/:id/questions',
      { schema: { hide: true }, config: rateLimit },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const e = await eventOr404(reply, agency, req.params.id);
        const f = readForm(req);
        reply.header('cache-control', 'no-store');
        if (!checkFormToken(req, f[FORM_FIELD])) {
          reply.status(403);
          return renderEvent(req, reply, agency, e, f, [], FORM_EXPIRED_MESSAGE);
        }
        const input = { body: f.body ?? '', name: f.name ?? '', contact: f.contact ?? '' };
        const problems = questionProblems(input);
        if (problems.length > 0) {
          reply.status(400);
          return renderEvent(req, reply, agency, e, f, problems);
        }
        try {
          await inTransaction(deps, (tx) => submitQuestion(deps, tx, e.id, input, req.ip));
          return reply
            .code(303)
            .header('location', `/a/${agency.code}/press/${String(e.id)}?sent=1`)
            .send();
        } catch (err) {
          if (isAppError(err) && err.code === 'PRESS_EVENT_NOT_ACCEPTING') {
            reply.status(err.status);
            return renderEvent(req, reply, agency, e, f, [], err.message);
          }
          throw err;
        }
      },
    );
  };
}
