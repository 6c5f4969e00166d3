/**
 * Browser mode: the same API contract served over loopback HTTP, and the built UI with it.
 *
 * Only this machine can reach it (bound to 127.0.0.1), only under our own Host name (which defeats
 * DNS rebinding) and only from our own origin. Every API call needs this launch's token as a bearer
 * header and a custom header a cross-site form cannot send. The token is never a cookie: cookies
 * are shared by every port of 127.0.0.1, so any other local web server the browser visited would
 * receive it. The launch address carries it in the fragment (`/#token=…`), which browsers never
 * send to a server; the page keeps it in its own sessionStorage (see renderer/src/api/launch-token.ts).
 * The UI's files hold no data, so they are served without the token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { binaryMethods, largeInputMethods, LARGE_INPUT_BYTES, isMethodName, type EventName, type Result } from '../../shared/contract.ts';
import { HTTP_API_PREFIX, HTTP_REQUEST_HEADER } from '../../shared/channels.ts';
import type { Dispatch } from '../../core/api/dispatch.ts';

export interface ServerOptions {
  dispatch: Dispatch;
  /** Subscribes to app events; returns an unsubscribe function. */
  subscribe: (listener: (event: EventName, payload: unknown) => void) => () => void;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** How long a request may take to arrive, and how often that is checked (tests shorten them). */
  receiveLimits?: { requestMs: number; headersMs: number; checkEveryMs: number };
}

/**
 * Node's own defaults, written down: a request must arrive within 5 minutes, its headers within 60
 * seconds (a client trickling bytes cannot hold a connection for ever). These bound *receiving* a
 * request only. Answering it has no limit, and the socket no idle timeout: a call that works for
 * minutes (removing a folder and forgetting its text on a big index, exporting a pack) is answered
 * whenever it ends, while its progress arrives on the event stream.
 */
const RECEIVE_LIMITS = { requestMs: 300_000, headersMs: 60_000, checkEveryMs: 30_000 };

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** The answer to an old-style `/?token=…` address: static text, never echoing the token. */
const OLD_ADDRESS_PAGE = `<!doctype html>
<html lang="en-GB">
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>Evidence Store</title>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto; padding: 0 1em; line-height: 1.5">
<h1>Open Evidence Store with the address it printed when it started</h1>
<p>This address is an old form that Evidence Store no longer accepts.</p>
<p>When Evidence Store starts (<code>npm start</code>, or <code>npx evidence-store serve</code>), it prints an address
that looks like <code>http://127.0.0.1:PORT/#token=…</code>. Copy that whole address into this browser.</p>
</body>
</html>
`;

/** The page may load only what we serve: no remote content, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const staticRoot = resolve(options.staticDir);
  let port = 0;
  const streams = new Set<ServerResponse>();

  const tokenMatches = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };

  const limits = options.receiveLimits ?? RECEIVE_LIMITS;
  const server = createServer({ requestTimeout: limits.requestMs, headersTimeout: limits.headersMs, connectionsCheckingInterval: limits.checkEveryMs }, (req, res) => {
    handle(req, res).catch((error) => {
      console.error('[evidence-store] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The request failed inside Evidence Store.' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendText(res, 403, 'Forbidden: unexpected Host header.');
    }
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendText(res, 403, 'Forbidden: cross-origin request.');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith(HTTP_API_PREFIX)) return api(req, res, url.pathname.slice(HTTP_API_PREFIX.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    // Earlier versions printed `/?token=…`, which a browser sends to the server and keeps in its
    // history. It no longer signs anyone in, valid or not: say which address to use instead.
    if (url.searchParams.has('token')) return sendHtml(res, 400, OLD_ADDRESS_PAGE);
    return serveStatic(res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const bearer = /^Bearer (.+)$/u.exec(req.headers.authorization ?? '')?.[1];
    if (!tokenMatches(bearer)) {
      return sendText(res, 401, 'Unauthorized: open Evidence Store with the address it printed when it started (it includes a token).');
    }
    if (req.headers[HTTP_REQUEST_HEADER] !== '1') return sendJson(res, 403, fail('forbidden', `API calls need the ${HTTP_REQUEST_HEADER} header.`));
    if (method === 'events' && req.method === 'GET') return openEventStream(res);
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid-argument', 'API calls are POST requests.'));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('invalid-argument', 'API calls send JSON.'));
    }
    let input: unknown;
    try {
      // Only an upload of an extract may be large; a runaway page cannot make us buffer more elsewhere.
      const body = await readBody(req, isMethodName(method) && largeInputMethods.has(method) ? LARGE_INPUT_BYTES : MAX_BODY);
      input = body.length ? JSON.parse(body) : {};
    } catch (error) {
      return sendJson(res, 400, fail('invalid-argument', (error as Error).message === 'too-large' ? 'The request is too large.' : 'The request is not valid JSON.'));
    }
    const result = await options.dispatch(method, input);
    if (result.ok && isMethodName(method) && binaryMethods.has(method) && result.data instanceof Uint8Array) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': result.data.byteLength });
      return void res.end(result.data);
    }
    const status = result.ok ? 200 : ({ 'invalid-argument': 400, 'not-found': 404, forbidden: 403, unavailable: 503, cancelled: 409, locked: 423, internal: 500 } as const)[result.error.code];
    sendJson(res, status, result);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/u, '');
    } catch {
      return sendText(res, 400, 'Bad path.');
    }
    let file = resolve(join(staticRoot, rel));
    // Never serve outside the UI folder, whatever the path says.
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) return sendText(res, 403, 'Forbidden.');
    const info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      // Unknown paths are the single-page app's own routes.
      if (extname(rel)) return sendText(res, 404, 'Not found.');
      file = join(staticRoot, 'index.html');
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return sendText(res, 404, 'The app UI has not been built: run `npm run build:renderer`.');
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(body);
  }

  const unsubscribe = options.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  });
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write(': ping\n\n');
  }, 25_000);
  keepAlive.unref();

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      clearInterval(keepAlive);
      for (const s of streams) s.end();
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
    },
  };
}

function fail(code: 'invalid-argument' | 'forbidden', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too-large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
