import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config/config.ts';
import { fixedClock } from '../shared/clock.ts';
import {
  encodeAddress,
  encodeHeaderWord,
  FileOutboxNotifier,
  formatEmail,
  notifiersFor,
  rfc5322Date,
  SmtpNotifier,
  WebhookSmsNotifier,
} from './notifier.ts';
import { dotStuff, sendSmtp } from './smtp-client.ts';

const clock = fixedClock('2026-11-21T02:00:00.000Z');

/** Decodes RFC 2047 B-encoded words (after unfolding) back to text. */
function decodeWords(v: string): string {
  return v
    .replace(/\r\n /g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe('RFC 5322 message text', () => {
  it('encodes a Chinese subject as UTF-8 encoded words of at most 75 characters, folded, and round-trips', () => {
    const subject = '答复期限提醒：YSQ-2025-0001 剩余 5 个工作日，请尽快办理政府信息公开申请的答复';
    const enc = encodeHeaderWord(subject);
    for (const line of enc.split('\r\n')) expect(line.trim().length).toBeLessThanOrEqual(75);
    expect(decodeWords(enc)).toBe(subject);
    expect(encodeHeaderWord('plain ascii')).toBe('plain ascii');
  });

  it('encodes display names, quotes ASCII ones, keeps bare addresses', () => {
    expect(decodeWords(encodeAddress('公开办 <gkb@example.gov.cn>'))).toBe('公开办 <gkb@example.gov.cn>');
    expect(encodeAddress('Office "A" <a@b.cn>')).toBe('"Office \\"A\\"" <a@b.cn>');
    expect(encodeAddress('a@b.cn')).toBe('a@b.cn');
  });

  it('has the required headers, CRLF line ends, a base64 body in 76-character lines', () => {
    const text = formatEmail({
      from: 'noreply@example.gov.cn',
      to: 'zhang@example.gov.cn',
      subject: '提醒',
      body: `第一行\n${'长'.repeat(200)}`,
      date: clock.now(),
      messageId: 'abc@example.gov.cn',
    });
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toContain('From: noreply@example.gov.cn\r\n');
    expect(head).toContain('To: zhang@example.gov.cn\r\n');
    expect(head).toContain('Date: Sat, 21 Nov 2026 02:00:00 +0000\r\n');
    expect(head).toContain('Message-ID: <abc@example.gov.cn>');
    expect(head).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = body!.split('\r\n').filter(Boolean);
    expect(lines.every((l) => l.length <= 76)).toBe(true);
    expect(Buffer.from(lines.join(''), 'base64').toString('utf8')).toBe(`第一行\r\n${'长'.repeat(200)}`);
    expect(rfc5322Date(new Date('2026-01-05T09:08:07Z'))).toBe('Mon, 05 Jan 2026 09:08:07 +0000');
  });

  it('SMTP dot-stuffing doubles a leading dot and ends with CRLF.CRLF', () => {
    expect(dotStuff('a\r\n.b\r\n..c')).toBe('a\r\n..b\r\n...c\r\n.\r\n');
  });
});

describe('notifiers', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'gongkai-outbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the file outbox writes one .eml per e-mail and one .txt per SMS, and refuses header injection', async () => {
    const email = new FileOutboxNotifier(
      'email',
      path.join(dir, 'email'),
      clock,
      '公开办 <gkb@example.gov.cn>',
    );
    await email.send({ to: 'a@example.gov.cn', subject: '提醒一', body: '正文' });
    await email.send({ to: 'b@example.gov.cn', subject: '提醒二', body: '正文' });
    const files = await readdir(path.join(dir, 'email'));
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const text = await readFile(path.join(dir, 'email', files[0]!), 'utf8');
    expect(text).toMatch(/^From: =\?UTF-8\?B\?/);
    expect(text).toContain('Message-ID: <');
    await expect(email.send({ to: 'a@b.cn\r\nBcc: x@y.cn', subject: 's', body: 'b' })).rejects.toThrow(
      /line break/,
    );

    const sms = new FileOutboxNotifier('sms', path.join(dir, 'sms'), clock, 'x@y.cn');
    await sms.send({ to: '13900000000', subject: '提醒', body: '请办理' });
    const [f] = await readdir(path.join(dir, 'sms'));
    expect(f).toMatch(/\.txt$/);
    expect(await readFile(path.join(dir, 'sms', f!), 'utf8')).toContain('To: 13900000000');
  });

  it('the configuration picks the file outbox by default, SMTP and the SMS webhook when configured', () => {
    const d = notifiersFor(testConfig({ dataDir: dir }), clock);
    expect(d.email).toBeInstanceOf(FileOutboxNotifier);
    expect(d.sms).toBeInstanceOf(FileOutboxNotifier);
    const c = notifiersFor(
      testConfig({
        dataDir: dir,
        mail: { transport: 'smtp', smtpUrl: 'smtps://u:p@mail.example.gov.cn', from: 'a@b.cn' },
        sms: { transport: 'http', gatewayUrl: 'https://sms.example.gov.cn/send', signName: '云岭县' },
      }),
      clock,
    );
    expect(c.email).toBeInstanceOf(SmtpNotifier);
    expect(c.sms).toBeInstanceOf(WebhookSmsNotifier);
  });

  it('the SMS webhook POSTs JSON and treats a non-2xx answer as a failure', async () => {
    const received: unknown[] = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
        res.statusCode = status;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const n = new WebhookSmsNotifier(`http://127.0.0.1:${port}/send`, '云岭县');
      await n.send({ to: '13900000000', subject: '提醒', body: '请办理' });
      expect(received).toEqual([
        {
          method: 'POST',
          type: 'application/json; charset=utf-8',
          body: { to: '13900000000', sign: '云岭县', subject: '提醒', text: '请办理' },
        },
      ]);
      status = 503;
      await expect(n.send({ to: '1', subject: 's', body: 'b' })).rejects.toThrow('HTTP 503');
    } finally {
      server.close();
    }
  });

  /** A scripted SMTP server: records the commands and the DATA, answers like a real one. */
  async function fakeSmtp(opts: { rejectRcpt?: boolean } = {}) {
    const log: string[] = [];
    let data = '';
    const server = net.createServer((sock) => {
      let buf = '';
      let inData = false;
      sock.write('220 fake ESMTP\r\n');
      sock.on('data', (chunk) => {
        buf += chunk.toString('utf8');
        for (;;) {
          if (inData) {
            const end = buf.indexOf('\r\n.\r\n');
            if (end < 0) return;
            data = buf.slice(0, end + 2);
            buf = buf.slice(end + 5);
            inData = false;
            sock.write('250 queued\r\n');
            continue;
          }
          const i = buf.indexOf('\r\n');
          if (i < 0) return;
          const line = buf.slice(0, i);
          buf = buf.slice(i + 2);
          log.push(line);
          if (line.startsWith('EHLO')) sock.write('250-fake\r\n250-8BITMIME\r\n250 SIZE 1000000\r\n');
          else if (line.startsWith('MAIL')) sock.write('250 ok\r\n');
          else if (line.startsWith('RCPT'))
            sock.write(opts.rejectRcpt ? '550 no such user\r\n' : '250 ok\r\n');
          else if (line === 'DATA') {
            inData = true;
            sock.write('354 go ahead\r\n');
          } else if (line === 'QUIT') {
            sock.write('221 bye\r\n');
            sock.end();
          } else sock.write('502 unknown\r\n');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    return { port, log, data: () => data, close: () => server.close() };
  }

  it('SMTP: EHLO, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT', async () => {
    const s = await fakeSmtp();
    try {
      const n = new SmtpNotifier(`smtp://127.0.0.1:${s.port}`, '公开办 <gkb@example.gov.cn>', clock);
      await n.send({ to: 'zhang@example.gov.cn', subject: '答复期限提醒', body: '.第一行\n第二行' });
      expect(s.log).toEqual([
        'EHLO gongkai.localhost',
        'MAIL FROM:<gkb@example.gov.cn>',
        'RCPT TO:<zhang@example.gov.cn>',
        'DATA',
        'QUIT',
      ]);
      expect(s.data()).toContain('To: zhang@example.gov.cn\r\n');
      expect(decodeWords(/Subject: (.*(?:\r\n .*)*)/.exec(s.data())![1]!)).toBe('答复期限提醒');
    } finally {
      s.close();
    }
  });

  it('SMTP: a rejected recipient fails the attempt; credentials are never sent without TLS', async () => {
    const s = await fakeSmtp({ rejectRcpt: true });
    try {
      await expect(
        sendSmtp(`smtp://127.0.0.1:${s.port}`, { from: 'a@b.cn', to: ['c@d.cn'], data: 'x\r\n' }),
      ).rejects.toThrow(/550/);
      await expect(
        sendSmtp(`smtp://user:secret@127.0.0.1:${s.port}`, { from: 'a@b.cn', to: ['c@d.cn'], data: 'x\r\n' }),
      ).rejects.toThrow(/明文/);
      expect(s.log.some((l) => l.startsWith('AUTH'))).toBe(false);
      await expect(
        sendSmtp(`smtp://127.0.0.1:${s.port}`, {
          from: 'a@b.cn>\r\nRCPT TO:<x@y.cn',
          to: ['c@d.cn'],
          data: 'x',
        }),
      ).rejects.toThrow(/邮件地址/);
    } finally {
      s.close();
    }
  });
});
