/**
 * Public portal pages of contacts (咨询投诉, no JavaScript, WCAG 2.1 AA): the form per agency
 * (/a/:code/mailbox — 咨询、建议、投诉举报、领导信箱、评议; name and contact kept private), the
 * receipt with the tracking number and code (POST-redirect-GET through a short-lived httpOnly cookie),
 * the sender's tracking page with the approved reply and the satisfaction rating, and the public
 * ledger of answered messages whose senders agreed to publication (no personal data).
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { refuseNul } from '../shared/input-guard.ts';
import { PAGE_CACHE } from '../shared/public-cache.ts';
import {
  checkFormToken,
  FORM_EXPIRED_MESSAGE,
  FORM_FIELD,
  issueFormToken,
} from '../portal-frame/form-csrf.ts';
import { publicAgencyByCode, renderAgencyColumnPage, renderPortalPage } from '../portal-frame/index.ts';
import { AppError, type FieldProblem, isAppError } from '../shared/app-error.ts';
import { formatDateZh } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import { inTransaction } from '../shared/tx.ts';
import {
  answerDays,
  CONTACT_KIND_LABELS,
  CONTACT_KINDS,
  type ContactKind,
  EVALUATION_ASPECT_LABELS,
  EVALUATION_ASPECTS,
  EVALUATION_SCORE_LABELS,
  isContactKind,
  isSatisfaction,
  PORTAL_CHANNEL,
  SATISFACTION,
  SATISFACTION_LABELS,
} from './contact.ts';
import { presentForSender, presentLedgerRow } from './contact.presenter.ts';
import {
  answerStats,
  findTrackedContact,
  publicLedger,
  rateContact,
  submitFromPortal,
} from './contact.service.ts';
import { rulesForAgency } from '../agencies/agency.service.ts';

/** Holds "tracking number.code" between the POST and the receipt page (POST-redirect-GET). */
export const MAILBOX_RECEIPT_COOKIE = 'gk_mailbox';
const COLUMN = { columnName: '咨询投诉', columnType: '咨询投诉' };
const PAGE_SIZE = 20;

type Form = Record<string, string>;
const s = (f: Form, k: string) => (f[k] ?? '').trim();

const CSS = html`<style>
.gk-form fieldset{border:1px solid #d9d9d9;border-radius:4px;padding:1rem;margin:0 0 1.25rem;background:#fff}
.gk-form legend{font-weight:700;padding:0 .4rem;font-size:1.1rem}
.gk-form .field{margin:0 0 1rem}
.gk-form label{display:block;font-weight:600;margin-bottom:.3rem}
.gk-form .choice{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.gk-form .choice label{font-weight:400;display:inline-flex;gap:.35rem;align-items:center}
.gk-form input[type=text],.gk-form select,.gk-form textarea{width:100%;max-width:40rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:3px;background:#fff;color:#1a1a1a}
.gk-form textarea{min-height:8rem}
.gk-form .req{color:#a4161a}
.gk-form .hint{font-size:.9rem;color:#444;margin:.2rem 0 0}
.gk-form .err{color:#a4161a;font-weight:600;margin:.25rem 0 0}
.gk-form [aria-invalid=true]{border:2px solid #a4161a}
.gk-btn{font:inherit;font-size:1.1rem;padding:.6rem 2rem;background:#a4161a;color:#fff;border:0;border-radius:4px;cursor:pointer}
.errsummary{border:2px solid #a4161a;background:#fff5f5;padding:1rem;border-radius:4px;margin-bottom:1.25rem}
.receipt-code{font-size:1.6rem;font-weight:700;letter-spacing:.15em;font-family:monospace}
.reply{white-space:pre-wrap;background:#fff;border:1px solid #d9d9d9;padding:1rem}
.ledger article{border-bottom:1px solid #e5e5e5;padding:.75rem 0}
html.a11y-contrast .gk-form fieldset,html.a11y-contrast .gk-form input,html.a11y-contrast .gk-form select,html.a11y-contrast .gk-form textarea,html.a11y-contrast .errsummary,html.a11y-contrast .reply{background:#000;color:#ffeb3b;border-color:#ffeb3b}
html.a11y-contrast .gk-btn{background:#ffeb3b;color:#000}
</style>`;

