import http from 'node:http';
import net from 'node:net';
import { resultOfResponse, type Result } from '../api/result';
import type { RunningServer } from './http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (wins over `body`). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

function collect(res: http.IncomingMessage, resolve: (reply: Reply) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => {
    const bytes = Buffer.concat(chunks);
    resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
  });
}

export function request(server: RunningServer, pathname: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: options.method ?? 'POST',
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...options.headers },
      },
      (res) => collect(res, resolve),
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The call's answer in the reply, read as the window reads it: the JSON envelope, or a file's bytes and what the call says about them. */
export async function answerOf(reply: Reply): Promise<Result<unknown>> {
  const headers = Object.entries(reply.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return resultOfResponse(new Response(new Uint8Array(reply.bytes), { status: reply.status, headers }));
}

export function cookieOf(reply: Reply): string {
  const header = reply.headers['set-cookie']?.[0] ?? '';
  return header.split(';')[0]!;
}

export async function setUpCompany(server: RunningServer): Promise<string> {
  const reply = await request(server, '/api/auth.setup', {
    body: { companyName: '测试公司', ownerUsername: 'boss', ownerDisplayName: '老板', password: 'secret-123' },
  });
  if (reply.status !== 200) throw new Error(`auth.setup answered ${reply.status}: ${reply.body}`);
  return cookieOf(reply);
}

/** A signed-in user of the given role, created by the owner; returns their session cookie. */
export async function signInAs(server: RunningServer, ownerCookie: string, role: string): Promise<string> {
  const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await request(server, '/api/users.create', {
    body: { username, displayName: role, role, password: 'secret-123' },
    headers: { Cookie: ownerCookie },
  });
  if (created.status !== 200) throw new Error(`users.create answered ${created.status}: ${created.body}`);
  return cookieOf(await request(server, '/api/auth.login', { body: { username, password: 'secret-123' } }));
}

const MB = 1024 * 1024;
const ONE_MB = Buffer.alloc(MB, 0x20);

export interface BigBodyOptions {
  headers?: Record<string, string>;
  /** Announce the size in Content-Length; without it the body is sent chunked. */
  announce?: boolean;
  /** Stop writing after this many bytes and wait for an answer; without it the whole body is sent. */
  stopAfter?: number;
  /** Give up waiting after this long. */
  timeoutMs?: number;
}

export interface BigBodyOutcome {
  /** null when no whole answer came in time. */
  reply: Reply | null;
  /** Bytes of the body written before the answer began (or before giving up). */
  sentBeforeReply: number;
  /** A connection error (a reset, or the server closing before the body was sent). */
  error: string | null;
}

/**
 * Sends a body of `totalBytes` spaces from one reused buffer (so the test itself holds no more than 1 MB),
 * honouring back-pressure, the way a browser does: it keeps sending after an early answer. Plain TCP,
 * because Node's own HTTP client stops sending once an answer has come.
 */
export function sendBigBody(server: RunningServer, pathname: string, totalBytes: number, options: BigBodyOptions = {}): Promise<BigBodyOutcome> {
  return new Promise((resolve) => {
    const headers = {
      Host: `127.0.0.1:${server.port}`,
      'Content-Type': 'application/json',
      ...(options.announce ? { 'Content-Length': String(totalBytes) } : { 'Transfer-Encoding': 'chunked' }),
      ...options.headers,
    };
    const head = `POST ${pathname} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const socket = net.connect(server.port, '127.0.0.1');
    let sent = 0;
    let sentBeforeReply = -1;
    let received = Buffer.alloc(0);
    let reply: Reply | null = null;
    let bodySent = false;
    let settled = false;
    const settle = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ reply, sentBeforeReply: sentBeforeReply < 0 ? sent : sentBeforeReply, error });
    };
    const timer = setTimeout(() => settle(null), options.timeoutMs ?? 30_000);
    socket.on('error', (error) => settle(error.message));
    socket.on('close', () => settle(bodySent || options.stopAfter !== undefined ? null : 'closed before the body was sent'));
    socket.on('data', (data: Buffer) => {
      if (sentBeforeReply < 0) sentBeforeReply = sent;
      received = Buffer.concat([received, data]);
      reply ??= parseReply(received);
      if (reply && (bodySent || options.stopAfter !== undefined)) settle(null);
    });
    socket.write(head);
    const limit = Math.min(totalBytes, options.stopAfter ?? totalBytes);
    const pump = () => {
      while (sent < limit && !settled) {
        const chunk = limit - sent >= MB ? ONE_MB : ONE_MB.subarray(0, limit - sent);
        sent += chunk.length;
        if (!options.announce) socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        if (!socket.write(options.announce ? '' : '\r\n')) return void socket.once('drain', pump);
      }
      if (options.stopAfter !== undefined || settled) return;
      socket.write(options.announce ? '' : '0\r\n\r\n', () => {
        bodySent = true;
        if (reply) settle(null);
      });
    };
    pump();
  });
}

/** A whole HTTP/1.1 answer with a Content-Length, or null while it is still arriving. */
function parseReply(data: Buffer): Reply | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers: http.IncomingHttpHeaders = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (data.length < end + 4 + length) return null;
  const bytes = data.subarray(end + 4, end + 4 + length);
  return { status: Number(statusLine!.split(' ')[1]), headers, body: bytes.toString('utf8'), bytes };
}
