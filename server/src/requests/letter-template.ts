/**
 * Editable letter templates (docs/product.md §3.4): which {{placeholders}} each letter kind may use, the
 * checks an edited template must pass, and sample facts for the preview. Pure.
 */
import type { Role } from '../access/roles.ts';
import { LETTER_KINDS, type LetterKind, type LetterTemplate } from './letter.ts';

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  receipt: '登记回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  third_party_consultation: '第三方意见征询函',
  third_party_disclosure: '第三方公开告知书（条例第三十二条）',
  fee_notice: '信息处理费收费通知书',
  reply: '答复书',
};

/** Every placeholder the letter builder fills, with the label staff see. */
export const PLACEHOLDER_LABELS = {
  agency: '本机关名称',
  registrationNo: '登记号',
  applicant: '申请人姓名或名称',
  receivedOn: '收到申请日期',
  dueOn: '答复期限',
  note: '说明（补正内容；向第三方公开的内容）',
  correctionDueOn: '补正期限',
  reason: '理由',
  extensionDays: '延长的工作日数',
  party: '第三方名称',
  consultationDueOn: '第三方提出意见的期限',
  feeMethod: '计收方式',
  feeLines: '计费明细',
  feeAmount: '应缴金额',
  feeDueOn: '缴费期限',
} as const;
export type Placeholder = keyof typeof PLACEHOLDER_LABELS;

const COMMON: readonly Placeholder[] = ['agency', 'registrationNo', 'applicant', 'receivedOn', 'dueOn'];

/** What buildLetter() receives for each kind (the `vars` the services pass in request.service.ts). */
export const ALLOWED_PLACEHOLDERS: Record<LetterKind, readonly Placeholder[]> = {
  receipt: COMMON,
  correction: [...COMMON, 'note', 'correctionDueOn'],
  extension: [...COMMON, 'reason', 'extensionDays'],
  third_party_consultation: [...COMMON, 'party', 'consultationDueOn'],
  third_party_disclosure: [...COMMON, 'party', 'note', 'reason'],
  fee_notice: [...COMMON, 'feeMethod', 'feeLines', 'feeAmount', 'feeDueOn'],
  reply: COMMON,
};

export const TEMPLATE_LIMITS = { titleMax: 60, paragraphsMax: 30, paragraphMax: 2000 } as const;

export interface TemplateProblem {
  field: string;
  label: string;
  message: string;
}

/** Anything written between {{ and }}, so that typos such as {{ 申请人 }} are caught too. */
const ANY_PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** Problems of an edited template; each names the field (标题, 第N段) in Chinese. */
export function templateProblems(kind: LetterKind, t: LetterTemplate): TemplateProblem[] {
  const allowed = ALLOWED_PLACEHOLDERS[kind];
  const list = allowed.map((p) => `{{${p}}}`).join('、');
  const out: TemplateProblem[] = [];
  const check = (field: string, label: string, text: string) => {
    const unknown = [...text.matchAll(ANY_PLACEHOLDER)]
      .map((m) => m[1]!)
      .filter((name) => !(allowed as readonly string[]).includes(name));
    if (unknown.length)
      out.push({
        field,
        label,
        message: `含有未知的占位符 ${[...new Set(unknown)].map((u) => `{{${u}}}`).join('、')}；${LETTER_KIND_LABELS[kind]}可用的占位符：${list}`,
      });
    const rest = text.replace(ANY_PLACEHOLDER, '');
    if (!unknown.length && (rest.includes('{{') || rest.includes('}}')))
      out.push({ field, label, message: '占位符格式不正确：应写成 {{名称}}，花括号须成对' });
  };
  if (!t.title.trim()) out.push({ field: 'title', label: '标题', message: '不能为空' });
  else if ([...t.title].length > TEMPLATE_LIMITS.titleMax)
    out.push({ field: 'title', label: '标题', message: `不能超过${TEMPLATE_LIMITS.titleMax}个字` });
  else check('title', '标题', t.title);
  if (t.paragraphs.length === 0 || t.paragraphs.every((p) => !p.trim()))
    out.push({ field: 'paragraphs', label: '正文', message: '至少需要一段正文' });
  if (t.paragraphs.length > TEMPLATE_LIMITS.paragraphsMax)
    out.push({ field: 'paragraphs', label: '正文', message: `不能超过${TEMPLATE_LIMITS.paragraphsMax}段` });
  t.paragraphs.forEach((p, i) => {
    const field = `paragraphs.${i}`;
    const label = `正文第${i + 1}段`;
    if ([...p].length > TEMPLATE_LIMITS.paragraphMax)
      out.push({ field, label, message: `不能超过${TEMPLATE_LIMITS.paragraphMax}个字` });
    else check(field, label, p);
  });
  return out;
}

