/**
 * Public portal pages of 依申请公开 (no JavaScript, WCAG 2.1 AA): the application form per agency
 * with an explanation of the procedure, the receipt (登记回执: printable, and as DOCX), and the
 * tracking page (registration number + tracking code, no account). A wrong code and an unknown
 * number get the same answer. The form is POST-redirect-GET: a submission key in the form makes a
 * resubmitted or reloaded form answer with the first registration (submission.service.ts), and the
 * receipt is a GET page reached through a short-lived httpOnly cookie holding that key. The receipt
 * and the downloaded letters name the applicant in full, as served; the tracking page masks the name.
 */
import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyNode } from '../agencies/agency-directory.ts';
import { multipartParts, refuseNul } from '../shared/input-guard.ts';
import { checkFormToken, FORM_EXPIRED_MESSAGE, FORM_FIELD, issueFormToken } from '../portal-frame/index.ts';
import { publicAgencyByCode, renderAgencyColumnPage, renderPortalPage } from '../portal-frame/index.ts';
import { AppError, type FieldProblem, isAppError } from '../shared/app-error.ts';
import { chinaDate } from '../shared/clock.ts';
import { formatDateZh } from '../shared/dates.ts';
import type { Deps } from '../shared/deps.ts';
import { html, type SafeHtml } from '../shared/html.ts';
import {
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  ID_TYPE_LABELS,
  ID_TYPES,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  PROVISION_FORM_LABELS,
  PROVISION_FORMS,
  STATUS_LABELS,
  type Status,
} from './application.ts';
import { sniffUpload } from './attachments.ts';
import { presentPublicHistory } from './request.presenter.ts';
import {
  isIdempotencyKey,
  newSubmissionKey,
  openTrackingCode,
  submissionFingerprint,
  submissionKeyHash,
} from './submission.ts';
import { submissionRepository as subs } from './submission.repository.ts';
import { submitOnlineOnce } from './submission.service.ts';
import { letterDocx } from './letter.docx.ts';
import { recordOnlineDownload } from './service-record.service.ts';
import { inTransaction } from '../shared/tx.ts';
import { requestRepository as repo } from './request.repository.ts';
import {
  applicantProblems,
  findTracked,
  providedFilesForPublic,
  receiptForApplicant,
  type SubmitInput,
  sentLettersForPublic,
} from './request.service.ts';
import type { ItemRow } from './request.table.ts';

const MAX_ITEMS = 5;
const MAX_FILES = 3;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Holds the submission key between the POST and the receipt page (POST-redirect-GET). */
export const RECEIPT_COOKIE = 'gk_receipt';
const SUBMISSION_FIELD = '_submission';

type Form = Record<string, string>;
interface Upload {
  filename: string;
  mime: string;
  data: Buffer;
}

const FORM_CSS = html`<style>
.gk-form fieldset{border:1px solid #d9d9d9;border-radius:4px;padding:1rem;margin:0 0 1.25rem;background:#fff}
.gk-form legend{font-weight:700;padding:0 .4rem;font-size:1.1rem}
.gk-form .field{margin:0 0 1rem}
.gk-form label{display:block;font-weight:600;margin-bottom:.3rem}
.gk-form .req{color:#a4161a}
.gk-form input[type=text],.gk-form input[type=email],.gk-form input[type=tel],.gk-form select,.gk-form textarea{width:100%;max-width:40rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:3px;background:#fff;color:#1a1a1a}
.gk-form textarea{min-height:5rem}
.gk-form .choice{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.gk-form .choice label{font-weight:400;display:inline-flex;gap:.35rem;align-items:center}
.gk-form .hint{font-size:.9rem;color:#444;margin:.2rem 0 0}
.gk-form .err{color:#a4161a;font-weight:600;margin:.25rem 0 0}
.gk-form [aria-invalid=true]{border:2px solid #a4161a}
.gk-btn{font:inherit;font-size:1.1rem;padding:.6rem 2rem;background:#a4161a;color:#fff;border:0;border-radius:4px;cursor:pointer}
.gk-btn.secondary{background:#fff;color:#a4161a;border:2px solid #a4161a}
.errsummary{border:2px solid #a4161a;background:#fff5f5;padding:1rem;border-radius:4px;margin-bottom:1.25rem}
.errsummary:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.gk-list{margin:.25rem 0;padding-left:1.5rem}
.gk-history{list-style:none;padding:0;margin:0}
.gk-history li{padding:.35rem 0;border-bottom:1px solid #eee;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.gk-history time{font-variant-numeric:tabular-nums;min-width:9rem;color:#333}
.gk-form .kept{margin:.3rem 0}
.facts dd{overflow-wrap:anywhere}
.receipt-code{font-size:1.6rem;font-weight:700;letter-spacing:.15em;font-family:monospace}
.letter{white-space:pre-wrap;background:#fff;border:1px solid #d9d9d9;padding:1rem}
html.a11y-contrast .gk-form fieldset,html.a11y-contrast .gk-form input,html.a11y-contrast .gk-form select,html.a11y-contrast .gk-form textarea,html.a11y-contrast .errsummary,html.a11y-contrast .letter{background:#000;color:#ffeb3b;border-color:#ffeb3b}
html.a11y-contrast .gk-btn{background:#ffeb3b;color:#000}
@media print{.gk-noprint{display:none}}
</style>`;

