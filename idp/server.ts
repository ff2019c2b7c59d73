import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa, { type Context, type Middleware } from 'koa';
import { defaults } from '../config/defaults.ts';
import type { Config } from '../config/schema.ts';
import { html, page } from '../lib/html.ts';
import { closeServer, listen } from '../lib/http-server.ts';
import type { IdpContext, MountedProvider } from './context.ts';
import { Directory } from './directory/directory.ts';
import { IdpError } from './errors.ts';
import { FLOW_COOKIE, FlowTable } from './flows.ts';
import { autoPostScript } from './http/auto-post.ts';
import { errorMiddleware, type HarnessState } from './http/error-middleware.ts';
import { requestGuard } from './http/guard.ts';
import { KeyFactory } from './keys/factory.ts';
import { mountProviders } from './providers.ts';
import { Trace } from './trace.ts';

// The CommonJS module, not `import ... from 'node:http'`: an ES module import of node:http
// builds a facade of every export, which loads fetch's undici for http.WebSocket (some
// 50 ms of start-up).
const { createServer } = process.getBuiltinModule('node:http');

export interface IdpServerOptions {
  config: Config;
  /** Folder that relative paths in the config are resolved against (default: cwd). */
  baseDir?: string;
  log?: (line: string) => void;
  /**
   * More routes, mounted after the providers (the API and the UI). Given the context,
   * they return middleware.
   */
  extensions?: Array<(context: IdpContext, providers: Map<string, MountedProvider>) => Middleware>;
  /**
   * An HTTP server already listening, used instead of binding `config.server.port` (the CLI
   * binds its ports first, to move off a busy default port or to name a busy one).
   */
  server?: Server;
}

export interface IdpServer {
  /** Base URL, e.g. http://127.0.0.1:7000. */
  url: string;
  context: IdpContext;
  providers: Map<string, MountedProvider>;
  close(): Promise<void>;
}

/**
 * Starts the one Koa server that hosts every provider (`/saml/<id>/...`, `/oidc/<id>/...`).
 * It listens first, so that port 0 works and the providers know their real URLs.
 */
export async function startIdpServer(options: IdpServerOptions): Promise<IdpServer> {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  // A redirect-binding message of limits.maxMessageBytes must fit in the request line:
  // Node's 16 KiB default answered 431 before the harness saw the request.
  const server = options.server ?? createServer({ maxHeaderSize: config.limits.maxMessageBytes + 16 * 1024 });
  // The server listens before the providers exist (they need its real URL); a request
  // that arrives in between waits for the app instead of hanging unanswered.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const waiting: Array<[IncomingMessage, ServerResponse]> = [];
  server.on('request', (req, res) => (handle ? handle(req, res) : waiting.push([req, res])));
  server.keepAliveTimeout = 5000;
  if (!options.server) await listen(server, config.server.port, config.server.host);
  const address = server.address() as AddressInfo;
  const baseUrl = config.server.publicUrl ?? `http://${urlHost(config.server.host, address)}:${address.port}`;

  const context = createIdpContext({ config, baseUrl, baseDir: options.baseDir, log });

  let providers: Map<string, MountedProvider>;
  try {
    providers = await mountProviders(context);
  } catch (error) {
    await closeServer(server);
    throw error;
  }

  const app = new Koa<HarnessState>();
  app.proxy = Boolean(config.server.publicUrl);
  app.silent = true;
  app.use(errorMiddleware(context.trace, log));
  app.use(
    requestGuard({
      baseUrl: context.baseUrl,
      bindHost: config.server.host,
      allowedHosts: config.server.allowedHosts,
      apiToken: config.server.apiToken,
    }),
  );
  app.use(autoPostScript());
  app.use(flowCookie(context));
  app.use(dispatchProviders(providers));
  for (const extension of options.extensions ?? []) app.use(extension(context, providers));
  app.use(homePage(providers));
  handle = app.callback();
  for (const [req, res] of waiting.splice(0)) handle(req, res);

  return {
    url: context.baseUrl,
    context,
    providers,
    async close() {
      await Promise.all([...providers.values()].map((p) => p.close?.()));
      await closeServer(server);
    },
  };
}

/** The shared parts of one IdP: keys, directory, trace, flows. */
export function createIdpContext(options: {
  config: Config;
  baseUrl: string;
  baseDir?: string | undefined;
  log?: ((line: string) => void) | undefined;
}): IdpContext {
  const { config } = options;
  return {
    config,
    baseDir: options.baseDir ?? process.cwd(),
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    keys: new KeyFactory({
      dir: config.keys.dir ?? `${config.stateDir}/keys`,
      seed: config.keys.seed,
      rsaBits: config.keys.rsaBits,
      epoch: config.keys.epoch,
    }),
    directory: new Directory(config),
    trace: new Trace({
      limit: config.trace.limit,
      maxBytes: config.trace.maxBytes,
      maxEntryBytes: config.trace.maxEntryBytes,
    }),
    flows: new FlowTable({ ttlSeconds: defaults.flows.ttlSeconds }),
    log: options.log ?? ((line: string) => console.error(line)),
  };
}

