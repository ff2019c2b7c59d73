import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { HttpStep } from '../types.ts';
import { CookieJar } from './cookie-jar.ts';
import { findAutoPostForm } from './html-form.ts';
import { siteOf } from './site.ts';
import { spAnswer } from './sp-answer.ts';
import type { Delivery, Driver, DriverSession, ProbeResponse } from './types.ts';

const MAX_HOPS = 25;
const EXCERPT = 4096;

/** A browser without a browser: a cookie jar, redirects, and self-submitting forms. */
export function createHttpDriver(): Driver {
  // Kept-alive connections, and Node's own HTTP client rather than fetch: the driver
  // should cost little next to the IdP and SP it measures. HTTPS certificates are not
  // checked (SPs under test often run on self-signed ones), as in the browser driver.
  // No cap on sockets per host: each worker makes one exchange at a time, so the workers
  // bound them; a fixed cap below the workers queued requests into timeouts (issue 14).
  const agents: Agents = {
    http: new Agent({ keepAlive: true, maxFreeSockets: 64 }),
    https: new HttpsAgent({ keepAlive: true, maxFreeSockets: 64, rejectUnauthorized: false }),
  };
  return {
    name: 'http',
    newSession: async ({ signal }) => new HttpSession(new CookieJar(), signal, [], agents),
    close: async () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

interface Agents {
  http: Agent;
  https: HttpsAgent;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

type ExchangeOptions = {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
};

/**
 * One request and its whole answer. A kept-alive socket the server closed while it idled
 * fails before any answer (ECONNRESET, EPIPE); like a browser, the request is then sent
 * once more on a new socket: the server never saw it.
 */
async function exchange(url: URL, options: ExchangeOptions, agents: Agents): Promise<RawResponse> {
  try {
    return await exchangeOnce(url, options, agents);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as { reusedSocket?: boolean }).reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) {
      return exchangeOnce(url, options, agents);
    }
    throw error;
  }
}

function exchangeOnce(url: URL, options: ExchangeOptions, agents: Agents): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const request = (https ? httpsRequest : httpRequest)(
      url,
      {
        method: options.method,
        headers: options.headers,
        agent: https ? agents.https : agents.http,
        signal: options.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    let answered = false;
    request.on('response', () => {
      answered = true;
    });
    request.on('error', (error) => {
      // Only a socket that failed before any answer may be retried (see `exchange`).
      if (request.reusedSocket && !answered) Object.assign(error, { reusedSocket: true });
      reject(error);
    });
    request.end(options.body);
  });
}

interface Request {
  method: 'GET' | 'POST';
  url: string;
  form: Record<string, string> | undefined;
  cause: HttpStep['cause'];
  /** The URL whose answer redirected here (redirects only). */
  from?: string | undefined;
  /**
   * The page that started the navigation (a form's page, carried along redirects);
   * undefined for a URL opened directly, which is same-site for cookies.
   */
  initiator?: string | undefined;
}

class HttpSession implements DriverSession {
  readonly steps: HttpStep[];
  private readonly jar: CookieJar;
  private readonly signal: AbortSignal;
  private idpOrigin: string | undefined;
  /** The last response the IdP had the browser deliver to the SP: a form post, or a redirect with a query. */
  private lastToSp: Request | undefined;
  /** How the current login's response reaches the SP (see `Delivery`). */
  private delivery: Delivery = 'same-browser';

  private readonly agents: Agents;

  constructor(jar: CookieJar, signal: AbortSignal, steps: HttpStep[], agents: Agents) {
    this.jar = jar;
    this.signal = signal;
    this.steps = steps;
    this.agents = agents;
  }

  async bindFlow(idpBaseUrl: string, flowId: string): Promise<void> {
    const url = new URL(idpBaseUrl);
    this.idpOrigin = url.origin;
    this.jar.set(url, 'sso_harness_flow', flowId);
  }

  async open(url: string, options: { delivery?: Delivery } = {}): Promise<void> {
    this.delivery = options.delivery ?? 'same-browser';
    try {
      await this.follow({ method: 'GET', url, form: undefined, cause: 'navigate' });
    } finally {
      this.delivery = 'same-browser';
    }
  }

  hasPostToReplay(): boolean {
    return this.lastToSp !== undefined;
  }

  async replayLastPost(): Promise<DriverSession> {
    if (!this.lastToSp)
      throw new Error('this session posted nothing to the SP, so there is nothing to replay');
    const fresh = new HttpSession(new CookieJar(), this.signal, this.steps, this.agents);
    fresh.idpOrigin = this.idpOrigin;
    await fresh.follow({ ...this.lastToSp, from: undefined, initiator: undefined, cause: 'replay' });
    return fresh;
  }

  async probe(url: string): Promise<ProbeResponse> {
    const last = await this.follow(
      { method: 'GET', url, form: undefined, cause: 'probe' },
      { stopAtIdp: true },
    );
    return {
      url,
      status: last.status,
      finalUrl: last.url,
      body: last.stoppedAtIdp ? '' : last.body,
      contentType: last.contentType,
      stoppedAtIdp: last.stoppedAtIdp,
    };
  }

  async screenshot(): Promise<string | undefined> {
    return undefined;
  }

  async keepTrace(): Promise<string | undefined> {
    return undefined;
  }

  async close(): Promise<void> {}

  private isIdpUrl(url: string): boolean {
    return this.idpOrigin !== undefined && new URL(url).origin === this.idpOrigin;
  }

