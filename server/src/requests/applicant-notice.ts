/**
 * Notices to applicants (办理进度提醒) — pure: which step earns a notice, its text as a template, and
 * the rendering. A notice says only that something happened, with the registration number and the
 * tracking link: never a name, an address or the content of the request (the message may be read
 * by others on a shared phone or mailbox, 《个人信息保护法》第六条 minimum necessary), and never the
 * tracking code (the applicant keeps it; the link asks for it). The applicant reads the letter itself
 * on the tracking page or as served.
 */
import type { LetterKind } from './letter.ts';

export const NOTICE_KINDS = ['registered', 'correction', 'fee_notice', 'extension', 'reply_ready'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_LABELS: Record<NoticeKind, string> = {
  registered: '申请已登记（收到申请，条例第三十一条）',
  correction: '发出补正告知（条例第三十条）',
  fee_notice: '发出收费通知（国办函〔2020〕109号）',
  extension: '延长答复期限（条例第三十三条第二款）',
  reply_ready: '答复已作出',
};

/** The letter whose sending is the step: its kind names the notice. */
export const NOTICE_OF_LETTER: Partial<Record<LetterKind, NoticeKind>> = {
  receipt: 'registered',
  correction: 'correction',
  fee_notice: 'fee_notice',
  extension: 'extension',
  reply: 'reply_ready',
};

/** The only placeholders a notice may use: nothing personal. */
export const NOTICE_PLACEHOLDERS = ['agency', 'registrationNo', 'trackUrl'] as const;
export type NoticeFacts = Record<(typeof NOTICE_PLACEHOLDERS)[number], string>;

export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, string> = {
  registered:
    '{{agency}}已收到并登记您的政府信息公开申请，登记号 {{registrationNo}}。可凭登记号和查询码在 {{trackUrl}} 查询办理进度。',
  correction:
    '{{agency}}已就您的政府信息公开申请（登记号 {{registrationNo}}）发出补正告知，请在规定期限内补正。详情请凭登记号和查询码在 {{trackUrl}} 查看。',
  fee_notice:
    '{{agency}}已就您的政府信息公开申请（登记号 {{registrationNo}}）发出收费通知，请在规定期限内缴纳。详情请凭登记号和查询码在 {{trackUrl}} 查看。',
  extension:
    '{{agency}}已延长您的政府信息公开申请（登记号 {{registrationNo}}）的答复期限。详情请凭登记号和查询码在 {{trackUrl}} 查看。',
  reply_ready:
    '{{agency}}已对您的政府信息公开申请（登记号 {{registrationNo}}）作出答复。请凭登记号和查询码在 {{trackUrl}} 查看或下载答复书。',
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Placeholders a template uses that a notice may not (empty when it is fine). */
export function unknownNoticePlaceholders(template: string): string[] {
  const allowed = new Set<string>(NOTICE_PLACEHOLDERS);
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !allowed.has(n));
}

export function renderNotice(template: string, facts: NoticeFacts): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in facts ? facts[name as keyof NoticeFacts] : whole,
  );
}

/** E-mail when the applicant gave an address, else SMS to the phone given (both are optional here). */
export function noticeChannel(contact: {
  email: string | null;
  phone: string | null;
}): { channel: 'email'; recipient: string } | { channel: 'sms'; recipient: string } | null {
  if (contact.email?.trim()) return { channel: 'email', recipient: contact.email.trim() };
  if (contact.phone?.trim()) return { channel: 'sms', recipient: contact.phone.trim() };
  return null;
}

export function parseDisabled(json: string | null | undefined): NoticeKind[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? NOTICE_KINDS.filter((k) => v.includes(k)) : [];
  } catch {
    return [];
  }
}