function fieldError(errors: Map<string, string>, k: string): SafeHtml | string {
  const m = errors.get(k);
  return m ? html`<p class="err" id="${k}-err">${m}</p>` : '';
}
function invalid(errors: Map<string, string>, k: string): SafeHtml | string {
  return errors.has(k) ? html` aria-invalid="true" aria-describedby="${k}-err"` : '';
}

function summary(problems: FieldProblem[], banner?: string): SafeHtml | string {
  if (banner)
    return html`<div class="errsummary" id="error-summary" role="alert" tabindex="-1" autofocus><p>${banner}</p></div>`;
  if (problems.length === 0) return '';
  return html`<div class="errsummary" id="error-summary" role="alert" aria-labelledby="err-h" tabindex="-1" autofocus><h2 id="err-h">请修改以下 ${problems.length} 处内容后重新提交（已填写的内容已保留）</h2><ul>${problems.map(
    (p) => html`<li><a href="#${p.field}">${p.label}：${p.message}</a></li>`,
  )}</ul></div>`;
}

// ------------------------------------------------------------------ the form

export interface PortalContactInput {
  kind: ContactKind;
  subject: string;
  body: string;
  senderName: string | null;
  senderContact: string | null;
  publishConsent: boolean;
  scores: { content: number | null; form: number | null; system: number | null; effect: number | null };
}

/** Form fields → the service's input, with every problem named in Chinese. */
export function formToContact(f: Form): { input: PortalContactInput | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const kind = s(f, 'kind');
  if (!isContactKind(kind)) problems.push({ field: 'kind', label: '类别', message: '请选择留言类别' });
  const subject = s(f, 'subject');
  if (!subject) problems.push({ field: 'subject', label: '标题', message: '不能为空' });
  else if ([...subject].length > 200)
    problems.push({ field: 'subject', label: '标题', message: '不能超过 200 个字' });
  const body = s(f, 'body');
  if (!body) problems.push({ field: 'body', label: '内容', message: '不能为空' });
  else if ([...body].length > 5000)
    problems.push({ field: 'body', label: '内容', message: '不能超过 5000 个字' });
  const name = s(f, 'senderName');
  if ([...name].length > 50)
    problems.push({ field: 'senderName', label: '姓名', message: '不能超过 50 个字' });
  const contact = s(f, 'senderContact');
  if (contact && !/^([0-9+()\- ]{5,30}|[^@\s]{1,64}@[^@\s]+\.[^@\s]{1,30})$/.test(contact))
    problems.push({ field: 'senderContact', label: '联系方式', message: '请填写电话号码或电子邮箱' });
  const score = (k: string): number | null => {
    const v = s(f, k);
    if (!v) return null;
    if (!/^[1-5]$/.test(v)) {
      problems.push({ field: k, label: '评分', message: '请选择 1 至 5 分' });
      return null;
    }
    return Number(v);
  };
  const scores = {
    content: score('score_content'),
    form: score('score_form'),
    system: score('score_system'),
    effect: score('score_effect'),
  };
  if (problems.length > 0 || !isContactKind(kind)) return { input: null, problems };
  return {
    input: {
      kind,
      subject,
      body,
      senderName: name || null,
      senderContact: contact || null,
      publishConsent: f.publishConsent === '1',
      scores,
    },
    problems,
  };
}