function flowCookie(context: IdpContext): Middleware<HarnessState> {
  return async (ctx, next) => {
    const flow = context.flows.get(ctx.cookies.get(FLOW_COOKIE));
    if (flow) ctx.state.flowId = flow.id;
    if (flow && isLoginRequest(ctx.path)) {
      if (isLoginStart(ctx.path)) flow.loginStarts++;
      if (flow.phase === 'probe' || flow.loginStarts > 1) {
        answerLoginAgain(context, ctx, flow.id);
        return;
      }
    }
    await next();
  };
}

/** Requests that start or continue a login: SAML SSO, IdP-initiated, login form; OIDC authorization and interaction. */
function isLoginRequest(path: string): boolean {
  return (
    /^\/saml\/[^/]+\/(sso|idp-init|login)\/?$/.test(path) ||
    /^\/oidc\/[^/]+(\/.*)?\/(authorize|interaction)(\/[^/]+)?\/?$/.test(path)
  );
}

/** Requests that start a login (not its later steps): SAML SSO and IdP-initiated, OIDC authorization. */
function isLoginStart(path: string): boolean {
  return /^\/saml\/[^/]+\/(sso|idp-init)\/?$/.test(path) || /^\/oidc\/[^/]+(\/.*)?\/authorize\/?$/.test(path);
}

/**
 * The SP asked for a login while the runner reads its probe: a harness page that logs
 * nobody in, so the probe can only read "no session" (DESIGN decision 4).
 */
function answerLoginAgain(context: IdpContext, ctx: Context, flowId: string): void {
  context.trace.record({
    protocol: 'http',
    direction: 'note',
    binding: undefined,
    kind: 'login-again',
    flowId,
    method: ctx.method,
    url: ctx.url,
    summary: "The SP asked for a new login after this step's response; the harness logged nobody in",
  });
  ctx.status = 200;
  ctx.set('X-SSO-Harness', 'login-again');
  ctx.type = 'html';
  ctx.body = page(
    'No second login in this step',
    html`<h1>No second login in this step</h1>
      <p>
        The service provider asked the IdP for a new login after this step's response was
        delivered (or while the harness reads its probe). The harness logs nobody in here, so
        what the SP shows next is what it does without a session.
      </p>`,
  );
}

/** Routes /saml/<id>/... and /oidc/<id>/... to their provider; refuses disabled ones. */
function dispatchProviders(providers: Map<string, MountedProvider>): Middleware<HarnessState> {
  return async (ctx, next) => {
    const match = /^\/(saml|oidc)\/([^/]+)(?:\/|$)/.exec(ctx.path);
    if (!match) return next();
    const protocol = match[1] as 'saml' | 'oidc';
    const id = match[2]!;
    const provider = providers.get(decodeURIComponent(id));
    if (!provider || provider.protocol !== protocol) {
      const known = [...providers.values()].filter((p) => p.protocol === protocol).map((p) => p.id);
      throw new IdpError('UNKNOWN_PROVIDER', 404, `there is no ${protocol.toUpperCase()} provider "${id}"`, {
        hint: known.length
          ? `Known ${protocol} providers: ${known.join(', ')}.`
          : `No ${protocol} provider is configured.`,
      });
    }
    ctx.state.providerId = provider.id;
    if (provider.config.disabled) {
      throw new IdpError(
        'PROVIDER_DISABLED',
        403,
        `the identity provider "${provider.config.displayName ?? provider.id}" is disabled; nobody can sign in through it`,
        { hint: 'Set disabled: false on this provider in the config to enable it again.' },
      );
    }
    return provider.middleware(ctx, next);
  };
}

function homePage(providers: Map<string, MountedProvider>): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== '/' || ctx.method !== 'GET') return next();
    const infos = [...providers.values()];
    ctx.type = 'html';
    ctx.body = page(
      'sso-harness',
      html`<h1>sso-harness</h1>
<p>A test identity provider. Its keys are test keys: never trust it in production.</p>
<ul>${infos.map(
        (p) =>
          html`<li><strong>${p.displayName}</strong> (${p.protocol.toUpperCase()}, ${p.config.persona}${p.config.disabled ? ', disabled' : ''}): <a href="${p.metadataUrl}">${p.protocol === 'saml' ? 'metadata' : 'discovery'}</a></li>`,
      )}</ul>`,
    );
  };
}

function urlHost(host: string, address: AddressInfo): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return address.family === 'IPv6' ? `[${address.address}]` : host;
}