// ------------------------------------------------------------------ form parsing and validation

async function readForm(
  req: FastifyRequest,
): Promise<{ form: Form; uploads: Upload[]; uploadProblems: FieldProblem[] }> {
  const form: Form = {};
  const uploads: Upload[] = [];
  const uploadProblems: FieldProblem[] = [];
  if (req.isMultipart()) {
    // a truncated or boundary-less body is the sender's fault: FORM_MALFORMED, not a server error
    for await (const part of multipartParts(req, {
      limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 80 },
    })) {
      if (part.type === 'file') {
        const data = await part.toBuffer().catch(() => null);
        if (!part.filename) continue;
        if (!data || part.file.truncated) {
          uploadProblems.push({
            field: 'attachment',
            label: '身份证明材料',
            message: `“${part.filename}”超过 5 MB`,
          });
          continue;
        }
        if (data.length === 0) continue;
        uploads.push({ filename: part.filename, mime: part.mimetype, data });
      } else if (typeof part.value === 'string') form[part.fieldname] = part.value;
    }
  } else {
    for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>))
      if (typeof v === 'string') form[k] = v;
  }
  refuseNul(form);
  return { form, uploads, uploadProblems };
}

const s = (f: Form, k: string) => (f[k] ?? '').trim();

/** Form fields → the JSON contract's input, with every problem named in Chinese (R.29). */
export function formToInput(agency: AgencyNode, f: Form): { input: SubmitInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const need = (k: string, label: string) => {
    if (!s(f, k)) problems.push({ field: k, label, message: '不能为空' });
  };
  const kind = s(f, 'kind') === 'organization' ? 'organization' : 'natural';
  need('name', kind === 'natural' ? '姓名' : '名称');
  need('phone', '联系电话');
  if (s(f, 'phone') && !/^[0-9+()\- ]{5,30}$/.test(s(f, 'phone')))
    problems.push({ field: 'phone', label: '联系电话', message: '格式不正确' });
  if (s(f, 'email') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s(f, 'email')))
    problems.push({ field: 'email', label: '电子邮箱', message: '格式不正确' });
  if (s(f, 'postalCode') && !/^\d{6}$/.test(s(f, 'postalCode')))
    problems.push({ field: 'postalCode', label: '邮政编码', message: '应为 6 位数字' });
  if (s(f, 'name').length > 100)
    problems.push({ field: 'name', label: '姓名或名称', message: '不能超过 100 个字符' });
  const items: SubmitInput['items'] = [];
  for (let n = 1; n <= MAX_ITEMS; n++) {
    const description = s(f, `item${n}_description`);
    const title = s(f, `item${n}_title`);
    const docNo = s(f, `item${n}_docNo`);
    if (!description && !title && !docNo) continue;
    if (description.length < 2)
      problems.push({
        field: `item${n}_description`,
        label: `第${n}项 所需信息的内容描述`,
        message: '请描述所需的政府信息（至少 2 个字）',
      });
    if (description.length > 2000)
      problems.push({
        field: `item${n}_description`,
        label: `第${n}项 所需信息的内容描述`,
        message: '不能超过 2000 个字符',
      });
    items.push({ description, title: title || null, docNo: docNo || null });
  }
  if (items.length === 0)
    problems.push({
      field: 'item1_description',
      label: '所需信息的内容描述',
      message: '至少填写一项申请事项',
    });
  const provisionForm = s(f, 'provisionForm');
  if (!(PROVISION_FORMS as readonly string[]).includes(provisionForm))
    problems.push({ field: 'provisionForm', label: '信息的提供形式', message: '请选择' });
  const deliveryMethod = s(f, 'deliveryMethod');
  if (!(DELIVERY_METHODS as readonly string[]).includes(deliveryMethod))
    problems.push({ field: 'deliveryMethod', label: '获取信息的方式', message: '请选择' });
  if (deliveryMethod === 'email' && !s(f, 'email'))
    problems.push({ field: 'email', label: '电子邮箱', message: '选择通过电子邮件获取时必须填写' });
  if (deliveryMethod === 'post' && !s(f, 'address'))
    problems.push({ field: 'address', label: '通信地址', message: '选择邮寄时必须填写' });
  const idType = s(f, 'idType');
  const orgType = s(f, 'orgType');
  const input: SubmitInput = {
    agencyCode: agency.code,
    applicant: {
      kind,
      orgType: (ORG_TYPES as readonly string[]).includes(orgType)
        ? (orgType as SubmitInput['applicant']['orgType'])
        : null,
      name: s(f, 'name'),
      idType: (ID_TYPES as readonly string[]).includes(idType)
        ? (idType as SubmitInput['applicant']['idType'])
        : null,
      idNumber: s(f, 'idNumber') || null,
      creditCode: s(f, 'creditCode') || null,
      legalRepresentative: s(f, 'legalRepresentative') || null,
      contactPerson: s(f, 'contactPerson') || null,
      phone: s(f, 'phone'),
      email: s(f, 'email') || null,
      address: s(f, 'address') || null,
      postalCode: s(f, 'postalCode') || null,
    },
    items,
    provisionForm: provisionForm as SubmitInput['provisionForm'],
    deliveryMethod: deliveryMethod as SubmitInput['deliveryMethod'],
    purpose: s(f, 'purpose') || null,
  };
  return { input, problems };
}