function mailboxForm(
  agency: AgencyNode,
  token: string,
  f: Form,
  problems: FieldProblem[],
  days: Record<ContactKind, number>,
  banner?: string,
): SafeHtml {
  const errors = new Map(problems.map((p) => [p.field, p.message]));
  const kind = isContactKind(f.kind) ? f.kind : 'consultation';
  return html`${CSS}<h1>咨询投诉 · ${agency.name}</h1>
<section class="panel" aria-labelledby="how-h"><h2 id="how-h">办理说明</h2>
<ul>
<li>提交后系统生成<strong>留言编号</strong>和<strong>查询码</strong>，请妥善保存，凭此在“<a href="/mailbox/track">留言查询</a>”页面查看答复并评价。</li>
<li>网上提交之日为收到之日；答复期限按工作日计算（不含收到当日）：${CONTACT_KINDS.map(
    (k, i) => html`${i > 0 ? '；' : ''}${CONTACT_KIND_LABELS[k]} ${days[k]} 个工作日`,
  )}。评议意见的整改情况在收到之日起 15 个工作日内反馈。</li>
<li>您的姓名和联系方式只供承办人员联系您，不会公开。同意公开的，答复后在“<a href="/a/${agency.code}/mailbox/replies">答复公开</a>”中公开问题和答复，不含个人信息。</li>
<li>政府信息公开申请请通过“<a href="/a/${agency.code}/apply">依申请公开</a>”提出（条例第三十九条：信访、投诉、举报按相应渠道办理）。</li>
</ul></section>
${summary(problems, banner)}
<form class="gk-form" method="post" action="/a/${agency.code}/mailbox" novalidate>
<input type="hidden" name="${FORM_FIELD}" value="${token}">
<fieldset${invalid(errors, 'kind')}><legend id="kind">留言类别 <span class="req">（必填）</span></legend><div class="choice">
${CONTACT_KINDS.map(
  (k) =>
    html`<label><input type="radio" name="kind" value="${k}"${kind === k ? html` checked` : ''}> ${CONTACT_KIND_LABELS[k]}</label>`,
)}
</div>${fieldError(errors, 'kind')}</fieldset>
<fieldset><legend>留言内容</legend>
<div class="field"><label for="subject">标题 <span class="req">（必填）</span></label>
<input type="text" id="subject" name="subject" maxlength="200" value="${f.subject ?? ''}"${invalid(errors, 'subject')}>${fieldError(errors, 'subject')}</div>
<div class="field"><label for="body">内容 <span class="req">（必填）</span></label>
<textarea id="body" name="body" maxlength="5000"${invalid(errors, 'body')}>${f.body ?? ''}</textarea>${fieldError(errors, 'body')}</div>
</fieldset>
<fieldset><legend>评议打分（仅“评议”填写，选填）</legend>
<p class="hint">对本机关政务公开的内容、形式、制度和效果打分：5 分很好，1 分很差。</p>
${EVALUATION_ASPECTS.map(
  (a) => html`<div class="field"><label for="score_${a}">${EVALUATION_ASPECT_LABELS[a]}</label>
<select id="score_${a}" name="score_${a}"${invalid(errors, `score_${a}`)}><option value="">不打分</option>${[
    5, 4, 3, 2, 1,
  ].map(
    (n) =>
      html`<option value="${String(n)}"${f[`score_${a}`] === String(n) ? html` selected` : ''}>${String(n)} 分（${EVALUATION_SCORE_LABELS[n] ?? ''}）</option>`,
  )}</select>${fieldError(errors, `score_${a}`)}</div>`,
)}
</fieldset>
<fieldset><legend>联系人信息（不公开）</legend>
<div class="field"><label for="senderName">姓名（选填）</label>
<input type="text" id="senderName" name="senderName" maxlength="50" autocomplete="name" value="${f.senderName ?? ''}"${invalid(errors, 'senderName')}>${fieldError(errors, 'senderName')}</div>
<div class="field"><label for="senderContact">联系电话或电子邮箱（选填）</label>
<input type="text" id="senderContact" name="senderContact" maxlength="100" value="${f.senderContact ?? ''}"${invalid(errors, 'senderContact')}>
<p class="hint">需要电话或邮件答复的，请填写。</p>${fieldError(errors, 'senderContact')}</div>
<div class="field choice"><label><input type="checkbox" name="publishConsent" value="1"${f.publishConsent === '1' ? html` checked` : ''}> 同意答复后公开我的问题和答复（不公开姓名和联系方式）</label></div>
</fieldset>
<p><button class="gk-btn" type="submit">提交留言</button></p>
</form>`;
}

