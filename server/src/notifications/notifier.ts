/**
 * How e-mail and SMS leave the platform. The outbox (notifications table) decides what to send and
 * when; a Notifier only delivers one message and throws when it could not. Messages (multipart MIME
 * with attachments, RFC 2047 headers, DKIM signature RFC 6376 when SMTP_DKIM_* are set) are built by
 * nodemailer. Implementations:
 *   - FileOutboxNotifier (default, MAIL_TRANSPORT=outbox / SMS_TRANSPORT=outbox): one RFC 5322 `.eml`
 *     (e-mail, built by nodemailer's stream transport exactly as it would be sent) or `.txt` (SMS)
 *     file per message under DATA_DIR/outbox/<channel>/, so operators can see what would be sent;
 *   - SmtpNotifier (MAIL_TRANSPORT=smtp): nodemailer's SMTP transport over pooled connections —
 *     smtps:// implicit TLS (RFC 8314), smtp:// with STARTTLS (RFC 3207), required whenever a password
 *     is given, so credentials never cross an unencrypted connection;
 *   - WebhookSmsNotifier (SMS_TRANSPORT=http): POSTs JSON to SMS_GATEWAY_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Mail } from 'nodemailer';
import type { Config } from '../config/config.ts';
import type { Clock } from '../shared/clock.ts';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
  /** e-mail only: files attached to the message (letters as DOCX, provided files) */
  attachments?: MailAttachment[];
}

export interface Notifier {
  readonly channel: 'email' | 'sms';
  send(msg: OutgoingMessage): Promise<void>;
}

/**
 * A delivery the receiving side refused for good (SMTP 5xx, RFC 5321 §4.2.1: a permanent negative
 * reply, e.g. an unknown mailbox): the outbox records it as bounced and does not try again.
 */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;
}

export function isPermanentFailure(e: unknown): boolean {
  if (e instanceof PermanentDeliveryError) return true;
  const code = (e as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

type Dkim = NonNullable<Config['mail']['dkim']>;

/** The sender: MAIL_FROM, else noreply@ the host of PUBLIC_BASE_URL. */
export function senderOf(config: Config): string {
  return config.mail.from ?? `noreply@${new URL(config.publicBaseUrl).hostname}`;
}

export function bareAddress(addr: string): string {
  const m = /<([^<>]+)>\s*$/.exec(addr);
  return (m ? m[1]! : addr).trim();
}

function assertHeaderSafe(v: string, field: string): void {
  if (/[\r\n]/.test(v)) throw new Error(`${field} contains a line break`);
}

function mailOptions(from: string, msg: OutgoingMessage, date: Date): Mail.Options {
  assertHeaderSafe(msg.to, 'to');
  assertHeaderSafe(msg.subject, 'subject');
  return {
    from,
    to: msg.to,
    subject: msg.subject,
    // canonical CRLF line ends inside the encoded text part (RFC 2046 §4.1.1)
    text: msg.body.replace(/\r?\n/g, '\r\n'),
    date,
    messageId: `<${randomUUID()}@${bareAddress(from).split('@')[1] ?? 'localhost'}>`,
    attachments: (msg.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

/** The whole RFC 5322 message as nodemailer would send it (CRLF line ends, DKIM-signed when configured). */
export async function buildEmail(
  from: string,
  msg: OutgoingMessage,
  date: Date,
  dkim?: Dkim,
): Promise<Buffer> {
  const t = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...(dkim ? { dkim } : {}),
  });
  const info = await t.sendMail(mailOptions(from, msg, date));
  return info.message as Buffer;
}

// ------------------------------------------------------------------ implementations

export class FileOutboxNotifier implements Notifier {
  constructor(
    readonly channel: 'email' | 'sms',
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly from: string,
    private readonly dkim?: Dkim,
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
      const eml = await buildEmail(this.from, msg, now, this.dkim);
      await writeFile(path.join(this.dir, `${stamp}-${id}.eml`), eml, { flag: 'wx' });
    } else {
      const text = `To: ${msg.to}\nDate: ${now.toISOString()}\n\n${msg.subject}\n${msg.body}\n`;
      await writeFile(path.join(this.dir, `${stamp}-${id}.txt`), text, { flag: 'wx' });
    }
  }
}

/** smtp(s)://user:pass@host:port → nodemailer SMTP options (pooled, TLS required with credentials). */
export function smtpOptions(smtpUrl: string, dkim?: Dkim) {
  const u = new URL(smtpUrl);
  const secure = u.protocol === 'smtps:';
  const user = decodeURIComponent(u.username);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    // never send credentials in clear text: STARTTLS is required when a password is given
    requireTLS: !secure && user !== '',
    ...(user ? { auth: { user, pass: decodeURIComponent(u.password) } } : {}),
    pool: true,
    maxConnections: 2,
    name: 'gongkai.localhost',
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    ...(dkim ? { dkim } : {}),
  };
}

export class SmtpNotifier implements Notifier {
  readonly channel = 'email' as const;
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;
  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly clock: Clock,
    dkim?: Dkim,
  ) {
    this.transport = nodemailer.createTransport(smtpOptions(smtpUrl, dkim));
  }

  async send(msg: OutgoingMessage): Promise<void> {
    const info = await this.transport.sendMail(mailOptions(this.from, msg, this.clock.now()));
    if (info.rejected.length > 0)
      throw new PermanentDeliveryError(`邮件服务器拒收：${info.rejected.map(String).join(', ')}`);
  }

  close(): void {
    this.transport.close();
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

// one set per configuration, so the SMTP pool is kept across the sending job's runs
const made = new WeakMap<Config, WeakMap<Clock, Notifiers>>();

/** The notifiers the configuration asks for. */
export function notifiersFor(config: Config, clock: Clock): Notifiers {
  const known = made.get(config)?.get(clock);
  if (known) return known;
  const from = senderOf(config);
  const dkim = config.mail.dkim;
  const outbox = (channel: 'email' | 'sms') =>
    new FileOutboxNotifier(channel, path.join(config.dataDir, 'outbox', channel), clock, from, dkim);
  const n: Notifiers = {
    email:
      config.mail.transport === 'smtp' && config.mail.smtpUrl
        ? new SmtpNotifier(config.mail.smtpUrl, from, clock, dkim)
        : outbox('email'),
    sms:
      config.sms.transport === 'http' && config.sms.gatewayUrl
        ? new WebhookSmsNotifier(config.sms.gatewayUrl, config.sms.signName)
        : outbox('sms'),
  };
  const byClock = made.get(config) ?? new WeakMap<Clock, Notifiers>();
  byClock.set(clock, n);
  made.set(config, byClock);
  return n;
}
