/**
 * Public portal pages of 意见征集 (no JavaScript, labelled fields, lang=zh-CN through the portal
 * layout): the agency's consultations (open and closed), one consultation with its period and rule,
 * explanation, articles, the comment form (POST-redirect-GET, the portal's double-submit form token,
 * the public POST rate limit), published comments and the adoption summary; the tracking page where
 * a commenter reads the moderation result and its reason. Names and contacts are never shown.
 */
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { refuseNul } from '../shared/input-guard.ts';
import { PAGE_CACHE } from '../shared/public-cache.ts';
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
import { inTransaction } from '../shared/tx.ts';
import { registerDocumentLinks } from '../shared/document-links.ts';
import { agencyDirectory } from '../agencies/agency.service.ts';
import { consultationRepository } from './consultation.repository.ts';
import {
  ADOPTION_LABELS,
  type Adoption,
  acceptsComments,
  CHANNEL_LABELS,
  type ConsultationKind,
  type ConsultationStatus,
  KIND_LABELS,
  type LedgerCounts,
  MODERATION_LABELS,
  type Moderation,
  PHASE_LABELS,
  periodRuleText,
  phaseOf,
  publicAuthor,
} from './consultation.ts';
import { presentPublicComment } from './consultation.presenter.ts';
import {
  channelsOf,
  countsOf,
  publicDetail,
  publicList,
  submitPublicComment,
  trackComment,
} from './consultation.service.ts';
import type { ArticleRow, ConsultationRow } from './consultation.table.ts';

// the adopted document's page (/d/:id) links back to its consultation and adoption summary
registerDocumentLinks(async (deps, item) => {
  const rows = await consultationRepository.byDecisionItem(deps.db, item.id);
  const dir = await agencyDirectory(deps);
  return rows.flatMap((c) => {
    const a = dir.get(c.agencyId);
    if (!a) return [];
    return [
      {
        label: c.status === 'summary_published' ? '意见征集及采纳情况' : '意见征集',
        text: c.title,
        href: `/a/${a.code}/consultations/${c.id}${c.status === 'summary_published' ? '#summary-h' : ''}`,
      },
    ];
  });
});

/** Holds "comment id.tracking code" between the POST and the confirmation page (POST-redirect-GET). */
export const COMMENT_COOKIE = 'gk_comment';
type Form = Record<string, string>;

const CSS = html`<style>
.gk-form fieldset{border:1px solid #d9d9d9;border-radius:4px;padding:1rem;margin:0 0 1.25rem;background:#fff}
.gk-form legend{font-weight:700;padding:0 .4rem;font-size:1.1rem}
.gk-form .field{margin:0 0 1rem}
.gk-form label{display:block;font-weight:600;margin-bottom:.3rem}
.gk-form .req{color:#a4161a}
.gk-form input[type=text],.gk-form select,.gk-form textarea{width:100%;max-width:40rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:3px;background:#fff;color:#1a1a1a}
.gk-form textarea{min-height:8rem}
.gk-form .hint{font-size:.9rem;color:#444;margin:.2rem 0 0}
.gk-form .err{color:#a4161a;font-weight:600;margin:.25rem 0 0}
.gk-form [aria-invalid=true]{border:2px solid #a4161a}
.gk-btn{font:inherit;font-size:1.1rem;padding:.6rem 2rem;background:#a4161a;color:#fff;border:0;border-radius:4px;cursor:pointer}
.errsummary{border:2px solid #a4161a;background:#fff5f5;padding:1rem;border-radius:4px;margin-bottom:1.25rem}
.gk-articles article{border-bottom:1px solid #eee;padding:.5rem 0}
.gk-articles h3{font-size:1rem;margin:.25rem 0}
.gk-articles p{white-space:pre-wrap;margin:.25rem 0}
.gk-comments li{border-bottom:1px solid #eee;padding:.5rem 0;list-style:none}
.gk-comments{padding:0}
.gk-counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none}
.gk-code{font-size:1.6rem;font-weight:700;letter-spacing:.15em;font-family:monospace}
.gk-pre{white-space:pre-wrap}
html.a11y-contrast .gk-form fieldset,html.a11y-contrast .gk-form input,html.a11y-contrast .gk-form select,html.a11y-contrast .gk-form textarea,html.a11y-contrast .errsummary{background:#000;color:#ffeb3b;border-color:#ffeb3b}
html.a11y-contrast .gk-btn{background:#ffeb3b;color:#000}
</style>`;