  /**
   * The site for cookies of a URL; under a `cross-site` delivery the IdP's origin is a
   * site of its own even when it shares the SP's host (both on 127.0.0.1).
   */
  private siteFor(url: URL): string {
    const site = siteOf(url);
    return this.delivery === 'cross-site' && url.origin === this.idpOrigin ? `${site} (the IdP)` : site;
  }

  private isSameSite(request: Request, url: URL): boolean {
    return request.initiator === undefined || this.siteFor(new URL(request.initiator)) === this.siteFor(url);
  }

  /** The IdP's response on its way to the SP: a form post from the IdP, or its redirect with a query. */
  private isDeliveryToSp(request: Request, url: URL): boolean {
    if (request.cause === 'replay' || url.origin === this.idpOrigin) return false;
    return request.method === 'POST' || this.isRedirectFromIdp(request, url);
  }

  /** A delivery that the IdP's own page or redirect makes (an SP's self-posting form is not one). */
  private isPostedByIdp(request: Request, url: URL): boolean {
    if (!this.isDeliveryToSp(request, url)) return false;
    if (request.method !== 'POST') return true;
    return request.initiator !== undefined && new URL(request.initiator).origin === this.idpOrigin;
  }

  private isRedirectFromIdp(request: Request, url: URL): boolean {
    return (
      request.cause === 'redirect' &&
      url.search !== '' &&
      url.origin !== this.idpOrigin &&
      request.from !== undefined &&
      new URL(request.from).origin === this.idpOrigin
    );
  }

  /**
   * Sends a request, then follows redirects and self-submitting forms. With `stopAtIdp`
   * (the probe), a step into the IdP's origin is not taken: the SP asked for a new login,
   * and the answer is the SP's last one, with the IdP URL it pointed at.
   */
  private async follow(
    first: Request,
    options: { stopAtIdp?: boolean } = {},
  ): Promise<{
    status: number;
    url: string;
    body: string;
    contentType: string | undefined;
    stoppedAtIdp: boolean;
  }> {
    let request: Request = first;
    let previous: { status: number; contentType: string | undefined; body: string } | undefined;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (options.stopAtIdp && previous && this.isIdpUrl(request.url)) {
        return { ...previous, url: request.url, stoppedAtIdp: true };
      }
      if (this.delivery === 'other-browser' && this.isPostedByIdp(request, new URL(request.url))) {
        // Kept for another browser (`replayLastPost`); this one never sends it.
        this.lastToSp = request;
        return {
          status: previous?.status ?? 0,
          url: request.url,
          body: '',
          contentType: undefined,
          stoppedAtIdp: false,
        };
      }
      const answer = await this.send(request);
      previous = { status: answer.status, contentType: answer.contentType, body: answer.body };
      if (answer.location) {
        const keepsMethod = answer.status === 307 || answer.status === 308;
        request = {
          method: keepsMethod ? request.method : 'GET',
          url: new URL(answer.location, request.url).href,
          form: keepsMethod ? request.form : undefined,
          cause: 'redirect',
          from: request.url,
          initiator: request.initiator,
        };
        continue;
      }
      const form = answer.isHtml ? findAutoPostForm(answer.body, request.url) : undefined;
      if (!form) {
        return {
          status: answer.status,
          url: request.url,
          body: answer.body,
          contentType: answer.contentType,
          stoppedAtIdp: false,
        };
      }
      request = {
        method: form.method,
        url: form.action,
        form: form.fields,
        cause: 'form',
        initiator: request.url,
      };
    }
    throw new Error(`more than ${MAX_HOPS} redirects or self-submitting forms starting at ${first.url}`);
  }

  private async send(request: Request): Promise<{
    status: number;
    location?: string;
    body: string;
    isHtml: boolean;
    contentType: string | undefined;
  }> {
    const url = new URL(
      request.method === 'GET' && request.form ? withQuery(request.url, request.form) : request.url,
    );
    const headers: Record<string, string> = {
      accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8',
      'accept-encoding': 'identity',
      'user-agent': 'sso-harness-http-driver',
    };
    const cookie = this.jar.header(url, { sameSite: this.isSameSite(request, url), method: request.method });
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (request.method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form ?? {}).toString();
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    // An OIDC query response (code, state) travels as the IdP's redirect to the SP.
    if (this.isDeliveryToSp(request, url)) this.lastToSp = request;
    const started = performance.now();
    const response = await exchange(
      url,
      { method: request.method, headers, body, signal: this.signal },
      this.agents,
    );
    const setCookie = response.headers['set-cookie'] ?? [];
    this.jar.store(url, setCookie);
    const text = response.body;
    const contentType = response.headers['content-type'];
    const location = response.status >= 300 && response.status < 400 ? response.headers.location : undefined;
    this.steps.push({
      index: this.steps.length,
      method: request.method,
      url: url.href,
      form: request.method === 'POST' ? request.form : undefined,
      status: response.status,
      location,
      contentType,
      bodyExcerpt: text.slice(0, EXCERPT),
      // A redirect's body is never shown to a reader (the browser driver reads none either).
      ...spAnswer(url.href, this.idpOrigin, { setCookie, body: location ? undefined : text, contentType }),
      cause: request.cause,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
    return {
      status: response.status,
      location,
      body: text,
      isHtml: /html/i.test(contentType ?? ''),
      contentType,
    };
  }
}

function withQuery(url: string, fields: Record<string, string>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(fields)) target.searchParams.set(name, value);
  return target.href;
}
