import { timingSafeEqual } from 'node:crypto';
import { Router } from '@koa/router';
import type { Context, Middleware } from 'koa';
import SCIMMY from 'scimmy';
import type { SpContext } from '../context.ts';
import type { SessionStore } from '../session.ts';
import { normalizeBooleans, unknownAttributes } from './body.ts';
import { etag, ScimDirectory, scimError } from './directory.ts';
import { parseFilter } from './filter.ts';
import { RateLimiter } from './rate-limit.ts';
import { declareScimResources, type ScimHandlerContext } from './resources.ts';

const SCIM_TYPE = 'application/scim+json; charset=utf-8';
const BODY_LIMIT = 1024 * 1024;

type Kind = 'Users' | 'Groups';
const resourceOf = (kind: Kind) => (kind === 'Users' ? SCIMMY.Resources.User : SCIMMY.Resources.Group);

/**
 * The demo SP's SCIM 2.0 service (RFC 7644), one per connection that has `scim.token`:
 * `<spUrl>/scim/<connection>/v2/{Users,Groups,ServiceProviderConfig,ResourceTypes,Schemas}`.
 * scimmy parses filters and applies PATCH operations; this router does the HTTP: bearer
 * auth, body limits, ETags (weak, from a version counter), rate limiting with
 * Retry-After, absolute locations, and RFC 7644 §3.12 error bodies.
 */
export function scimRouter(
  sp: SpContext,
  sessions: SessionStore,
): { router: Router; directory: ScimDirectory } {
  declareScimResources();
  const directory = new ScimDirectory(sp, sessions);
  const limiter = new RateLimiter({ capacity: 60, perSecond: 60, now: () => Date.now() });
  const router = new Router({ prefix: '/scim/:connection/v2' });
  router.use(scimErrors(sp), authenticate(sp), throttle(limiter), oneWriteAtATime());

  router.get('/ServiceProviderConfig', async (ctx) => {
    send(ctx, await new SCIMMY.Resources.ServiceProviderConfig().read());
  });
  router.get('/ResourceTypes', async (ctx) => send(ctx, await new SCIMMY.Resources.ResourceType().read()));
  router.get('/ResourceTypes/:id', async (ctx) =>
    send(ctx, await new SCIMMY.Resources.ResourceType(ctx.params.id!).read()),
  );
  router.get('/Schemas', async (ctx) => send(ctx, await new SCIMMY.Resources.Schema().read()));
  router.get('/Schemas/:id', async (ctx) =>
    send(ctx, await new SCIMMY.Resources.Schema(ctx.params.id!).read()),
  );

  for (const kind of ['Users', 'Groups'] as const) {
    const Resource = resourceOf(kind);
    router.get(`/${kind}`, async (ctx) => {
      send(ctx, await new Resource(listParams(sp, ctx) as never).read(handlerContext(sp, directory, ctx)));
    });
    router.post(`/${kind}`, async (ctx) => {
      const body = await readBody(sp, ctx, kind);
      const created = (await new Resource().write(body, handlerContext(sp, directory, ctx))) as {
        id?: string;
      };
      ctx.set('Location', `${base(sp, ctx)}/${kind}/${created.id}`);
      send(ctx, created, 201);
    });
    router.get(`/${kind}/:id`, async (ctx) => {
      const found = await new Resource(ctx.params.id!, singleParams(ctx)).read(
        handlerContext(sp, directory, ctx),
      );
      const version = (found as { meta?: { version?: string } }).meta?.version;
      if (version && ctx.get('if-none-match') === version) {
        ctx.set('ETag', version);
        ctx.status = 304;
        return;
      }
      send(ctx, found);
    });
    router.put(`/${kind}/:id`, async (ctx) => {
      await checkIfMatch(directory, ctx, kind);
      const body = await readBody(sp, ctx, kind);
      send(ctx, await new Resource(ctx.params.id!).write(body, handlerContext(sp, directory, ctx)));
    });
    router.patch(`/${kind}/:id`, async (ctx) => {
      await checkIfMatch(directory, ctx, kind);
      const body = await readBody(sp, ctx, kind);
      checkOps(sp, body);
      const patched = await new Resource(ctx.params.id!, singleParams(ctx)).patch(
        body as never,
        handlerContext(sp, directory, ctx),
      );
      if (patched === undefined) ctx.status = 204;
      else send(ctx, patched);
    });
    router.delete(`/${kind}/:id`, async (ctx) => {
      await checkIfMatch(directory, ctx, kind);
      await new Resource(ctx.params.id!).dispose(handlerContext(sp, directory, ctx));
      ctx.status = 204;
    });
  }
  return { router, directory };
}