/** Service field paths (applicant.idNumber) → form field names (idNumber). */
function toFormField(p: FieldProblem): FieldProblem {
  return { ...p, field: p.field.replace(/^applicant\./, '') };
}

// ------------------------------------------------------------------ rendering

function fieldError(errors: Map<string, string>, name: string): SafeHtml | string {
  const e = errors.get(name);
  return e ? html`<p class="err" id="${name}-err">${e}</p>` : '';
}

function attrs(errors: Map<string, string>, name: string): SafeHtml {
  return errors.has(name)
    ? html`id="${name}" name="${name}" aria-invalid="true" aria-describedby="${name}-err"`
    : html`id="${name}" name="${name}"`;
}

function textField(
  f: Form,
  errors: Map<string, string>,
  name: string,
  label: string,
  o: {
    required?: boolean | string;
    type?: string;
    hint?: string;
    autocomplete?: string;
    max?: number;
  } = {},
): SafeHtml {
  const req = o.required === true ? '必填' : o.required;
  return html`<div class="field"><label for="${name}">${label}${req ? html` <span class="req">（${req}）</span>` : ''}</label>
<input type="${o.type ?? 'text'}" ${attrs(errors, name)} value="${f[name] ?? ''}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''} maxlength="${o.max ?? 200}">
${o.hint ? html`<p class="hint">${o.hint}</p>` : ''}${fieldError(errors, name)}</div>`;
}

function selectField(
  f: Form,
  errors: Map<string, string>,
  name: string,
  label: string,
  options: readonly string[],
  labels: Record<string, string>,
  hint?: string,
  required?: string,
): SafeHtml {
  return html`<div class="field"><label for="${name}">${label}${required ? html` <span class="req">（${required}）</span>` : ''}</label>
<select ${attrs(errors, name)}><option value="">请选择</option>${options.map(
    (o) => html`<option value="${o}"${f[name] === o ? html` selected` : ''}>${labels[o]}</option>`,
  )}</select>${hint ? html`<p class="hint">${hint}</p>` : ''}${fieldError(errors, name)}</div>`;
}

function radios(
  f: Form,
  errors: Map<string, string>,
  name: string,
  legend: string,
  options: readonly string[],
  labels: Record<string, string>,
): SafeHtml {
  return html`<fieldset${errors.has(name) ? html` aria-describedby="${name}-err"` : ''}><legend>${legend} <span class="req">（必填）</span></legend>
<div class="choice">${options.map(
    (o, i) =>
      html`<label><input type="radio" name="${name}" value="${o}"${i === 0 ? html` id="${name}"` : ''}${f[name] === o ? html` checked` : ''}> ${labels[o]}</label>`,
  )}</div>${fieldError(errors, name)}</fieldset>`;
}

interface KeptFile {
  id: number;
  filename: string;
  size: number;
}

