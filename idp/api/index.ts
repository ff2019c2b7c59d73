import { Router } from '@koa/router';
import type { Middleware } from 'koa';
import packageJson from '../../package.json' with { type: 'json' };
import type { IdpContext, MountedProvider } from '../context.ts';
import { IdpError } from '../errors.ts';
import { flowRoutes } from './flows.ts';
import { providerRoutes } from './providers.ts';
import { scimRoutes } from './scim.ts';
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
    scimRoutes(router, context);
    return composeRouter(router);
  };
}

/**
 * The router's routes; a path it knows asked with another method is a 405 that lists the
 * methods it answers (checked here, not by allowedMethods, because later extensions throw
 * their own 404 before allowedMethods would look).
 */
export function composeRouter(router: Router): Middleware {
  const routes = router.routes() as Middleware;
  return async (ctx, next) =>
    routes(ctx, async () => {
      const match = router.match(ctx.path, ctx.method);
      if (match.path.length > 0 && !match.route) {
        const allowed = [...new Set(match.path.flatMap((layer) => layer.methods))].filter(
          (m) => m !== 'HEAD',
        );
        ctx.set('Allow', allowed.join(', '));
        throw new IdpError('METHOD_NOT_ALLOWED', 405, `${ctx.path} does not answer ${ctx.method}`, {
          hint: `It answers ${allowed.join(', ')}.`,
        });
      }
      return next();
    });
}

/** Last in line for `/api/`: an unknown API path is a JSON 404 that says where the API is. */
export function apiNotFound(): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/') && ctx.path !== '/api') return next();
    throw new IdpError('NOT_FOUND', 404, `the API has nothing at ${ctx.method} ${ctx.path}`, {
      hint: 'API paths: /api/providers, /api/users, /api/trace, /api/scim/providers, /api/scenarios, /api/faults, /api/targets, /api/runs, /api/explain.',
    });
  };
}

export { parseInput, readJson } from './json.ts';
export { findProvider } from './providers.ts';
export type { EventStream } from './sse.ts';
export { openEventStream } from './sse.ts';
export { maskEntry } from './trace.ts';
export type * from './types.ts';