function handlerContext(sp: SpContext, directory: ScimDirectory, ctx: Context): ScimHandlerContext {
  const filter =
    ctx.method === 'GET' && !ctx.params.id && typeof ctx.query.filter === 'string'
      ? ctx.query.filter
      : undefined;
  if (filter !== undefined) parseFilter(filter);
  return {
    directory,
    connection: ctx.params.connection!,
    caseSensitive: sp.lax.has('scim-username-case'),
    filter,
  };
}

function base(sp: SpContext, ctx: Context): string {
  return `${sp.spUrl}/scim/${encodeURIComponent(ctx.params.connection!)}/v2`;
}

/** Answers with SCIM JSON; relative meta.location values become absolute for this SP. */
function send(ctx: Context, body: unknown, status = 200): void {
  const json = JSON.parse(JSON.stringify(body)) as unknown;
  absolutize(json, base(ctx.state.sp as SpContext, ctx));
  // RFC 7644 §3.4.2: itemsPerPage is the number of resources on this page (scimmy puts the count asked).
  const list = json as { Resources?: unknown[]; itemsPerPage?: number };
  if (Array.isArray(list.Resources) && list.itemsPerPage !== undefined)
    list.itemsPerPage = list.Resources.length;
  const version = (json as { meta?: { version?: unknown } }).meta?.version;
  if (typeof version === 'string') ctx.set('ETag', version);
  ctx.status = status;
  ctx.type = SCIM_TYPE;
  ctx.body = JSON.stringify(json);
}

function absolutize(value: unknown, prefix: string): void {
  if (Array.isArray(value)) for (const v of value) absolutize(v, prefix);
  else if (value && typeof value === 'object') {
    const meta = (value as { meta?: { location?: unknown } }).meta;
    if (meta && typeof meta.location === 'string' && meta.location.startsWith('/')) {
      meta.location = `${prefix}${meta.location}`;
    }
    for (const v of Object.values(value)) absolutize(v, prefix);
  }
}

function listParams(sp: SpContext, ctx: Context): Record<string, string | number> {
  const q = ctx.query;
  const one = (name: string) => (typeof q[name] === 'string' ? (q[name] as string) : undefined);
  const params: Record<string, string | number> = {};
  for (const name of ['attributes', 'excludedAttributes', 'sortBy', 'sortOrder']) {
    const value = one(name);
    if (value !== undefined) params[name] = value;
  }
  if (!sp.lax.has('scim-pagination')) {
    for (const name of ['startIndex', 'count']) {
      const value = one(name);
      if (value === undefined) continue;
      const n = Number(value);
      if (!Number.isInteger(n))
        throw scimError(400, 'invalidValue', `${name} must be an integer, got "${value}"`);
      params[name] = n;
    }
  }
  return params;
}

function singleParams(ctx: Context): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of ['attributes', 'excludedAttributes']) {
    const value = ctx.query[name];
    if (typeof value === 'string') params[name] = value;
  }
  return params;
}