function applyForm(
  agency: AgencyNode,
  token: string,
  f: Form,
  problems: FieldProblem[],
  banner?: string,
  submissionKey: string = newSubmissionKey(),
  kept: readonly KeptFile[] = [],
): SafeHtml {
  const errors = new Map(problems.map((p) => [p.field, p.message]));
  const kind = f.kind === 'organization' ? 'organization' : 'natural';
  const itemRows = [];
  for (let n = 1; n <= MAX_ITEMS; n++) {
    const shown = n <= 2 || f[`item${n}_description`] || f[`item${n}_title`] || f[`item${n}_docNo`];
    if (!shown && n > 3) continue;
    itemRows.push(html`<fieldset><legend>申请事项 ${n}${n === 1 ? html` <span class="req">（至少填写一项）</span>` : html` （选填）`}</legend>
<div class="field"><label for="item${n}_description">所需信息的内容描述</label>
<textarea ${attrs(errors, `item${n}_description`)} maxlength="2000">${f[`item${n}_description`] ?? ''}</textarea>
<p class="hint">请写明所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）。每项只写一项独立的信息。</p>${fieldError(errors, `item${n}_description`)}</div>
${textField(f, errors, `item${n}_title`, '信息名称（选填）')}
${textField(f, errors, `item${n}_docNo`, '文号或索引号（选填）', { max: 100 })}
</fieldset>`);
  }
  return html`${FORM_CSS}<h1>政府信息公开申请</h1>
<section class="panel" aria-labelledby="howto-h"><h2 id="howto-h">办理程序</h2>
<ol>
<li>填写并提交本申请表，系统生成<strong>登记号</strong>和<strong>查询码</strong>（登记回执可打印或下载）。</li>
<li>${agency.name}政府信息公开工作机构确认收到申请，确认之日为收到申请之日（条例第三十一条）。</li>
<li>申请内容不明确的，将在收到申请之日起 7 个工作日内一次性告知补正（条例第三十条）。</li>
<li>能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；需要延长的，经负责人同意并告知您，延长不超过 20 个工作日（条例第三十三条）。征求第三方或其他机关意见的时间不计算在内。</li>
<li>凭登记号和查询码在“<a href="/track">申请查询</a>”页面查看办理进度、答复文书和提供的文件。</li>
</ol>
<p class="muted">依法提出申请无需说明用途。提供政府信息不收费；申请数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》收取信息处理费。</p></section>
${banner ? html`<div class="errsummary" role="alert"${problems.length === 0 ? html` id="error-summary" tabindex="-1" autofocus` : ''}><p>${banner}</p></div>` : ''}
${
  // every problem at once; the summary takes focus (autofocus on a tabindex=-1 box, no script needed)
  problems.length > 0
    ? html`<div class="errsummary" id="error-summary" role="alert" aria-labelledby="err-h" tabindex="-1" autofocus><h2 id="err-h">请修改以下 ${problems.length} 处内容后重新提交（已填写的内容${kept.length > 0 ? '和已上传的材料' : ''}已保留）</h2><ul>${problems.map(
        (p) => html`<li><a href="#${p.field}">${p.label}：${p.message}</a></li>`,
      )}</ul></div>`
    : ''
}
<form class="gk-form" method="post" action="/a/${agency.code}/apply" enctype="multipart/form-data" novalidate>
<input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="${SUBMISSION_FIELD}" value="${submissionKey}">
<p class="hint">标有 <span class="req">（必填）</span> 的项目必须填写。</p>
<fieldset><legend>申请人信息</legend>
<div class="field"><span id="kind-l" class="label"><strong>申请人类型</strong> <span class="req">（必填）</span></span>
<div class="choice" role="radiogroup" aria-labelledby="kind-l">
<label><input type="radio" name="kind" value="natural" id="kind"${kind === 'natural' ? html` checked` : ''}> 自然人</label>
<label><input type="radio" name="kind" value="organization"${kind === 'organization' ? html` checked` : ''}> 法人或其他组织</label></div></div>
${textField(f, errors, 'name', '姓名 / 名称', { required: true, autocomplete: 'name', max: 100 })}
<p class="hint">自然人请填写下列证件信息；法人或其他组织请填写组织类型、统一社会信用代码、法定代表人和联系人。</p>
${selectField(f, errors, 'idType', '证件类型（自然人）', ID_TYPES, ID_TYPE_LABELS, undefined, '自然人必填')}
${textField(f, errors, 'idNumber', '证件号码（自然人）', { max: 40, required: '自然人必填' })}
${selectField(f, errors, 'orgType', '组织类型（法人或其他组织）', ORG_TYPES, ORG_TYPE_LABELS, undefined, '法人或其他组织必填')}
${textField(f, errors, 'creditCode', '统一社会信用代码（法人或其他组织）', { max: 18, required: '法人或其他组织必填' })}
${textField(f, errors, 'legalRepresentative', '法定代表人（法人或其他组织）', { max: 50 })}
${textField(f, errors, 'contactPerson', '联系人（法人或其他组织）', { max: 50 })}
${textField(f, errors, 'phone', '联系电话', { required: true, type: 'tel', autocomplete: 'tel', max: 30 })}
${textField(f, errors, 'email', '电子邮箱', { type: 'email', autocomplete: 'email', max: 100, hint: '选择通过电子邮件获取信息时必填。' })}
${textField(f, errors, 'address', '通信地址', { autocomplete: 'street-address', hint: '选择邮寄时必填；答复书等文书写明此地址。' })}
${textField(f, errors, 'postalCode', '邮政编码', { autocomplete: 'postal-code', max: 6 })}
<div class="field"><label for="attachment">身份证明材料（选填；法人或其他组织可附授权委托书）</label>
<input type="file" id="attachment" name="attachment" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" multiple${errors.has('attachment') ? html` aria-invalid="true" aria-describedby="attachment-err"` : ''}>
<p class="hint">仅接受 PDF、JPG、PNG 格式，单个文件不超过 5 MB，最多 ${MAX_FILES} 个。</p>${
    kept.length > 0
      ? html`<div class="kept" id="kept-files"><p><strong>已上传的材料（已保留，无需重新选择）：</strong></p><ul class="gk-list">${kept.map(
          (k) =>
            html`<li>${k.filename}（${Math.ceil(k.size / 1024)} KB） <label style="display:inline;font-weight:400"><input type="checkbox" name="drop_${String(k.id)}" value="1"> 移除</label></li>`,
        )}</ul></div>`
      : ''
  }${fieldError(errors, 'attachment')}</div>
</fieldset>
${itemRows}
${radios(f, errors, 'provisionForm', '信息的提供形式', PROVISION_FORMS, PROVISION_FORM_LABELS)}
${radios(f, errors, 'deliveryMethod', '获取信息的方式', DELIVERY_METHODS, DELIVERY_METHOD_LABELS)}
<fieldset><legend>其他（选填）</legend>
<div class="field"><label for="purpose">用途（选填）</label><textarea id="purpose" name="purpose" maxlength="500">${f.purpose ?? ''}</textarea>
<p class="hint">2019 年修订的条例已取消“根据自身生产、生活、科研等特殊需要”的要求，可以不填。</p></div></fieldset>
<p><button class="gk-btn" type="submit">提交申请</button></p>
</form>`;
}