function trackForm(token: string, f: Form, message?: string): SafeHtml {
  return html`${CSS}<h1>留言查询</h1>
${message ? html`<div class="errsummary" role="alert" id="error-summary" tabindex="-1" autofocus><p>${message}</p></div>` : ''}
<form class="gk-form" method="post" action="/mailbox/track" novalidate>
<input type="hidden" name="${FORM_FIELD}" value="${token}">
<fieldset><legend>请输入留言编号和查询码</legend>
<div class="field"><label for="trackingNo">留言编号</label><input type="text" id="trackingNo" name="trackingNo" value="${f.trackingNo ?? ''}" maxlength="40" autocomplete="off"></div>
<div class="field"><label for="trackingCode">查询码</label><input type="text" id="trackingCode" name="trackingCode" value="${f.trackingCode ?? ''}" maxlength="40" autocomplete="off"></div>
</fieldset><p><button class="gk-btn" type="submit">查询</button></p></form>`;
}

function trackedView(
  v: ReturnType<typeof presentForSender>,
  token: string,
  code: string,
  notice?: string,
  problems: FieldProblem[] = [],
): SafeHtml {
  const errors = new Map(problems.map((p) => [p.field, p.message]));
  return html`${CSS}<h1>留言办理情况</h1>
${notice ? html`<div class="panel" role="status"><p>${notice}</p></div>` : ''}
${summary(problems)}
<section class="panel" aria-labelledby="st-h"><h2 id="st-h">基本情况</h2>
<dl class="facts"><dt>留言编号</dt><dd>${v.trackingNo}</dd>
<dt>类别</dt><dd>${v.kindLabel}</dd>
<dt>办理机关</dt><dd>${v.agencyName}</dd>
<dt>办理状态</dt><dd><strong>${v.statusLabel}</strong></dd>
<dt>收到日期</dt><dd>${formatDateZh(v.receivedOn)}</dd>
<dt>答复期限</dt><dd>${formatDateZh(v.dueOn)}前</dd>
<dt>标题</dt><dd>${v.subject}</dd></dl>
<h3>留言内容</h3><div class="reply">${v.body}</div></section>
<section class="panel" aria-labelledby="re-h"><h2 id="re-h">答复</h2>
${
  v.reply
    ? html`<p>答复单位：${v.answeredByUnit ?? ''}　答复日期：${v.answeredOn ? formatDateZh(v.answeredOn) : ''}${v.replyOutcomeLabel ? html`　处理结果：${v.replyOutcomeLabel}` : ''}</p><div class="reply">${v.reply}</div>`
    : html`<p>尚未答复，请在答复期限后再来查询。</p>`
}
${v.satisfactionLabel ? html`<p>您的评价：${v.satisfactionLabel}</p>` : ''}
</section>
${
  v.canRate
    ? html`<form class="gk-form" method="post" action="/mailbox/rate" novalidate>
<input type="hidden" name="${FORM_FIELD}" value="${token}"><input type="hidden" name="trackingNo" value="${v.trackingNo}"><input type="hidden" name="trackingCode" value="${code}">
<fieldset${invalid(errors, 'satisfaction')}><legend id="satisfaction">对答复的评价（满意度）</legend><div class="choice">
${SATISFACTION.map((k) => html`<label><input type="radio" name="satisfaction" value="${k}"> ${SATISFACTION_LABELS[k]}</label>`)}
</div>${fieldError(errors, 'satisfaction')}
<div class="field"><label for="comment">意见（选填）</label><textarea id="comment" name="comment" maxlength="500"></textarea></div>
${v.canAskReanswer ? html`<div class="field choice"><label><input type="checkbox" name="askReanswer" value="1"> 不满意，申请重新答复（只能申请一次）</label></div>` : ''}
</fieldset><p><button class="gk-btn" type="submit">提交评价</button></p></form>`
    : ''
}
<p><a href="/mailbox/track">查询其他留言</a></p>`;
}