/** Reads a SCIM JSON body: size limit, content type, JSON, then the strict SP's leniencies. */
async function readBody(sp: SpContext, ctx: Context, kind: Kind): Promise<unknown> {
  const type = ctx.request.type;
  if (type && type !== 'application/scim+json' && type !== 'application/json') {
    throw scimError(415, null, `expected application/scim+json, got ${type}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) {
      ctx.set('Connection', 'close');
      throw scimError(413, null, `the request body is over ${BODY_LIMIT} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw scimError(400, 'invalidSyntax', `the body is not JSON: ${(error as Error).message}`);
  }
  if (sp.lax.has('scim-strict-schema') && ctx.method !== 'PATCH') {
    const unknown = unknownAttributes(kind, body);
    if (unknown.length) throw scimError(400, 'invalidSyntax', `unknown attribute(s): ${unknown.join(', ')}`);
  }
  return sp.lax.has('scim-string-booleans') ? body : normalizeBooleans(body);
}

/** The lax SP that only knows lower-case op names. */
function checkOps(sp: SpContext, body: unknown): void {
  if (!sp.lax.has('scim-op-case')) return;
  const ops = (body as { Operations?: Array<{ op?: unknown }> }).Operations ?? [];
  const bad = ops.find((o) => typeof o.op === 'string' && o.op !== o.op.toLowerCase());
  if (bad) throw scimError(400, 'invalidSyntax', `unknown op "${String(bad.op)}"`);
}

/** If-Match (RFC 7644 §3.14): a stale version is 412, not a lost update. */
async function checkIfMatch(directory: ScimDirectory, ctx: Context, kind: Kind): Promise<void> {
  const wanted = ctx.get('if-match');
  if (!wanted || wanted === '*') return;
  const connection = ctx.params.connection!;
  const id = ctx.params.id!;
  const current =
    kind === 'Users'
      ? (directory.toResource(connection, directory.account(connection, id)).meta as { version: string })
          .version
      : etag(directory.group(connection, id).version);
  if (
    !wanted
      .split(',')
      .map((v) => v.trim())
      .includes(current)
  ) {
    throw scimError(412, null, `the resource is at version ${current}, not ${wanted}`);
  }
}

function authenticate(sp: SpContext): Middleware {
  return async (ctx, next) => {
    const connection = ctx.params.connection!;
    const conn = Object.hasOwn(sp.config.connections, connection)
      ? sp.config.connections[connection]
      : undefined;
    if (!conn?.scim) throw scimError(404, null, `connection "${connection}" has no SCIM service`);
    if (!sp.lax.has('scim-auth')) {
      const header = ctx.get('authorization');
      const token = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
      if (!equal(token, conn.scim.token)) {
        ctx.set('WWW-Authenticate', 'Bearer realm="scim"');
        throw scimError(
          401,
          null,
          header ? 'the bearer token is not valid for this connection' : 'a bearer token is required',
        );
      }
    }
    await next();
  };
}

function throttle(limiter: RateLimiter): Middleware {
  return async (ctx, next) => {
    const wait = limiter.take(ctx.params.connection!);
    if (wait > 0) {
      ctx.set('Retry-After', String(Math.ceil(wait / 1000)));
      throw scimError(429, null, 'too many requests; retry after the Retry-After delay');
    }
    await next();
  };
}

/**
 * Writes of one connection run one after another: a PATCH is read, patched and written
 * back by scimmy across awaits, and two interleaved PATCHes of one group would lose a
 * member.
 */
function oneWriteAtATime(): Middleware {
  const tails = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return next();
    const key = ctx.params.connection!;
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(key, tail);
    await previous;
    try {
      await next();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

function scimErrors(sp: SpContext): Middleware {
  return async (ctx, next) => {
    ctx.state.sp = sp;
    try {
      await next();
    } catch (error) {
      const scim =
        error instanceof SCIMMY.Types.Error
          ? error
          : (() => {
              sp.log(`[demo-sp] SCIM internal error on ${ctx.method} ${ctx.path}: ${String(error)}`);
              return scimError(500, null, 'internal error');
            })();
      // Built here rather than by scimmy's ErrorResponse, which refuses statuses RFC 7644
      // does not list (429, 415) although an HTTP service answers them.
      ctx.status = Number(scim.status);
      ctx.type = SCIM_TYPE;
      ctx.body = JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: String(scim.status),
        ...(scim.scimType ? { scimType: scim.scimType } : {}),
        detail: scim.message,
      });
    }
  };
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