function itemList(items: readonly Pick<ItemRow, 'seq' | 'description' | 'title' | 'docNo'>[]): SafeHtml {
  return html`<ol class="gk-list">${items.map(
    (i) =>
      html`<li>${i.description}${i.title ? html`；信息名称：${i.title}` : ''}${i.docNo ? html`；文号或索引号：${i.docNo}` : ''}</li>`,
  )}</ol>`;
}

function receiptBody(
  agency: AgencyNode,
  app: { registrationNo: string; applicantName: string; submittedOn: string },
  items: readonly ItemRow[],
  code: string,
  token: string,
): SafeHtml {
  const regNo = app.registrationNo;
  return html`${FORM_CSS}<h1>申请已提交：登记回执</h1>
<section class="panel" aria-labelledby="r-h"><h2 id="r-h">${agency.name}政府信息公开申请登记回执</h2>
<dl class="facts"><dt>登记号</dt><dd class="receipt-code">${regNo}</dd>
<dt>查询码</dt><dd class="receipt-code">${code}</dd>
<dt>申请人</dt><dd>${app.applicantName}</dd>
<dt>受理机关</dt><dd>${agency.name}</dd>
<dt>提交日期</dt><dd>${formatDateZh(app.submittedOn)}</dd>
<dt>申请事项</dt><dd>${itemList(items)}</dd></dl>
<p class="notice"><strong>请务必保存登记号和查询码</strong>：查询码只在本回执上出现，凭登记号和查询码可以在“申请查询”页面查看办理进度、答复文书和提供的文件。</p>
<p>网上申请以本机关与您双方确认之日为收到申请之日（条例第三十一条），答复期限自收到申请之日起计算。</p></section>
<div class="gk-noprint">
<form method="post" action="/track/receipt" class="gk-form">
<input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="registrationNo" value="${regNo}"><input type="hidden" name="trackingCode" value="${code}">
<p><button class="gk-btn secondary" type="submit">下载登记回执（Word 文档）</button> 也可以使用浏览器的“打印”功能打印本页。</p></form>
<p><a href="/track">查询办理进度</a> · <a href="/a/${agency.code}/">返回${agency.name}政府信息公开专栏</a></p></div>`;
}

function trackForm(token: string, f: Form, message?: string): SafeHtml {
  return html`${FORM_CSS}<h1>政府信息公开申请查询</h1>
${message ? html`<div class="errsummary" role="alert"><p>${message}</p></div>` : ''}
<form class="gk-form" method="post" action="/track" novalidate>
<input type="hidden" name="_csrf" value="${token}">
<fieldset><legend>请输入登记回执上的登记号和查询码</legend>
<div class="field"><label for="registrationNo">登记号</label><input type="text" id="registrationNo" name="registrationNo" value="${f.registrationNo ?? ''}" maxlength="60" autocomplete="off"></div>
<div class="field"><label for="trackingCode">查询码</label><input type="text" id="trackingCode" name="trackingCode" value="${f.trackingCode ?? ''}" maxlength="40" autocomplete="off"></div>
</fieldset><p><button class="gk-btn" type="submit">查询</button></p></form>`;
}

// ------------------------------------------------------------------ routes

