/**
 * A minimal SMTP submission client (RFC 5321) — enough to hand one message to the organisation's
 * mail server, without a dependency:
 *   smtps://user:pass@host[:465]  implicit TLS (RFC 8314)
 *   smtp://user:pass@host[:587]   STARTTLS (RFC 3207) when the server offers it; credentials are
 *                                 never sent over a connection that is not encrypted
 * AUTH PLAIN (RFC 4616); DATA with dot-stuffing (RFC 5321 §4.5.2). Any reply outside the expected
 * class throws, so the outbox retries the message later.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface SmtpEnvelope {
  from: string;
  to: string[];
  /** the whole RFC 5322 message, CRLF line ends */
  data: string;
}

interface Reply {
  code: number;
  lines: string[];
}

class Connection {
  private buffer = '';
  private lines: string[] = [];
  private waiting: ((err?: Error) => void) | null = null;
  private error: Error | null = null;

  constructor(
    private socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    this.attach(socket);
  }

  private attach(socket: net.Socket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i = this.buffer.indexOf('\r\n');
      while (i >= 0) {
        this.lines.push(this.buffer.slice(0, i));
        this.buffer = this.buffer.slice(i + 2);
        i = this.buffer.indexOf('\r\n');
      }
      this.wake();
    });
    socket.on('error', (e) => {
      this.error = e;
      this.wake();
    });
    socket.on('close', () => {
      this.error ??= new Error('SMTP 服务器关闭了连接');
      this.wake();
    });
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }

  async reply(): Promise<Reply> {
    const out: string[] = [];
    for (;;) {
      while (this.lines.length === 0) {
        if (this.error) throw this.error;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('SMTP 服务器响应超时')), this.timeoutMs);
          this.waiting = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const line = this.lines.shift()!;
      out.push(line.slice(4));
      if (!/^\d{3}[ -]/.test(line) && !/^\d{3}$/.test(line)) throw new Error(`SMTP 响应格式错误：${line}`);
      if (line[3] !== '-') return { code: Number(line.slice(0, 3)), lines: out };
    }
  }

  async command(line: string, expect: number): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.expect(expect, line.startsWith('AUTH') ? 'AUTH' : line.split(' ')[0]!);
  }

  async expect(expectClass: number, what: string): Promise<Reply> {
    const r = await this.reply();
    if (Math.floor(r.code / 100) !== Math.floor(expectClass / 100))
      throw new Error(`SMTP ${what} 被拒绝：${r.code} ${r.lines.join(' ')}`);
    return r;
  }

  async startTls(host: string): Promise<void> {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
    const secure = tls.connect({ socket: this.socket, servername: host });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.socket = secure;
    this.buffer = '';
    this.lines = [];
    this.attach(secure);
  }

  write(s: string): void {
    this.socket.write(s);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** RFC 5321 §4.5.2: a line beginning with "." gets one more; the message ends with CRLF.CRLF. */
export function dotStuff(data: string): string {
  const body = data.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  return `${body.endsWith('\r\n') ? body : `${body}\r\n`}.\r\n`;
}

export async function sendSmtp(
  smtpUrl: string,
  env: SmtpEnvelope,
  opts: { timeoutMs?: number; tls?: tls.ConnectionOptions } = {},
): Promise<void> {
  const u = new URL(smtpUrl);
  const implicitTls = u.protocol === 'smtps:';
  const host = u.hostname;
  const port = Number(u.port || (implicitTls ? 465 : 587));
  const user = decodeURIComponent(u.username);
  const pass = decodeURIComponent(u.password);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  for (const a of [env.from, ...env.to])
    if (!/^[^\s<>@]+@[^\s<>@]+$/.test(a)) throw new Error(`邮件地址格式不正确：${JSON.stringify(a)}`);

  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = implicitTls
      ? tls.connect({ host, port, servername: host, ...opts.tls }, () => resolve(s))
      : net.connect({ host, port }, () => resolve(s));
    s.once('error', reject);
    s.setTimeout(timeoutMs, () => s.destroy(new Error('SMTP 连接超时')));
  });
  const c = new Connection(socket, timeoutMs);
  try {
    await c.expect(220, 'greeting');
    const ehloName = 'gongkai.localhost';
    let ehlo = await c.command(`EHLO ${ehloName}`, 250);
    let encrypted = implicitTls;
    if (!implicitTls && ehlo.lines.some((l) => /^STARTTLS\b/i.test(l))) {
      await c.command('STARTTLS', 220);
      await c.startTls(host);
      encrypted = true;
      ehlo = await c.command(`EHLO ${ehloName}`, 250);
    }
    if (user) {
      if (!encrypted) throw new Error('SMTP 服务器不支持加密连接（STARTTLS），拒绝以明文发送密码');
      const plain = Buffer.from(`\0${user}\0${pass}`, 'utf8').toString('base64');
      await c.command(`AUTH PLAIN ${plain}`, 235);
    }
    await c.command(`MAIL FROM:<${env.from}>`, 250);
    for (const to of env.to) await c.command(`RCPT TO:<${to}>`, 250);
    await c.command('DATA', 354);
    c.write(dotStuff(env.data));
    await c.expect(250, 'DATA');
    await c.command('QUIT', 221).catch(() => undefined);
  } finally {
    c.close();
  }
}
