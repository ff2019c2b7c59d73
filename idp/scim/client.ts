import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScimClientError } from './errors.ts';
import type { ScimRequest } from './types.ts';

/** How the client authenticates: the SP's bearer token, Basic credentials, or nothing. */
export type ScimAuth =
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'none' };

/** Where and how to reach one SP's SCIM service. */
export interface ScimEndpoint {
  /** Base URL, no trailing slash (https://app.example/scim/v2). */
  baseUrl: string;
  auth: ScimAuth;
  /** Milliseconds one attempt may take, answer body included. */
  timeoutMs: number;
  /** Largest answer body read, in bytes. */
  maxResponseBytes: number;
  /** Attempts after a 429 or 5xx answer. */
  retries: number;
}

/** One request and its answer, as evidence (secrets already masked). */
export interface ScimExchange {
  method: string;
  url: string;
  /** Request headers as sent, Authorization masked. */
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status?: number | undefined;
  responseHeaders?: Record<string, string> | undefined;
  /** The answer's JSON, when it was JSON. */
  responseBody?: unknown;
  /** The first part of the answer as text (non-JSON answers, evidence). */
  responseExcerpt?: string | undefined;
  /** 1 for the first try; retries after 429/5xx count up. */
  attempt: number;
  durationMs: number;
  /** Why the exchange could not be completed, or what was wrong with the answer. */
  problem?: string | undefined;
}

/** The SP's answer: status, headers and body. HTTP errors are answers, not exceptions. */
export interface ScimResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or undefined for an empty answer (204) or a non-JSON error answer. */
  body: unknown;
  /** Set when a non-2xx answer was not SCIM JSON (e.g. an HTML 401 from a proxy). */
  problem?: string | undefined;
  /** Every attempt this request took, retries included. */
  exchanges: ScimExchange[];
}

export interface ScimClientOptions {
  /** Called once per attempt, masked: the trace and the step evidence. */
  onExchange?: ((exchange: ScimExchange) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Base of the exponential backoff when the SP sends no Retry-After, in ms. */
  backoffMs?: number | undefined;
  /** Longest wait before a retry, in ms (a larger Retry-After is cut to this). */
  maxRetryDelayMs?: number | undefined;
  /** Keep connections open between requests (default true; a long-lived UI client says false). */
  keepAlive?: boolean | undefined;
}

const MASK = '«masked»';
const MAX_REDIRECTS = 3;
const EXCERPT = 2048;
const jsonType = /^application\/(scim\+)?json\s*(;|$)/i;

/**
 * A SCIM 2.0 HTTP client for one SP (RFC 7644 §3). Its answers are untrusted: bodies are
 * read up to a limit, only SCIM JSON is parsed, redirects are followed only within the
 * configured origin (the credentials never go anywhere else), each attempt is bounded
 * in time, and 429/5xx answers are retried with backoff that honours Retry-After.
 *
 * @example
 * const client = new ScimClient({ baseUrl: 'https://app.example/scim/v2', auth: { kind: 'bearer', token }, timeoutMs: 10_000, maxResponseBytes: 1 << 20, retries: 3 });
 * const answer = await client.send({ method: 'GET', path: '/Users?filter=userName eq "a@b.example"' });
 * await client.close();
 */
export class ScimClient {
  readonly endpoint: ScimEndpoint;
  private readonly origin: string;
  private readonly options: ScimClientOptions;
  private readonly agents: { http: HttpAgent; https: HttpsAgent };

  constructor(endpoint: ScimEndpoint, options: ScimClientOptions = {}) {
    let base: URL;
    try {
      base = new URL(endpoint.baseUrl);
    } catch {
      throw new ScimClientError(
        'SCIM_NOT_CONFIGURED',
        `the SCIM base URL "${endpoint.baseUrl}" is not a URL`,
      );
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new ScimClientError(
        'SCIM_NOT_CONFIGURED',
        `the SCIM base URL must be http(s), got ${base.protocol}`,
      );
    }
    this.endpoint = { ...endpoint, baseUrl: endpoint.baseUrl.replace(/\/+$/, '') };
    this.origin = base.origin;
    this.options = options;
    const keepAlive = options.keepAlive ?? true;
    this.agents = {
      http: new HttpAgent({ keepAlive, maxSockets: 16 }),
      https: new HttpsAgent({ keepAlive, maxSockets: 16 }),
    };
  }

  /** Masks this client's credentials (and Authorization headers) anywhere in a text. */
  mask(text: string): string {
    let out = text.replace(/(authorization["']?\s*[:=]\s*["']?(?:bearer|basic)\s+)[^\s"',}]+/gi, `$1${MASK}`);
    for (const secret of this.secrets()) out = out.split(secret).join(MASK);
    return out;
  }