/** Trims the title and every paragraph and drops empty paragraphs. */
export function normaliseTemplate(t: LetterTemplate): LetterTemplate {
  return { title: t.title.trim(), paragraphs: t.paragraphs.map((p) => p.trim()).filter(Boolean) };
}

/** Stored overrides (request_settings.templates_json), ignoring anything malformed. */
export function parseTemplates(json: string | null | undefined): Partial<Record<LetterKind, LetterTemplate>> {
  if (!json) return {};
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    const out: Partial<Record<LetterKind, LetterTemplate>> = {};
    for (const kind of LETTER_KINDS) {
      const t = raw?.[kind] as Partial<LetterTemplate> | undefined;
      if (
        t &&
        typeof t.title === 'string' &&
        Array.isArray(t.paragraphs) &&
        t.paragraphs.every((p) => typeof p === 'string')
      )
        out[kind] = { title: t.title, paragraphs: t.paragraphs };
    }
    return out;
  } catch {
    return {};
  }
}

/** Facts for the preview: clearly sample values, never a real applicant. */
export const SAMPLE_VARS: Record<Placeholder, string | number> = {
  agency: '（本机关）',
  registrationNo: 'SAMPLE-2026-000001',
  applicant: '张某某',
  receivedOn: '2026-03-02',
  dueOn: '2026-03-30',
  note: '请写明所需信息的年度和文号',
  correctionDueOn: '2026-03-13',
  reason: '需要调取档案核查',
  extensionDays: 20,
  party: '某某科技有限公司',
  consultationDueOn: '2026-03-23',
  feeMethod: '按件',
  feeLines: '第11件至第20件，每件100元',
  feeAmount: 1000,
  feeDueOn: '2026-03-31',
};

/** Roles that may take a step of the reply approval chain (docs/product.md §3.3: unit head → office head). */
export const APPROVAL_ROLES: readonly Role[] = ['unit_head', 'disclosure_office', 'leader', 'principal'];
export const APPROVAL_CHAIN_MAX = 4;

export function approvalChainProblems(chain: readonly string[]): TemplateProblem[] {
  const field = 'approvalChain';
  const label = '审批环节';
  if (chain.length === 0) return [{ field, label, message: '至少需要一个审批环节，答复须经审批后发出' }];
  if (chain.length > APPROVAL_CHAIN_MAX)
    return [{ field, label, message: `不能超过${APPROVAL_CHAIN_MAX}个环节` }];
  if (chain.some((r) => !(APPROVAL_ROLES as readonly string[]).includes(r)))
    return [{ field, label, message: '只能选择科室负责人、政务公开工作机构、分管领导或主要负责人' }];
  if (new Set(chain).size !== chain.length) return [{ field, label, message: '同一角色不能重复出现' }];
  // unit_head is skipped when no unit is assigned (approvalChain()); a reply would then leave unapproved
  if (chain.every((r) => r === 'unit_head'))
    return [
      { field, label, message: '除科室负责人外至少还需要一个环节（未分办到科室的申请没有科室负责人）' },
    ];
  return [];
}