export function requestPages(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    await app.register(formbody);
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 80 } });
    const rateLimit = {
      rateLimit: { max: deps.config.publicPostRateLimitPerMinute, timeWindow: '1 minute' },
    };

    async function agencyOr404(_req: FastifyRequest, reply: FastifyReply, code: string) {
      const a = await publicAgencyByCode(deps, code);
      if (!a) {
        reply.status(404);
        throw new AppError('NOT_FOUND');
      }
      return a;
    }

    app.get<{ Params: { code: string }; Querystring: { title?: string; ref?: string } }>(
      '/a/:code/apply',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(req, reply, req.params.code);
        if (!agency.acceptsApplications)
          return renderAgencyColumnPage(deps, req, reply, agency, 'apply', {
            body: html`<h1>依申请公开</h1><div class="panel"><p>${agency.name}不单独受理政府信息公开申请，请向其上级机关或相关机关提出申请。</p><p><a href="/">返回首页</a></p></div>`,
          });
        const token = issueFormToken(req, reply);
        // a link from an archived item's page (publication/archive.ts archiveRequestHref) names the item
        const title = typeof req.query.title === 'string' ? req.query.title.trim().slice(0, 200) : '';
        const ref = typeof req.query.ref === 'string' ? req.query.ref.trim().slice(0, 100) : '';
        const prefill: Record<string, string> = title
          ? {
              item1_title: title,
              item1_description: `申请获取已超过网上公开留存期的主动公开信息《${title}》${ref ? `（索引号/文号：${ref}）` : ''}。`,
              ...(ref ? { item1_docNo: ref } : {}),
            }
          : {};
        return renderAgencyColumnPage(deps, req, reply, agency, 'apply', {
          body: applyForm(
            agency,
            token,
            { provisionForm: 'electronic', deliveryMethod: 'online', ...prefill },
            [],
          ),
        });
      },
    );

    app.post<{ Params: { code: string } }>(
      '/a/:code/apply',
      { schema: { hide: true }, config: rateLimit },
      async (req, reply) => {
        const agency = await agencyOr404(req, reply, req.params.code);
        const { form, uploads, uploadProblems } = await readForm(req);
        const token = issueFormToken(req, reply);
        let key = isIdempotencyKey(form[SUBMISSION_FIELD]) ? form[SUBMISSION_FIELD] : newSubmissionKey();
        const keyHash = () => submissionKeyHash('portal', key);
        const again = async (problems: FieldProblem[], banner?: string, status?: number) => {
          reply.status(status ?? (problems.length > 0 ? 400 : 403));
          const kept = await subs.pendingFiles(deps.db, keyHash());
          return renderAgencyColumnPage(deps, req, reply, agency, 'apply', {
            title: '政府信息公开申请（请修改）',
            body: applyForm(agency, token, form, problems, banner, key, kept),
          });
        };
        if (!checkFormToken(req, form[FORM_FIELD])) return again([], FORM_EXPIRED_MESSAGE);
        if (!agency.acceptsApplications) throw new AppError('REQUEST_AGENCY_NOT_ACCEPTING');
        const { input, problems } = formToInput(agency, form);
        // R.29 identity checks of the service too, so that every problem is listed at once
        const named = new Set(problems.map((p) => p.field));
        const identity = applicantProblems(input.applicant)
          .map(toFormField)
          .filter((p) => !named.has(p.field));
        const fileProblems = [...uploadProblems];
        const now = deps.clock.now().toISOString();
        // attachments are kept server-side under the submission key while the form is corrected
        const drop = Object.keys(form)
          .filter((k) => /^drop_\d+$/.test(k) && form[k])
          .map((k) => Number(k.slice(5)));
        await subs.deletePendingFiles(deps.db, keyHash(), drop);
        for (const u of uploads) {
          const mime = sniffUpload(u.data);
          if (!mime) {
            fileProblems.push({
              field: 'attachment',
              label: '身份证明材料',
              message: `“${u.filename}”不是 PDF、JPG 或 PNG 文件`,
            });
            continue;
          }
          await subs.insertPendingFile(deps.db, {
            keyHash: keyHash(),
            filename: u.filename.slice(0, 200),
            mime,
            size: u.data.length,
            sha256: createHash('sha256').update(u.data).digest('hex'),
            contentB64: u.data.toString('base64'),
            createdAt: now,
          });
        }
        const kept = await subs.pendingFiles(deps.db, keyHash());
        if (kept.length > MAX_FILES)
          fileProblems.push({
            field: 'attachment',
            label: '身份证明材料',
            message: `最多 ${MAX_FILES} 个文件，请移除 ${kept.length - MAX_FILES} 个`,
          });
        const all = [...problems, ...identity, ...fileProblems];
        if (all.length > 0) return again(all);
        try {
          const held = keyHash();
          const s = await submitOnlineOnce(
            deps,
            { actor: null, ip: req.ip },
            'portal',
            key,
            // the typed content decides "the same submission"; a browser does not resend files on back
            submissionFingerprint(input),
            input,
            async (tx, created) => {
              for (const f of await subs.pendingFilesWithContent(tx, held))
                await repo.insertFile(tx, {
                  applicationId: created.id,
                  kind: 'identity_proof',
                  filename: f.filename,
                  mime: f.mime,
                  size: f.size,
                  sha256: f.sha256,
                  contentB64: f.contentB64,
                  createdBy: null,
                  createdAt: now,
                });
              await subs.deletePendingFiles(tx, held);
            },
          );
          if (s.replayed) await subs.deletePendingFiles(deps.db, held);
          // POST-redirect-GET: reloading the receipt page shows it again and files nothing
          reply.setCookie(RECEIPT_COOKIE, key, {
            path: `/a/${agency.code}/apply/receipt`,
            httpOnly: true,
            sameSite: 'lax',
            maxAge: 3600,
          });
          return reply.code(303).header('location', `/a/${agency.code}/apply/receipt`).send();
        } catch (e) {
          if (isAppError(e) && e.code === 'REQUEST_IDEMPOTENCY_KEY_REUSED') {
            // the form was sent once and then changed (back button): a new key files a new application
            const old = keyHash();
            key = newSubmissionKey();
            await subs.rekeyPendingFiles(deps.db, old, keyHash());
            return again(
              [],
              '这份申请表已经提交过一次，提交后内容又有改动。如需就改动后的内容另行提出一份新的申请，请核对后再次点击“提交申请”；已提交的申请请凭登记回执查询。',
              409,
            );
          }
          if (isAppError(e) && e.code === 'VALIDATION_FAILED' && e.fields)
            return again(e.fields.map(toFormField));
          throw e;
        }
      },
    );

    const RECEIPT_GONE = html`${FORM_CSS}<h1>登记回执</h1><div class="panel"><p>登记回执只在提交申请后的一小时内、在提交申请的浏览器中显示。请凭登记号和查询码<a href="/track">查询办理进度</a>，也可以在查询页面下载登记回执。</p></div>`;

    app.get<{ Params: { code: string } }>(
      '/a/:code/apply/receipt',
      { schema: { hide: true } },
      async (req, reply) => {
        const agency = await agencyOr404(req, reply, req.params.code);
        reply.header('cache-control', 'no-store');
        const key = req.cookies?.[RECEIPT_COOKIE];
        const row = isIdempotencyKey(key)
          ? await subs.byKey(deps.db, submissionKeyHash('portal', key), deps.clock.now().toISOString())
          : undefined;
        const found = row ? await repo.byId(deps.db, row.applicationId) : undefined;
        const code = row && isIdempotencyKey(key) ? openTrackingCode('portal', key, row.codeEnc) : null;
        if (!found || !code || found.agencyId !== agency.id) {
          reply.status(404);
          return renderAgencyColumnPage(deps, req, reply, agency, 'apply', {
            title: '登记回执',
            body: RECEIPT_GONE,
          });
        }
        const token = issueFormToken(req, reply);
        return renderAgencyColumnPage(deps, req, reply, agency, 'apply', {
          title: '登记回执',
          body: receiptBody(agency, found, await repo.items(deps.db, found.id), code, token),
        });
      },
    );

    app.get('/track', { schema: { hide: true } }, async (req, reply) => {
      const token = issueFormToken(req, reply);
      return renderPortalPage(deps, req, reply, {
        title: '申请查询',
        columnName: '依申请公开',
        columnType: '依法申请公开',
        crumbs: [{ href: '/', label: '首页' }, { label: '申请查询' }],
        body: trackForm(token, {}),
      });
    });

    const NOT_FOUND_MESSAGE = '未查询到申请：请核对登记号和查询码（均在登记回执上）后重试。';

    app.post('/track', { schema: { hide: true }, config: rateLimit }, async (req, reply) => {
      const { form } = await readForm(req);
      const token = issueFormToken(req, reply);
      const frame = (body: SafeHtml) =>
        renderPortalPage(deps, req, reply.header('cache-control', 'no-store'), {
          title: '申请查询',
          columnName: '依申请公开',
          columnType: '依法申请公开',
          crumbs: [
            { href: '/', label: '首页' },
            { href: '/track', label: '申请查询' },
            { label: '办理进度' },
          ],
          body,
        });
      if (!checkFormToken(req, form[FORM_FIELD])) return frame(trackForm(token, form, FORM_EXPIRED_MESSAGE));
      const t = await findTracked(deps, s(form, 'registrationNo'), s(form, 'trackingCode'));
      if (!t) {
        reply.status(404);
        return frame(trackForm(token, form, NOT_FOUND_MESSAGE));
      }
      const letters = await sentLettersForPublic(deps, t.app);
      const files = await providedFilesForPublic(deps, t.app);
      const hidden = html`<input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="registrationNo" value="${t.app.registrationNo}"><input type="hidden" name="trackingCode" value="${s(form, 'trackingCode')}">`;
      return frame(html`${FORM_CSS}<h1>申请办理进度</h1>
<section class="panel" aria-labelledby="st-h"><h2 id="st-h">基本情况</h2>
<dl class="facts"><dt>登记号</dt><dd>${t.app.registrationNo}</dd>
<dt>受理机关</dt><dd>${t.agency.name}</dd>
<dt>办理状态</dt><dd><strong>${STATUS_LABELS[t.app.status as Status] ?? t.app.status}</strong></dd>
<dt>收到申请日期</dt><dd>${t.app.receivedOn ? formatDateZh(t.app.receivedOn) : '待工作机构确认'}</dd>
<dt>答复期限</dt><dd>${t.dueNote ?? (t.dueOn && !['replied', 'closed', 'withdrawn', 'lapsed'].includes(t.app.status) ? formatDateZh(t.dueOn) : '——')}${t.app.pauseKind ? '（征求意见、缴费或中止期间不计入答复期限）' : ''}</dd>
${t.app.repliedOn ? html`<dt>答复日期</dt><dd>${formatDateZh(t.app.repliedOn)}</dd>` : ''}</dl></section>
<section class="panel" aria-labelledby="i-h"><h2 id="i-h">申请事项</h2>${itemList(await repo.items(deps.db, t.app.id))}</section>
<section class="panel" aria-labelledby="h-h"><h2 id="h-h">办理过程</h2><ol class="gk-history">${presentPublicHistory(
        await repo.audit(deps.db, t.app.id),
        (iso) => formatDateZh(chinaDate(new Date(iso))),
      ).map((h) => html`<li><time>${h.on}</time><span>${h.step}</span></li>`)}</ol></section>
<section class="panel" aria-labelledby="l-h"><h2 id="l-h">文书</h2>
${
  letters.length === 0
    ? html`<p class="muted">暂无文书。</p>`
    : letters.map(
        (
          l,
        ) => html`<article aria-labelledby="letter-${l.id}"><h3 id="letter-${l.id}">${l.title}（${formatDateZh(l.issuedOn)}）</h3>
<div class="letter">${l.text.join('\n')}</div>
<form method="post" action="/track/letter" class="gk-noprint">${hidden}<input type="hidden" name="letterId" value="${l.id}"><p><button class="gk-btn secondary" type="submit">下载《${l.title}》（Word 文档）</button></p></form></article>`,
      )
}</section>
<section class="panel" aria-labelledby="f-h"><h2 id="f-h">提供的政府信息文件</h2>
${
  files.length === 0
    ? html`<p class="muted">暂无文件。</p>`
    : html`<ul>${files.map(
        (f) =>
          html`<li><form method="post" action="/track/file">${hidden}<input type="hidden" name="fileId" value="${f.id}"><button class="gk-btn secondary" type="submit">下载 ${f.filename}（${Math.ceil(f.size / 1024)} KB）</button></form></li>`,
      )}</ul>`
}</section>
<p class="gk-noprint"><a href="/track">查询其他申请</a></p>`);
    });

    /** Downloads need the registration number and code again (POST: the code never sits in a URL). */
    async function trackedFromForm(req: FastifyRequest, reply: FastifyReply) {
      const { form } = await readForm(req);
      if (!checkFormToken(req, form[FORM_FIELD])) throw new AppError('CSRF_INVALID');
      const t = await findTracked(deps, s(form, 'registrationNo'), s(form, 'trackingCode'));
      if (!t) {
        reply.status(404);
        throw new AppError('REQUEST_TRACKING_NOT_FOUND');
      }
      return { t, form };
    }

    app.post('/track/letter', { schema: { hide: true }, config: rateLimit }, async (req, reply) => {
      const { t, form } = await trackedFromForm(req, reply);
      const l = (await sentLettersForPublic(deps, t.app)).find((x) => String(x.id) === s(form, 'letterId'));
      if (!l) throw new AppError('REQUEST_LETTER_NOT_FOUND');
      // 在线送达: the applicant's first download serves the letter (service-record.ts)
      await inTransaction(deps, (tx) => recordOnlineDownload(deps, tx, t.app, l.id));
      return reply
        .type(DOCX)
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="letter.docx"; filename*=UTF-8''${encodeURIComponent(`${l.title}-${t.app.registrationNo}.docx`)}`,
        )
        .send(await letterDocx(l.content));
    });

    app.post('/track/file', { schema: { hide: true }, config: rateLimit }, async (req, reply) => {
      const { t, form } = await trackedFromForm(req, reply);
      const f = (await providedFilesForPublic(deps, t.app)).find((x) => String(x.id) === s(form, 'fileId'));
      const row = f ? await repo.file(deps.db, f.id) : undefined;
      if (!row) throw new AppError('NOT_FOUND');
      return reply
        .type(row.mime)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
        )
        .send(Buffer.from(row.contentB64, 'base64'));
    });

    /** 登记回执 as DOCX (before confirmation: the date of receipt is still to be confirmed). */
    app.post('/track/receipt', { schema: { hide: true }, config: rateLimit }, async (req, reply) => {
      const { t, form } = await trackedFromForm(req, reply);
      // what was asked and by whom, as served: full name and address, the items, the tracking code
      const content = await receiptForApplicant(deps, t, s(form, 'trackingCode'));
      return reply
        .type(DOCX)
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="receipt.docx"; filename*=UTF-8''${encodeURIComponent(`登记回执-${t.app.registrationNo}.docx`)}`,
        )
        .send(await letterDocx(content));
    });
  };
}
