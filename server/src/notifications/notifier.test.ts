import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config/config.ts';
import { fixedClock } from '../shared/clock.ts';
import {
  buildEmail,
  FileOutboxNotifier,
  isPermanentFailure,
  notifiersFor,
  SmtpNotifier,
  smtpOptions,
  WebhookSmsNotifier,
} from './notifier.ts';

const clock = fixedClock('2026-11-21T02:00:00.000Z');

/** Decodes RFC 2047 encoded words (B and Q, after unfolding) back to text. */
function decodeWords(v: string): string {
  return v
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'))
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, q: string) =>
      Buffer.from(
        q
          .replace(/_/g, ' ')
          .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
        'latin1',
      ).toString('utf8'),
    );
}

describe('RFC 5322 message text (nodemailer)', () => {
  const from = '云岭县司法局政务公开办 <gkb@example.gov.cn>';
  it('encodes the Chinese subject and display name, CRLF line ends, a base64 UTF-8 body; attachments as multipart/mixed parts named in UTF-8', async () => {
    const eml = (
      await buildEmail(
        from,
        {
          to: 'zhang@example.cn',
          subject: '政府信息公开申请答复（登记号 YLSFJ-2026-0001）',
          body: '.第一行\n第二行',
          attachments: [
            {
              filename: '政府信息公开申请答复书.docx',
              contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              content: Buffer.from('PK\x03\x04docx'),
            },
          ],
        },
        clock.now(),
      )
    ).toString('utf8');
    const [head, ...rest] = eml.split('\r\n\r\n');
    expect(head).toContain('Date: Sat, 21 Nov 2026 02:00:00 +0000');
    expect(head).toMatch(/Message-ID: <[0-9a-f-]+@example\.gov\.cn>/);
    expect(decodeWords(/Subject: (.*(?:\r\n[ \t].*)*)/.exec(head!)![1]!)).toBe(
      '政府信息公开申请答复（登记号 YLSFJ-2026-0001）',
    );
    expect(decodeWords(/From: (.*(?:\r\n[ \t].*)*)/.exec(head!)![1]!)).toBe(
      '云岭县司法局政务公开办 <gkb@example.gov.cn>',
    );
    expect(head).toContain('multipart/mixed');
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const body = rest.join('\r\n\r\n');
    expect(decodeWords(body)).toContain('政府信息公开申请答复书.docx');
    expect(body).toContain(Buffer.from('PK\x03\x04docx').toString('base64'));
    expect(body).toContain(Buffer.from('.第一行\r\n第二行', 'utf8').toString('base64'));
  });

  it('signs with DKIM when configured (RFC 6376 DKIM-Signature header naming domain and selector)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const eml = (
      await buildEmail(from, { to: 'a@example.cn', subject: '测试', body: '正文' }, clock.now(), {
        domainName: 'example.gov.cn',
        keySelector: 'gk2026',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      })
    ).toString('utf8');
    expect(eml).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/);
    expect(eml).toContain('d=example.gov.cn');
    expect(eml).toContain('s=gk2026');
  });

  it('SMTP options: implicit TLS for smtps, STARTTLS required whenever credentials are given, pooled', () => {
    expect(smtpOptions('smtps://u%40x.cn:p%3Aw@mail.example.gov.cn')).toMatchObject({
      host: 'mail.example.gov.cn',
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: 'u@x.cn', pass: 'p:w' },
      pool: true,
    });
    expect(smtpOptions('smtp://u:p@mail.example.gov.cn')).toMatchObject({
      port: 587,
      secure: false,
      requireTLS: true,
    });
    expect(smtpOptions('smtp://relay.internal:25')).toMatchObject({ port: 25, requireTLS: false });
    expect(smtpOptions('smtp://relay.internal:25')).not.toHaveProperty('auth');
  });

  it('a 5xx reply is a permanent failure (bounced), anything else is retried', () => {
    expect(isPermanentFailure(Object.assign(new Error('550 no such user'), { responseCode: 550 }))).toBe(
      true,
    );
    expect(isPermanentFailure(Object.assign(new Error('421 try later'), { responseCode: 421 }))).toBe(false);
    expect(isPermanentFailure(new Error('connect ECONNREFUSED'))).toBe(false);
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

  it('SMTP: EHLO, MAIL FROM, RCPT TO, DATA with dot-stuffing (RFC 5321 §4.5.2), QUIT; the message carries its attachments', async () => {
    const s = await fakeSmtp();
    const n = new SmtpNotifier(`smtp://127.0.0.1:${s.port}`, '公开办 <gkb@example.gov.cn>', clock);
    try {
      await n.send({
        to: 'zhang@example.gov.cn',
        subject: '答复期限提醒',
        body: '.第一行\n第二行',
        attachments: [
          { filename: 'a.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') },
        ],
      });
      expect(s.log.filter((l) => !l.startsWith('RSET'))).toEqual([
        'EHLO gongkai.localhost',
        'MAIL FROM:<gkb@example.gov.cn>',
        'RCPT TO:<zhang@example.gov.cn>',
        'DATA',
      ]);
      expect(s.data()).toContain('To: zhang@example.gov.cn\r\n');
      expect(decodeWords(/Subject: (.*(?:\r\n[ \t].*)*)/.exec(s.data())![1]!)).toBe('答复期限提醒');
      expect(s.data()).toContain(Buffer.from('%PDF-1.4').toString('base64'));
    } finally {
      n.close();
      s.close();
    }
  });

  it('SMTP: a rejected recipient is a permanent failure; credentials are never sent without TLS', async () => {
    const s = await fakeSmtp({ rejectRcpt: true });
    const plain = new SmtpNotifier(`smtp://127.0.0.1:${s.port}`, 'a@b.cn', clock);
    const withPassword = new SmtpNotifier(`smtp://user:secret@127.0.0.1:${s.port}`, 'a@b.cn', clock);
    try {
      const refused = await plain.send({ to: 'c@d.cn', subject: 's', body: 'x' }).catch((e: unknown) => e);
      expect(String(refused)).toMatch(/550/);
      expect(isPermanentFailure(refused)).toBe(true);
      await expect(withPassword.send({ to: 'c@d.cn', subject: 's', body: 'x' })).rejects.toThrow(/STARTTLS/i);
      expect(s.log.some((l) => l.startsWith('AUTH'))).toBe(false);
      await expect(plain.send({ to: 'c@d.cn\r\nRCPT TO:<x@y.cn>', subject: 's', body: 'x' })).rejects.toThrow(
        /line break/,
      );
    } finally {
      plain.close();
      withPassword.close();
      s.close();
    }
  });
});