  /**
   * Sends one request, retrying 429 and 5xx answers. Throws ScimClientError when no
   * usable answer came (unreachable, timeout, too large, a redirect elsewhere, a success
   * answer that is not SCIM JSON); any other HTTP status is returned.
   */
  async send(request: ScimRequest, override?: { auth?: ScimAuth }): Promise<ScimResponse> {
    const exchanges: ScimExchange[] = [];
    const attempts = 1 + this.endpoint.retries;
    for (let attempt = 1; ; attempt++) {
      const response = await this.attempt(request, attempt, override?.auth ?? this.endpoint.auth, exchanges);
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= attempts) return { ...response, exchanges };
      const delay = this.retryDelay(response.headers['retry-after'], attempt);
      const last = exchanges.at(-1);
      if (last) last.problem = `HTTP ${response.status}; retrying in ${delay} ms`;
      await sleep(delay, undefined, { signal: this.options.signal });
    }
  }

  async close(): Promise<void> {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Retry-After (seconds or an HTTP date, RFC 9110 §10.2.3), else exponential backoff with jitter. */
  private retryDelay(retryAfter: string | undefined, attempt: number): number {
    const cap = this.options.maxRetryDelayMs ?? 10_000;
    if (retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds) && seconds >= 0) return Math.min(cap, Math.round(seconds * 1000));
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) return Math.min(cap, Math.max(0, date - Date.now()));
    }
    const base = this.options.backoffMs ?? 250;
    return Math.min(cap, Math.round(base * 2 ** (attempt - 1) * (1 + Math.random() * 0.25)));
  }

  private async attempt(
    request: ScimRequest,
    attempt: number,
    auth: ScimAuth,
    exchanges: ScimExchange[],
  ): Promise<Omit<ScimResponse, 'exchanges'>> {
    let url = new URL(`${this.endpoint.baseUrl}${request.path.startsWith('/') ? '' : '/'}${request.path}`);
    const method: string = request.method;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers: Record<string, string> = {
        accept: 'application/scim+json, application/json;q=0.9',
        'user-agent': 'sso-harness-scim-client',
        ...(request.headers ?? {}),
      };
      if (body !== undefined) {
        headers['content-type'] ??= 'application/scim+json';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      // The credentials only ever travel to the configured origin.
      if (url.origin === this.origin) {
        const authorization = authorizationHeader(auth);
        if (authorization) headers.authorization = authorization;
      }
      const exchange: ScimExchange = {
        method,
        url: this.mask(url.href),
        requestHeaders: this.maskHeaders(headers),
        requestBody: body === undefined ? undefined : JSON.parse(this.mask(body)),
        attempt,
        durationMs: 0,
      };
      exchanges.push(exchange);
      const started = performance.now();
      let raw: RawAnswer;
      try {
        raw = await this.exchange(url, method, headers, body);
      } catch (error) {
        exchange.durationMs = elapsed(started);
        exchange.problem = this.mask((error as Error).message);
        this.options.onExchange?.(exchange);
        throw error;
      }
      exchange.durationMs = elapsed(started);
      exchange.status = raw.status;
      exchange.responseHeaders = raw.headers;
      const location = raw.status >= 300 && raw.status < 400 ? raw.headers.location : undefined;
      if (location !== undefined) {
        const next = new URL(location, url);
        if (next.origin !== this.origin) {
          exchange.problem = `redirect to ${next.origin} refused`;
          this.options.onExchange?.(exchange);
          throw new ScimClientError(
            'SCIM_REDIRECT_REFUSED',
            `the SP answered ${method} ${url.pathname} with a redirect (${raw.status}) to another origin, ${next.origin}; the SCIM client follows redirects only within ${this.origin}, so its token never leaves it`,
          );
        }
        this.options.onExchange?.(exchange);
        if (raw.status !== 307 && raw.status !== 308 && method !== 'GET') {
          throw new ScimClientError(
            'SCIM_REDIRECT_REFUSED',
            `the SP redirected ${method} ${url.pathname} with ${raw.status}, which would turn it into a GET; SCIM requests are not rewritten`,
          );
        }
        url = next;
        continue;
      }
      const answer = this.readAnswer(raw, method, url, exchange);
      this.options.onExchange?.(exchange);
      return answer;
    }
    throw new ScimClientError(
      'SCIM_TOO_MANY_REDIRECTS',
      `more than ${MAX_REDIRECTS} redirects starting at ${request.method} ${request.path}`,
    );
  }

  private readAnswer(
    raw: RawAnswer,
    method: string,
    url: URL,
    exchange: ScimExchange,
  ): Omit<ScimResponse, 'exchanges'> {
    const text = raw.body.toString('utf8');
    const ok = raw.status >= 200 && raw.status < 300;
    const type = raw.headers['content-type'] ?? '';
    if (text.trim() === '') return { status: raw.status, headers: raw.headers, body: undefined };
    const where = `${method} ${url.pathname}`;
    if (!jsonType.test(type)) {
      exchange.responseExcerpt = this.mask(text.slice(0, EXCERPT));
      const problem = `the answer to ${where} (HTTP ${raw.status}) is ${type || 'untyped'}, not SCIM JSON (application/scim+json); it begins: ${JSON.stringify(this.mask(text.slice(0, 80)))}`;
      exchange.problem = problem;
      if (ok) throw new ScimClientError('SCIM_CONTENT_TYPE', problem);
      return { status: raw.status, headers: raw.headers, body: undefined, problem };
    }
    try {
      const body = JSON.parse(text) as unknown;
      exchange.responseBody = JSON.parse(this.mask(text)) as unknown;
      return { status: raw.status, headers: raw.headers, body };
    } catch (error) {
      exchange.responseExcerpt = this.mask(text.slice(0, EXCERPT));
      const problem = `the answer to ${where} (HTTP ${raw.status}) says it is JSON but does not parse: ${(error as Error).message}`;
      exchange.problem = problem;
      if (ok) throw new ScimClientError('SCIM_MALFORMED_JSON', problem);
      return { status: raw.status, headers: raw.headers, body: undefined, problem };
    }
  }

  private exchange(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<RawAnswer> {
    const { timeoutMs, maxResponseBytes } = this.endpoint;
    const https = url.protocol === 'https:';
    return new Promise<RawAnswer>((resolve, reject) => {
      let settled = false;
      const fail = (error: ScimClientError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () =>
          fail(
            new ScimClientError(
              'SCIM_TIMEOUT',
              `the SP did not answer ${method} ${url.pathname} within ${timeoutMs} ms (its answer included)`,
            ),
          ),
        timeoutMs,
      );
      const req = (https ? httpsRequest : httpRequest)(
        url,
        {
          method,
          headers,
          agent: https ? this.agents.https : this.agents.http,
          signal: this.options.signal,
        },
        (res: IncomingMessage) => {
          const declared = Number(res.headers['content-length'] ?? 0);
          if (declared > maxResponseBytes) {
            fail(tooLarge(method, url, declared, maxResponseBytes));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxResponseBytes) fail(tooLarge(method, url, size, maxResponseBytes));
            else chunks.push(chunk);
          });
          res.on('error', (error) => fail(unreachable(method, url, error)));
          res.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res), body: Buffer.concat(chunks) });
          });
        },
      );
      req.on('error', (error) => fail(unreachable(method, url, error)));
      req.end(body);
    });
  }

  private secrets(): string[] {
    const auth = this.endpoint.auth;
    const list =
      auth.kind === 'bearer'
        ? [auth.token]
        : auth.kind === 'basic'
          ? [auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64')]
          : [];
    // Very short secrets would mask ordinary words; they are still kept out of headers.
    return list.filter((s) => s.length >= 4);
  }

  private maskHeaders(headers: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, k.toLowerCase() === 'authorization' ? maskScheme(v) : v]),
    );
  }
}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The header value for the configured credentials. */
export function authorizationHeader(auth: ScimAuth): string | undefined {
  if (auth.kind === 'bearer') return `Bearer ${auth.token}`;
  if (auth.kind === 'basic')
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  return undefined;
}

function maskScheme(value: string): string {
  const scheme = value.split(' ')[0] ?? '';
  return `${scheme} ${MASK}`;
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined || k === 'set-cookie') continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function tooLarge(method: string, url: URL, size: number, limit: number): ScimClientError {
  return new ScimClientError(
    'SCIM_RESPONSE_TOO_LARGE',
    `the answer to ${method} ${url.pathname} is over ${limit} bytes (at least ${size}); it was not read further`,
  );
}

function unreachable(method: string, url: URL, error: Error): ScimClientError {
  if (error.name === 'AbortError') {
    return new ScimClientError(
      'SCIM_TIMEOUT',
      `${method} ${url.pathname} was abandoned: the scenario was stopped`,
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  return new ScimClientError(
    'SCIM_UNREACHABLE',
    `the SP's SCIM service at ${url.origin} could not be reached for ${method} ${url.pathname}: ${code ?? error.message}`,
    { cause: error },
  );
}
