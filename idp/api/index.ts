import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import packageJson from '../../package.json' with { type: 'json' };
import type { IdpContext, MountedProvider } from '../context.ts';
import { IdpError } from '../errors.ts';
import { flowRoutes } from './flows.ts';
import { providerRoutes } from './providers.ts';
import { traceRoutes } from './trace.ts';
import type { AboutAnswer } from './types.ts';
import { userRoutes } from './users.ts';

/**
 * The part of the UI's JSON API that needs only the IdP: providers and their
 * certificates, test users, and the trace (with its live stream). Mount it as a server
 * extension: `startIdpServer({ config, extensions: [idpApi()] })`.
 */
export function idpApi(): (context: IdpContext, providers: Map<string, MountedProvider>) => Middleware {
  return (context, providers) => {
    const router = new Router({ prefix: '/api' });
    router.get('/about', (ctx) => {
      const about: AboutAnswer = {
        name: 'sso-harness',
        version: packageJson.version,
        baseUrl: context.baseUrl,
      };
      ctx.body = about;
    });
    providerRoutes(router, context, providers);
    userRoutes(router, context);
    traceRoutes(router, context);
    flowRoutes(router, context);
    return composeRouter(router);
  };
}

/** The router's routes followed by its 405 answers for known paths with another method. */
export function composeRouter(router: Router): Middleware {
  const routes = router.routes() as Middleware;
  const allowed = router.allowedMethods({
    throw: true,
    methodNotAllowed: () =>
      new IdpError('METHOD_NOT_ALLOWED', 405, 'this API path does not answer that HTTP method', {
        hint: 'See the Allow header for the methods it answers.',
      }),
    notImplemented: () =>
      new IdpError('METHOD_NOT_ALLOWED', 501, 'the API does not implement that HTTP method'),
  }) as Middleware;
  return async (ctx, next) => routes(ctx, () => allowed(ctx, next));
}

/** Last in line for `/api/`: an unknown API path is a JSON 404 that says where the API is. */
export function apiNotFound(): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/') && ctx.path !== '/api') return next();
    throw new IdpError('NOT_FOUND', 404, `the API has nothing at ${ctx.method} ${ctx.path}`, {
      hint: 'API paths: /api/providers, /api/users, /api/trace, /api/scenarios, /api/faults, /api/targets, /api/runs.',
    });
  };
}

export { parseInput, readJson } from './json.ts';
export { findProvider } from './providers.ts';
export type { EventStream } from './sse.ts';
export { openEventStream } from './sse.ts';
export { maskEntry } from './trace.ts';
export type * from './types.ts';