const FIELD_LABELS: Record<string, string> = {
  articleId: '针对的条款',
  body: '意见内容',
  name: '姓名',
  contact: '联系方式',
  displayName: '公开显示的称呼',
  commentNo: '意见编号',
  trackingCode: '查询码',
};

function readForm(req: FastifyRequest): Form {
  const form: Form = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
    if (typeof v === 'string') form[k] = v;
  refuseNul(form);
  return form;
}

const s = (f: Form, k: string) => (f[k] ?? '').trim();

function periodText(c: ConsultationRow): string {
  return `${formatDateZh(c.startsOn)}至${formatDateZh(c.endsOn)}`;
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

function commentForm(
  agency: AgencyNode,
  c: ConsultationRow,
  articles: ArticleRow[],
  token: string,
  f: Form,
  problems: FieldProblem[],
  banner?: string,
): SafeHtml {
  const chosen = s(f, 'articleId');
  return html`<section aria-labelledby="comment-h"><h2 id="comment-h">提交意见</h2>
${errorSummary(problems, banner)}
<form class="gk-form" method="post" action="/a/${agency.code}/consultations/${c.id}/comments" novalidate>
<input type="hidden" name="${FORM_FIELD}" value="${token}">
<fieldset><legend>您的意见</legend>
<div class="field"><label for="articleId">针对的条款</label>
<select id="articleId" name="articleId"${invalid(problems, 'articleId')}>
<option value="">对草案整体提出意见</option>
${articles.map((a) => html`<option value="${String(a.id)}"${chosen === String(a.id) ? html` selected` : ''}>${a.label}${a.body ? ` ${[...a.body].slice(0, 20).join('')}…` : ''}</option>`)}
</select>${errorOf(problems, 'articleId')}</div>
<div class="field"><label for="body">意见内容 <span class="req">（必填）</span></label>
<textarea id="body" name="body" maxlength="5000" required${invalid(problems, 'body')}>${f.body ?? ''}</textarea>
<p class="hint">不超过5000字。请勿填写身份证号等个人信息。</p>${errorOf(problems, 'body')}</div>
</fieldset>
<fieldset><legend>联系信息（不公开）</legend>
<div class="field"><label for="name">姓名 <span class="req">（必填）</span></label>
<input type="text" id="name" name="name" maxlength="50" autocomplete="name" value="${f.name ?? ''}" required${invalid(problems, 'name')}>${errorOf(problems, 'name')}</div>
<div class="field"><label for="contact">联系方式 <span class="req">（必填）</span></label>
<input type="text" id="contact" name="contact" maxlength="100" autocomplete="tel" value="${f.contact ?? ''}" required${invalid(problems, 'contact')}>
<p class="hint">电话或电子邮箱，仅供工作人员联系核实，不会公开。</p>${errorOf(problems, 'contact')}</div>
<div class="field"><label for="displayName">公开显示的称呼</label>
<input type="text" id="displayName" name="displayName" maxlength="30" value="${f.displayName ?? ''}"${invalid(problems, 'displayName')}>
<p class="hint">选填。意见经审核公开时显示此称呼；不填则显示“网友”。</p>${errorOf(problems, 'displayName')}</div>
</fieldset>
<p><button class="gk-btn" type="submit">提交意见</button></p>
</form></section>`;
}

function summarySection(c: ConsultationRow): SafeHtml | string {
  const counts: LedgerCounts | null = countsOf(c);
  if (c.status !== 'summary_published' || !counts) return '';
  return html`<section aria-labelledby="summary-h"><h2 id="summary-h">意见采纳情况</h2>
<p>公布日期：${c.summaryPublishedAt ? formatDateZh(chinaDate(new Date(c.summaryPublishedAt))) : ''}</p>
<ul class="gk-counts">
<li>共收到意见 <strong>${String(counts.received)}</strong> 条</li>
<li>采纳 <strong>${String(counts.adopted)}</strong> 条</li>
<li>部分采纳 <strong>${String(counts.partlyAdopted)}</strong> 条</li>
<li>未采纳 <strong>${String(counts.notAdopted)}</strong> 条</li>
${counts.rejected > 0 ? html`<li>与征求意见无关等不予受理 <strong>${String(counts.rejected)}</strong> 条</li>` : ''}
</ul>
<div class="gk-pre">${c.summaryText ?? ''}</div>
</section>`;
}

function consultationBody(
  agency: AgencyNode,
  d: NonNullable<Awaited<ReturnType<typeof publicDetail>>>,
  today: string,
  form: SafeHtml | string,
): SafeHtml {
  const c = d.c;
  const phase = phaseOf(
    { status: c.status as ConsultationStatus, startsOn: c.startsOn, endsOn: c.endsOn },
    today,
  );
  const rule = periodRuleText(c.kind as ConsultationKind, d.rules);
  const channels = channelsOf(c);
  const articleLabel = new Map(d.articles.map((a) => [a.id, a.label]));
  const groupTitle = new Map(d.groups.map((g) => [g.id, g.title]));
  const showAdoption = c.status === 'summary_published';
  return html`${CSS}<h1>${c.title}</h1>
<dl class="facts">
<dt>文件类型</dt><dd>${KIND_LABELS[c.kind as ConsultationKind] ?? ''}</dd>
<dt>状态</dt><dd>${PHASE_LABELS[phase]}</dd>
<dt>征求意见期限</dt><dd>${periodText(c)}</dd>
${rule ? html`<dt>规定的期限</dt><dd>${rule}</dd>` : ''}
${c.shortReason ? html`<dt>缩短期限的理由</dt><dd>${c.shortReason}</dd>` : ''}
<dt>意见提交渠道</dt><dd>${channels.map((ch) => CHANNEL_LABELS[ch]).join('、')}${c.contactEmail ? html`；电子邮箱：${c.contactEmail}` : ''}${c.contactAddress ? html`；通信地址：${c.contactAddress}` : ''}</dd>
${d.decisionItem ? html`<dt>正式文件</dt><dd><a href="/d/${String(d.decisionItem.id)}">${d.decisionItem.title}</a></dd>` : ''}
</dl>
${summarySection(c)}
<section aria-labelledby="expl-h"><h2 id="expl-h">起草说明</h2><div class="gk-pre">${c.explanation}</div></section>
<section aria-labelledby="draft-h" class="gk-articles"><h2 id="draft-h">草案全文</h2>
${c.preamble ? html`<div class="gk-pre">${c.preamble}</div>` : ''}
${d.articles.map(
  (a, i) =>
    html`${a.heading && a.heading !== d.articles[i - 1]?.heading ? html`<p><strong>${a.heading}</strong></p>` : ''}<article id="art-${String(a.seq)}"><h3>${a.label}</h3><p>${a.body}</p></article>`,
)}
</section>
${form}
<section aria-labelledby="pub-h"><h2 id="pub-h">公开的意见（${String(d.published.length)}条）</h2>
${
  d.published.length === 0
    ? html`<p>暂无公开的意见。</p>`
    : html`<ul class="gk-comments">${d.published.map((r) => {
        const p = presentPublicComment(r, d.articles);
        return html`<li><p><strong>${p.author}</strong> · ${formatDateZh(p.receivedOn)} · ${r.articleId ? (articleLabel.get(r.articleId) ?? '') : '对草案整体'}${r.groupId && groupTitle.get(r.groupId) ? html` · 同类意见：${groupTitle.get(r.groupId)!}` : ''}</p><p class="gk-pre">${p.body}</p>${
          showAdoption && r.adoption
            ? html`<p>采纳情况：<strong>${ADOPTION_LABELS[r.adoption as Adoption] ?? ''}</strong>${r.adoptionReason ? html`。${r.adoptionReason}` : ''}</p>`
            : ''
        }</li>`;
      })}</ul>`
}
</section>
<p><a href="/a/${agency.code}/consultations/${String(c.id)}/track">查询我提交的意见的处理情况</a> · <a href="/a/${agency.code}/consultations">返回意见征集列表</a></p>`;
}

function formToInput(f: Form): {
  input: Parameters<typeof submitPublicComment>[4];
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const art = s(f, 'articleId');
  let articleId: number | null = null;
  if (art) {
    if (/^\d{1,9}$/.test(art)) articleId = Number(art);
    else problems.push({ field: 'articleId', label: FIELD_LABELS.articleId!, message: '请从列表中选择' });
  }
  return {
    input: {
      articleId,
      body: f.body ?? '',
      name: s(f, 'name'),
      contact: s(f, 'contact'),
      displayName: s(f, 'displayName') || null,
    },
    problems,
  };
}

export function consultationPages(deps: Deps): FastifyPluginAsync {
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

    function parseId(reply: FastifyReply, raw: string): number {
      if (!/^[1-9]\d{0,8}$/.test(raw)) {
        reply.status(404);
        throw new AppError('NOT_FOUND');
      }
      return Number(raw);
    }

    async function detailOr404(reply: FastifyReply, agency: AgencyNode, raw: string) {
      const d = await publicDetail(deps, agency.id, parseId(reply, raw));
      if (!d) {
        reply.status(404);
        throw new AppError('NOT_FOUND');
      }
      return d;
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
        columnName: '意见征集',
        columnType: '意见征集',
        subtitle: `${agency.name} · 政府信息公开专栏`,
        agency,
        crumbs: [{ href: '/', label: '首页' }, { href: `/a/${agency.code}/`, label: agency.name }, ...crumbs],
        body,
      });

    app.get<{ Params: { code: string } }>(
      '/a/:code/consultations',
      { schema: { hide: true }, config: PAGE_CACHE },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const rows = await publicList(deps, agency.id);
        const d = today();
        const open = rows.filter((c) => {
          const p = phaseOf(
            { status: c.status as ConsultationStatus, startsOn: c.startsOn, endsOn: c.endsOn },
            d,
          );
          return p === 'open' || p === 'upcoming';
        });
        const closed = rows.filter((c) => !open.includes(c));
        const list = (items: ConsultationRow[], empty: string) =>
          items.length === 0
            ? html`<p>${empty}</p>`
            : html`<ul class="gk-list">${items.map((c) => {
                const p = phaseOf(
                  { status: c.status as ConsultationStatus, startsOn: c.startsOn, endsOn: c.endsOn },
                  d,
                );
                return html`<li><a href="/a/${agency.code}/consultations/${String(c.id)}">${c.title}</a> <span>（${KIND_LABELS[c.kind as ConsultationKind] ?? ''}，${periodText(c)}，${PHASE_LABELS[p]}）</span></li>`;
              })}</ul>`;
        return frame(
          req,
          reply,
          agency,
          '意见征集',
          html`<h1>意见征集</h1>
<p>本机关起草的重大行政决策、行政规范性文件等草案在此公开征求意见，征求意见结束后公布意见采纳情况。</p>
<section aria-labelledby="open-h"><h2 id="open-h">正在征求意见</h2>${list(open, '目前没有正在征求意见的草案。')}</section>
<section aria-labelledby="closed-h"><h2 id="closed-h">已结束的征集</h2>${list(closed, '暂无已结束的征集。')}</section>`,
          [{ label: '意见征集' }],
        );
      },
    );

    const crumbsOf = (agency: AgencyNode, c: ConsultationRow, last?: string) => [
      { href: `/a/${agency.code}/consultations`, label: '意见征集' },
      ...(last
        ? [{ href: `/a/${agency.code}/consultations/${String(c.id)}`, label: c.title }, { label: last }]
        : [{ label: c.title }]),
    ];

    async function renderConsultation(
      req: FastifyRequest,
      reply: FastifyReply,
      agency: AgencyNode,
      d: NonNullable<Awaited<ReturnType<typeof publicDetail>>>,
      f: Form,
      problems: FieldProblem[],
      banner?: string,
    ) {
      const c = d.c;
      const takes =
        acceptsComments(
          { status: c.status as ConsultationStatus, startsOn: c.startsOn, endsOn: c.endsOn },
          today(),
        ) && channelsOf(c).includes('portal');
      const form = takes
        ? commentForm(agency, c, d.articles, issueFormToken(req, reply), f, problems, banner)
        : html`<section aria-labelledby="comment-h"><h2 id="comment-h">提交意见</h2><p>${
            phaseOf(
              { status: c.status as ConsultationStatus, startsOn: c.startsOn, endsOn: c.endsOn },
              today(),
            ) === 'upcoming'
              ? `征求意见将于${formatDateZh(c.startsOn)}开始。`
              : channelsOf(c).includes('portal')
                ? '征求意见已结束，不再接收意见。'
                : '本次征集不通过网站接收意见，请通过上列渠道提交。'
          }</p></section>`;
      return frame(
        req,
        reply,
        agency,
        c.title,
        consultationBody(agency, d, today(), form),
        crumbsOf(agency, c),
      );
    }

    app.get<{ Params: { code: string; id: string } }>(
      '/a/:code/consultations/:id',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const d = await detailOr404(reply, agency, req.params.id);
        reply.header('cache-control', 'no-store');
        return renderConsultation(req, reply, agency, d, {}, []);
      },
    );

    app.post<{ Params: { code: string; id: string } }>(
      '/a/:code/consultations/:id/comments',
      { schema: { hide: true }, config: rateLimit },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const d = await detailOr404(reply, agency, req.params.id);
        const f = readForm(req);
        reply.header('cache-control', 'no-store');
        if (!checkFormToken(req, f[FORM_FIELD])) {
          reply.status(403);
          return renderConsultation(req, reply, agency, d, f, [], FORM_EXPIRED_MESSAGE);
        }
        const { input, problems } = formToInput(f);
        if (problems.length > 0) {
          reply.status(400);
          return renderConsultation(req, reply, agency, d, f, problems);
        }
        try {
          const r = await inTransaction(deps, (tx) => submitPublicComment(deps, tx, req.ip, d.c.id, input));
          reply.setCookie(COMMENT_COOKIE, `${r.comment.id}.${r.trackingCode}`, {
            path: `/a/${agency.code}/consultations/${d.c.id}/submitted`,
            httpOnly: true,
            sameSite: 'lax',
            maxAge: 3600,
          });
          return reply
            .code(303)
            .header('location', `/a/${agency.code}/consultations/${d.c.id}/submitted`)
            .send();
        } catch (e) {
          if (isAppError(e) && e.code === 'VALIDATION_FAILED' && e.fields) {
            reply.status(400);
            return renderConsultation(req, reply, agency, d, f, e.fields);
          }
          if (
            isAppError(e) &&
            (e.code === 'CONSULTATION_NOT_ACCEPTING' || e.code === 'CONSULTATION_CHANNEL_NOT_OFFERED')
          ) {
            reply.status(e.status);
            return renderConsultation(req, reply, agency, d, f, [], e.message);
          }
          throw e;
        }
      },
    );

    app.get<{ Params: { code: string; id: string } }>(
      '/a/:code/consultations/:id/submitted',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const d = await detailOr404(reply, agency, req.params.id);
        reply.header('cache-control', 'no-store');
        const raw = req.cookies?.[COMMENT_COOKIE] ?? '';
        const m = /^(\d{1,9})\.([A-Z0-9]{10})$/.exec(raw);
        const found = m ? await trackComment(deps, d.c.id, Number(m[1]), m[2]!) : null;
        if (!found || !m) {
          reply.status(404);
          return frame(
            req,
            reply,
            agency,
            '意见已提交',
            html`${CSS}<h1>意见提交回执</h1><p>回执只在提交意见后的一小时内、在提交意见的浏览器中显示。请凭意见编号和查询码<a href="/a/${agency.code}/consultations/${String(d.c.id)}/track">查询处理情况</a>。</p>`,
            crumbsOf(agency, d.c, '提交回执'),
          );
        }
        return frame(
          req,
          reply,
          agency,
          '意见已提交',
          html`${CSS}<h1>意见已提交</h1>
<p>感谢您对《${d.c.title}》提出意见。意见经工作人员审核后公开（您的姓名和联系方式不会公开）。</p>
<dl class="facts"><dt>意见编号</dt><dd class="gk-code">${String(found.id)}</dd><dt>查询码</dt><dd class="gk-code">${m[2]!}</dd></dl>
<p>请记下意见编号和查询码，凭此<a href="/a/${agency.code}/consultations/${String(d.c.id)}/track">查询审核结果和采纳情况</a>。</p>
<p><a href="/a/${agency.code}/consultations/${String(d.c.id)}">返回征集页面</a></p>`,
          crumbsOf(agency, d.c, '提交回执'),
        );
      },
    );

    const trackForm = (
      agency: AgencyNode,
      c: ConsultationRow,
      token: string,
      f: Form,
      problems: FieldProblem[],
    ) =>
      html`${errorSummary(problems)}<form class="gk-form" method="post" action="/a/${agency.code}/consultations/${String(c.id)}/track" novalidate>
<input type="hidden" name="${FORM_FIELD}" value="${token}">
<fieldset><legend>查询意见处理情况</legend>
<div class="field"><label for="commentNo">意见编号</label><input type="text" id="commentNo" name="commentNo" inputmode="numeric" maxlength="12" value="${f.commentNo ?? ''}"${invalid(problems, 'commentNo')}>${errorOf(problems, 'commentNo')}</div>
<div class="field"><label for="trackingCode">查询码</label><input type="text" id="trackingCode" name="trackingCode" maxlength="20" autocomplete="off" value="${f.trackingCode ?? ''}"${invalid(problems, 'trackingCode')}>${errorOf(problems, 'trackingCode')}</div>
</fieldset><p><button class="gk-btn" type="submit">查询</button></p></form>`;

    app.get<{ Params: { code: string; id: string } }>(
      '/a/:code/consultations/:id/track',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const d = await detailOr404(reply, agency, req.params.id);
        const token = issueFormToken(req, reply);
        return frame(
          req,
          reply,
          agency,
          '意见查询',
          html`${CSS}<h1>查询意见处理情况</h1>${trackForm(agency, d.c, token, {}, [])}`,
          crumbsOf(agency, d.c, '意见查询'),
        );
      },
    );

    app.post<{ Params: { code: string; id: string } }>(
      '/a/:code/consultations/:id/track',
      { schema: { hide: true }, config: rateLimit },
      async (req, reply) => {
        const agency = await agencyOr404(reply, req.params.code);
        const d = await detailOr404(reply, agency, req.params.id);
        const f = readForm(req);
        const token = issueFormToken(req, reply);
        const page = (body: SafeHtml) =>
          frame(
            req,
            reply,
            agency,
            '意见查询',
            html`${CSS}<h1>查询意见处理情况</h1>${body}`,
            crumbsOf(agency, d.c, '意见查询'),
          );
        if (!checkFormToken(req, f[FORM_FIELD])) {
          reply.status(403);
          return page(
            html`<div class="errsummary" role="alert"><p>${FORM_EXPIRED_MESSAGE}</p></div>${trackForm(agency, d.c, token, f, [])}`,
          );
        }
        const problems: FieldProblem[] = [];
        const no = s(f, 'commentNo');
        const code = s(f, 'trackingCode').toUpperCase();
        if (!/^\d{1,9}$/.test(no))
          problems.push({
            field: 'commentNo',
            label: FIELD_LABELS.commentNo!,
            message: '请填写回执上的数字编号',
          });
        if (!/^[A-Z0-9]{10}$/.test(code))
          problems.push({
            field: 'trackingCode',
            label: FIELD_LABELS.trackingCode!,
            message: '请填写回执上的10位查询码',
          });
        if (problems.length > 0) {
          reply.status(400);
          return page(trackForm(agency, d.c, token, f, problems));
        }
        const found = await trackComment(deps, d.c.id, Number(no), code);
        if (!found) {
          reply.status(404);
          return page(
            html`<div class="errsummary" role="alert"><p>未查询到意见：请核对意见编号和查询码后重试。</p></div>${trackForm(agency, d.c, token, f, [])}`,
          );
        }
        const mod = found.moderation as Moderation;
        const adoption =
          d.c.status === 'summary_published' && found.adoption
            ? html`<dt>采纳情况</dt><dd>${ADOPTION_LABELS[found.adoption as Adoption] ?? ''}${found.adoptionReason ? html`：${found.adoptionReason}` : ''}</dd>`
            : html`<dt>采纳情况</dt><dd>${mod === 'rejected' ? '不列入采纳情况' : '征求意见结束后统一公布'}</dd>`;
        return page(html`<dl class="facts">
<dt>意见编号</dt><dd>${String(found.id)}</dd>
<dt>提交日期</dt><dd>${formatDateZh(found.receivedOn)}</dd>
<dt>公开称呼</dt><dd>${publicAuthor(found)}</dd>
<dt>审核结果</dt><dd>${MODERATION_LABELS[mod] ?? ''}</dd>
${found.moderationReason ? html`<dt>理由</dt><dd>${found.moderationReason}</dd>` : ''}
${adoption}
</dl><p><a href="/a/${agency.code}/consultations/${String(d.c.id)}">返回征集页面</a></p>`);
      },
    );
  };
}
