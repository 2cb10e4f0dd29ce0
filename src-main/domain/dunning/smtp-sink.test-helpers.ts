/**
 * A local SMTP sink for tests: listens on 127.0.0.1 on a free port, takes plain AUTH, and keeps
 * every message it receives with its subject and text decoded.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | null;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  messageId: string;
  raw: string;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** =?UTF-8?B?…?= and =?UTF-8?Q?…?= words, as nodemailer writes a non-ASCII subject. */
function decodeHeader(value: string): string {
  return value.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, word: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(word, 'base64').toString('utf8') : decodeQuotedPrintable(word.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

interface MimePart {
  header(name: string): string;
  body: string;
}

function mimePart(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  return { header: (name) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '', body: raw.slice(split + 4) };
}

function decodedBytes(part: MimePart): Buffer {
  const encoding = part.header('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return Buffer.from(decodeQuotedPrintable(part.body), 'utf8');
  return Buffer.from(part.body, 'utf8');
}

/** filename="…", an encoded word, or RFC 2231's filename*0*=utf-8''%E5…; filename*1*=… as nodemailer writes a Chinese name. */
function fileNameOf(disposition: string): string {
  const pieces = [...disposition.matchAll(/filename\*(\d+)?\*?=("?)([^";]*)\2/gi)].map((m) => m[3]!);
  if (pieces.length > 0) return decodeURIComponent(pieces.join('').replace(/^utf-8''/i, ''));
  return decodeHeader(/filename="?([^";]*)"?/i.exec(disposition)?.[1] ?? '');
}

function parse(raw: string): Pick<ReceivedMail, 'subject' | 'text' | 'attachments' | 'messageId'> {
  const message = mimePart(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(message.header('Content-Type'))?.[1];
  const parts = boundary ? message.body.split(`--${boundary}`).slice(1, -1).map((p) => mimePart(p.replace(/^\r\n/, ''))) : [message];
  const textPart = parts.find((p) => !/attachment/i.test(p.header('Content-Disposition'))) ?? message;
  const attachments = parts
    .filter((p) => /attachment/i.test(p.header('Content-Disposition')))
    .map((p) => ({ filename: fileNameOf(p.header('Content-Disposition')), contentType: p.header('Content-Type').split(';')[0]!.trim(), content: decodedBytes(p) }));
  const text = decodedBytes(textPart).toString('utf8');
  return { subject: decodeHeader(message.header('Subject')), messageId: message.header('Message-ID').trim(), text: text.replace(/\r\n/g, '\n').trimEnd(), attachments };
}

/** delayMs: the server takes that long to accept a message, as a slow or distant one does. */
export async function startSmtpSink(options: { user?: string; password?: string; refuse?: boolean; delayMs?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !options.user,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (options.refuse) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          ...parse(raw),
          raw,
        });
        setTimeout(callback, options.delayMs ?? 0);
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