// ------------------------------------------------------------------ routes

export function contactPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    await app.register(formbody);
    const rateLimit = {
      rateLimit: { max: deps.config.publicPostRateLimitPerMinute, timeWindow: '1 minute' },
    };

    async function agencyOr404(reply: FastifyReply, code: string): Promise<AgencyNode> {
      const a = await publicAgencyByCode(deps, code);
      if (!a) {
        reply.status(404);
        throw new AppError('NOT_FOUND');
      }
      return a;
    }
    function readForm(req: FastifyRequest): Form {
      const form: Form = {};
      for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
        if (typeof v === 'string') form[k] = v;
      refuseNul(form);
      return form;
    }
    const frame = (
      req: FastifyRequest,
      reply: FastifyReply,
      agency: AgencyNode | undefined,
      title: string,
      body: SafeHtml,
    ) =>
      agency
        ? renderAgencyColumnPage(deps, req, reply, agency, 'mailbox', {
            title,
            crumbs:
              title === '咨询投诉'
                ? undefined
                : [{ href: `/a/${agency.code}/mailbox`, label: '咨询投诉' }, { label: title }],
            body,
          })
        : renderPortalPage(deps, req, reply, {
            title,
            ...COLUMN,
            crumbs: [{ href: '/', label: '首页' }, { label: title }],
            body,
          });
    async function periods(agencyId: number): Promise<Record<ContactKind, number>> {
      const rules = await rulesForAgency(deps, deps.db, agencyId);
      return Object.fromEntries(CONTACT_KINDS.map((k) => [k, answerDays(k, rules)])) as Record<
        ContactKind,
        number
      >;
    }

    app.get<{ Params: { code: string }; Querystring: { kind?: string } }>(
      '/a/:code/mailbox',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const token = issueFormToken(req, reply);
        const kind =
          typeof req.query.kind === 'string' && isContactKind(req.query.kind)
            ? req.query.kind
            : 'consultation';
        return frame(
          req,
          reply,
          agency,
          '咨询投诉',
          mailboxForm(agency, token, { kind }, [], await periods(agency.id)),
        );
      },
    );

    app.post<{ Params: { code: string } }>(
      '/a/:code/mailbox',
      { schema: { hide: true }, config: rateLimit },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const form = readForm(req);
        const token = issueFormToken(req, reply);
        const again = async (problems: FieldProblem[], banner?: string) => {
          reply.status(problems.length > 0 ? 400 : 403);
          return frame(
            req,
            reply,
            agency,
            '咨询投诉（请修改）',
            mailboxForm(agency, token, form, problems, await periods(agency.id), banner),
          );
        };
        if (!checkFormToken(req, form[FORM_FIELD])) return again([], FORM_EXPIRED_MESSAGE);
        const { input, problems } = formToContact(form);
        if (!input) return again(problems);
        try {
          const r = await inTransaction(deps, (tx) =>
            submitFromPortal(deps, tx, req.ip, {
              agencyId: agency.id,
              kind: input.kind,
              channel: PORTAL_CHANNEL[input.kind],
              subject: input.subject,
              body: input.body,
              senderName: input.senderName,
              senderContact: input.senderContact,
              publishConsent: input.publishConsent,
              scores: input.kind === 'evaluation' ? input.scores : undefined,
            }),
          );
          reply.setCookie(MAILBOX_RECEIPT_COOKIE, `${r.row.trackingNo}.${r.trackingCode}`, {
            path: `/a/${agency.code}/mailbox/receipt`,
            httpOnly: true,
            sameSite: 'lax',
            maxAge: 3600,
          });
          return reply.code(303).header('location', `/a/${agency.code}/mailbox/receipt`).send();
        } catch (e) {
          if (isAppError(e) && e.code === 'VALIDATION_FAILED' && e.fields) return again(e.fields);
          throw e;
        }
      },
    );

    app.get<{ Params: { code: string } }>(
      '/a/:code/mailbox/receipt',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        reply.header('cache-control', 'no-store');
        const [no, code] = (req.cookies?.[MAILBOX_RECEIPT_COOKIE] ?? '').split('.');
        const row = no && code ? await findTrackedContact(deps.db, no, code) : null;
        if (!row || row.agencyId !== agency.id || !code) {
          reply.status(404);
          return frame(
            req,
            reply,
            agency,
            '留言回执',
            html`${CSS}<h1>留言回执</h1><div class="panel"><p>留言回执只在提交后的一小时内、在提交留言的浏览器中显示。请凭留言编号和查询码<a href="/mailbox/track">查询办理情况</a>。</p></div>`,
          );
        }
        return frame(
          req,
          reply,
          agency,
          '留言回执',
          html`${CSS}<h1>留言回执</h1><div class="panel" role="status">
<p>您的${CONTACT_KIND_LABELS[row.kind as ContactKind] ?? ''}留言已提交，${formatDateZh(row.receivedOn)}收到，答复期限为${formatDateZh(row.dueOn)}前。</p>
<dl class="facts"><dt>留言编号</dt><dd class="receipt-code">${row.trackingNo ?? ''}</dd><dt>查询码</dt><dd class="receipt-code">${code}</dd></dl>
<p><strong>请记下留言编号和查询码</strong>：凭此在“<a href="/mailbox/track">留言查询</a>”页面查看答复。查询码只显示这一次。</p>
<p><a href="/a/${agency.code}/">返回${agency.name}政府信息公开专栏</a></p></div>`,
        );
      },
    );

    app.get<{ Params: { code: string }; Querystring: { page?: string } }>(
      '/a/:code/mailbox/replies',
      // the ledger holds nothing personal and no form token: cacheable like the other public pages
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const raw = typeof req.query.page === 'string' ? req.query.page : '1';
        const page = /^\d{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
        const r = await publicLedger(deps, agency.id, PAGE_SIZE, (page - 1) * PAGE_SIZE);
        const rows = r.rows.map(presentLedgerRow);
        const stats = await answerStats(deps, agency.id);
        const pages = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
        return frame(
          req,
          reply,
          agency,
          '答复公开',
          html`${CSS}<h1>留言答复公开 · ${agency.name}</h1>
<p>共 ${String(r.total)} 条经留言人同意公开的答复（不含个人信息）。<a href="/a/${agency.code}/mailbox">我要留言</a></p>
${
  stats.length > 0
    ? html`<section class="panel" aria-labelledby="stat-h"><h2 id="stat-h">答复情况统计</h2>
<table><caption class="muted">全部已答复的留言（含未公开的），按期答复指在答复期限内答复</caption><thead><tr><th scope="col">答复单位</th><th scope="col">已答复</th><th scope="col">按期答复</th><th scope="col">按期答复率</th></tr></thead><tbody>${stats.map(
        (x) =>
          html`<tr><td>${x.unit}</td><td>${String(x.answered)}</td><td>${String(x.onTime)}</td><td>${x.answered > 0 ? `${Math.round((x.onTime / x.answered) * 100)}%` : '—'}</td></tr>`,
      )}</tbody></table></section>`
    : ''
}
<div class="ledger">${
            rows.length === 0
              ? html`<p>暂无公开的答复。</p>`
              : rows.map(
                  (
                    x,
                  ) => html`<article aria-labelledby="q-${x.trackingNo}"><h2 id="q-${x.trackingNo}">${x.subject}</h2>
<p class="muted">${x.kindLabel} · 编号 ${x.trackingNo} · 受理日期 ${formatDateZh(x.receivedOn)} · 答复日期 ${x.answeredOn ? formatDateZh(x.answeredOn) : ''} · 答复单位 ${x.answeredByUnit}</p>
<h3>问题</h3><div class="reply">${x.body}</div><h3>答复</h3><div class="reply">${x.reply}</div></article>`,
                )
          }</div>
${pages > 1 ? html`<nav aria-label="分页"><p>第 ${String(page)} / ${String(pages)} 页 ${page > 1 ? html`<a href="?page=${String(page - 1)}">上一页</a>` : ''} ${page < pages ? html`<a href="?page=${String(page + 1)}">下一页</a>` : ''}</p></nav>` : ''}`,
        );
      },
    );

    app.get('/mailbox/track', { schema: { hide: true } }, async (req, reply) => {
      const token = issueFormToken(req, reply);
      return frame(req, reply, undefined, '留言查询', trackForm(token, {}));
    });

    const NOT_FOUND_MESSAGE = '未查询到留言：请核对留言编号和查询码（均在留言回执上）后重试。';

    app.post('/mailbox/track', { schema: { hide: true }, config: rateLimit }, async (req, reply) => {
      const form = readForm(req);
      const token = issueFormToken(req, reply);
      if (!checkFormToken(req, form[FORM_FIELD])) {
        reply.status(403);
        return frame(req, reply, undefined, '留言查询', trackForm(token, form, FORM_EXPIRED_MESSAGE));
      }
      const row = await findTrackedContact(deps.db, s(form, 'trackingNo'), s(form, 'trackingCode'));
      if (!row) {
        reply.status(404);
        return frame(req, reply, undefined, '留言查询', trackForm(token, form, NOT_FOUND_MESSAGE));
      }
      const v = presentForSender(row, await agencyDirectory(deps));
      return frame(req, reply, undefined, '留言办理情况', trackedView(v, token, s(form, 'trackingCode')));
    });

    app.post('/mailbox/rate', { schema: { hide: true }, config: rateLimit }, async (req, reply) => {
      const form = readForm(req);
      const token = issueFormToken(req, reply);
      if (!checkFormToken(req, form[FORM_FIELD])) {
        reply.status(403);
        return frame(req, reply, undefined, '留言查询', trackForm(token, form, FORM_EXPIRED_MESSAGE));
      }
      const no = s(form, 'trackingNo');
      const code = s(form, 'trackingCode');
      const row = await findTrackedContact(deps.db, no, code);
      if (!row) {
        reply.status(404);
        return frame(req, reply, undefined, '留言查询', trackForm(token, form, NOT_FOUND_MESSAGE));
      }
      const dir = await agencyDirectory(deps);
      const satisfaction = s(form, 'satisfaction');
      if (!isSatisfaction(satisfaction)) {
        reply.status(400);
        return frame(
          req,
          reply,
          undefined,
          '留言办理情况',
          trackedView(presentForSender(row, dir), token, code, undefined, [
            { field: 'satisfaction', label: '满意度', message: '请选择满意、基本满意或不满意' },
          ]),
        );
      }
      try {
        const after = await inTransaction(deps, (tx) =>
          rateContact(deps, tx, req.ip, no, code, {
            satisfaction,
            comment: s(form, 'comment').slice(0, 500) || null,
            askReanswer: form.askReanswer === '1',
          }),
        );
        const notice =
          after.status === 'assigned' ? '已收到您的重新答复申请，承办单位将重新答复。' : '感谢您的评价。';
        return frame(
          req,
          reply,
          undefined,
          '留言办理情况',
          trackedView(presentForSender(after, dir), token, code, notice),
        );
      } catch (e) {
        if (isAppError(e) && e.code === 'CONTACT_ALREADY_RATED') {
          reply.status(409);
          return frame(
            req,
            reply,
            undefined,
            '留言办理情况',
            trackedView(presentForSender(row, dir), token, code, e.message),
          );
        }
        throw e;
      }
    });
  };
}
