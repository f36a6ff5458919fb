/**
 * How e-mail and SMS leave the platform. The outbox (notifications table) decides what to send and
 * when; a Notifier only delivers one message and throws when it could not. Implementations:
 *   - FileOutboxNotifier (default, MAIL_TRANSPORT=outbox / SMS_TRANSPORT=outbox): one RFC 5322 `.eml`
 *     (e-mail) or `.txt` (SMS) file per message under DATA_DIR/outbox/<channel>/, so operators can
 *     see exactly what would be sent;
 *   - SmtpNotifier (MAIL_TRANSPORT=smtp, smtp-client.ts);
 *   - WebhookSmsNotifier (SMS_TRANSPORT=http): POSTs JSON to SMS_GATEWAY_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import type { Clock } from '../shared/clock.ts';
import { sendSmtp } from './smtp-client.ts';

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
}

export interface Notifier {
  readonly channel: 'email' | 'sms';
  send(msg: OutgoingMessage): Promise<void>;
}

// ------------------------------------------------------------------ RFC 5322 message text

/** RFC 2047 encoded words (UTF-8, base64) for a header value with non-ASCII text, folded per RFC 5322 §2.2.3. */
export function encodeHeaderWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  // 45 bytes → 60 base64 characters; "=?UTF-8?B?" + "?=" keeps each word within 75 (RFC 2047 §2)
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** "名称 <a@b>" → display name encoded, address kept; a bare address is returned unchanged. */
export function encodeAddress(addr: string): string {
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(addr);
  if (!m) return addr.trim();
  if (!m[1]) return `<${m[2]}>`;
  const name = /^[\x20-\x7e]*$/.test(m[1]) ? `"${m[1].replace(/["\\]/g, '\\$&')}"` : encodeHeaderWord(m[1]);
  return `${name} <${m[2]}>`;
}

/** RFC 5322 §3.3 date-time, e.g. "Sat, 21 Nov 2026 10:00:00 +0000". */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

export function bareAddress(addr: string): string {
  const m = /<([^<>]+)>\s*$/.exec(addr);
  return (m ? m[1]! : addr).trim();
}

/**
 * The whole message: CRLF line ends, UTF-8 text body in base64 (76-character lines, RFC 2045 §6.8),
 * so any Chinese text and long lines are safe over 7-bit SMTP.
 */
export function formatEmail(m: {
  from: string;
  to: string;
  subject: string;
  body: string;
  date: Date;
  messageId: string;
}): string {
  const b64 = Buffer.from(m.body.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  const lines = b64.match(/.{1,76}/g) ?? [];
  return [
    `From: ${encodeAddress(m.from)}`,
    `To: ${encodeAddress(m.to)}`,
    `Subject: ${encodeHeaderWord(m.subject)}`,
    `Date: ${rfc5322Date(m.date)}`,
    `Message-ID: <${m.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...lines,
    '',
  ].join('\r\n');
}

/** The sender: MAIL_FROM, else noreply@ the host of PUBLIC_BASE_URL. */
export function senderOf(config: Config): string {
  return config.mail.from ?? `noreply@${new URL(config.publicBaseUrl).hostname}`;
}

function assertHeaderSafe(v: string, field: string): void {
  if (/[\r\n]/.test(v)) throw new Error(`${field} contains a line break`);
}

// ------------------------------------------------------------------ implementations

export class FileOutboxNotifier implements Notifier {
  constructor(
    readonly channel: 'email' | 'sms',
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly from: string,
  ) {}

  async send(msg: OutgoingMessage): Promise<void> {
    assertHeaderSafe(msg.to, 'to');
    assertHeaderSafe(msg.subject, 'subject');
    await mkdir(this.dir, { recursive: true });
    const now = this.clock.now();
    const id = randomUUID();
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    if (this.channel === 'email') {
      const text = formatEmail({
        from: this.from,
        to: msg.to,
        subject: msg.subject,
        body: msg.body,
        date: now,
        messageId: `${id}@${bareAddress(this.from).split('@')[1] ?? 'localhost'}`,
      });
      await writeFile(path.join(this.dir, `${stamp}-${id}.eml`), text, { flag: 'wx' });
    } else {
      const text = `To: ${msg.to}\nDate: ${now.toISOString()}\n\n${msg.subject}\n${msg.body}\n`;
      await writeFile(path.join(this.dir, `${stamp}-${id}.txt`), text, { flag: 'wx' });
    }
  }
}

export class SmtpNotifier implements Notifier {
  readonly channel = 'email' as const;
  constructor(
    private readonly smtpUrl: string,
    private readonly from: string,
    private readonly clock: Clock,
  ) {}

  async send(msg: OutgoingMessage): Promise<void> {
    assertHeaderSafe(msg.to, 'to');
    assertHeaderSafe(msg.subject, 'subject');
    const from = bareAddress(this.from);
    const text = formatEmail({
      from: this.from,
      to: msg.to,
      subject: msg.subject,
      body: msg.body,
      date: this.clock.now(),
      messageId: `${randomUUID()}@${from.split('@')[1] ?? 'localhost'}`,
    });
    await sendSmtp(this.smtpUrl, { from, to: [bareAddress(msg.to)], data: text });
  }
}

/** POST {to, sign, subject, text} as JSON; any non-2xx answer or a timeout is a failed attempt. */
export class WebhookSmsNotifier implements Notifier {
  readonly channel = 'sms' as const;
  constructor(
    private readonly url: string,
    private readonly signName: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(msg: OutgoingMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        to: msg.to,
        sign: this.signName ?? null,
        subject: msg.subject,
        text: msg.body,
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`短信网关返回 HTTP ${res.status}`);
    await res.body?.cancel();
  }
}

export interface Notifiers {
  email: Notifier;
  sms: Notifier;
}

/** The notifiers the configuration asks for. */
export function notifiersFor(config: Config, clock: Clock): Notifiers {
  const from = senderOf(config);
  const outbox = (channel: 'email' | 'sms') =>
    new FileOutboxNotifier(channel, path.join(config.dataDir, 'outbox', channel), clock, from);
  return {
    email:
      config.mail.transport === 'smtp' && config.mail.smtpUrl
        ? new SmtpNotifier(config.mail.smtpUrl, from, clock)
        : outbox('email'),
    sms:
      config.sms.transport === 'http' && config.sms.gatewayUrl
        ? new WebhookSmsNotifier(config.sms.gatewayUrl, config.sms.signName)
        : outbox('sms'),
  };
}
