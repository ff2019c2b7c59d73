import type { Router } from '@koa/router';
import { z } from 'zod';
import type { IdpContext } from '../context.ts';
import { unknownUser } from '../directory/user.ts';
import { IdpError } from '../errors.ts';
import { compileHooks, needsExclusiveProvider, resolveFaults } from '../faults/compile.ts';
import { faultRegistry } from '../faults/index.ts';
import { FLOW_COOKIE, FlowBusyError } from '../flows.ts';
import { parseInput, readJson, sendJson } from './json.ts';

const flowRequest = z.strictObject({
  provider: z.string().min(1),
  /** A directory user id, or an email that is not in the directory. */
  user: z.string().min(1),
  faults: z
    .array(z.strictObject({ fault: z.string(), params: z.record(z.string(), z.unknown()).optional() }))
    .default([]),
});

/**
 * Flows for drivers in other processes (your own Playwright tests, the benchmark):
 * `POST /api/flows` binds the next login of one browser to a user and faults; set the
 * returned cookie on the IdP origin, then start the SP's login. `GET .../trace` is the
 * flow's evidence; `DELETE` forgets it.
 */
export function flowRoutes(router: Router, context: IdpContext): void {
  router.post('/flows', async (ctx) => {
    const spec = parseInput(flowRequest, await readJson(ctx), 'flow');
    const provider = context.config.providers[spec.provider];
    if (!provider) {
      throw new IdpError('UNKNOWN_PROVIDER', 404, `there is no provider "${spec.provider}"`, {
        hint: `Providers: ${Object.keys(context.config.providers).join(', ')}`,
      });
    }
    const user =
      context.directory.get(spec.user) ?? (spec.user.includes('@') ? unknownUser(spec.user) : undefined);
    if (!user) {
      throw new IdpError('UNKNOWN_USER', 404, `no user "${spec.user}" in the directory`, {
        hint: 'Pass a directory user id, or an email for a user that is not in the directory.',
      });
    }
    let faults: ReturnType<typeof resolveFaults>;
    try {
      faults = resolveFaults(spec.faults, faultRegistry, provider.protocol);
    } catch (error) {
      throw new IdpError('BAD_REQUEST', 400, (error as Error).message);
    }
    try {
      const flow = context.flows.create(
        { providerId: spec.provider, user, faults: spec.faults, exclusive: needsExclusiveProvider(faults) },
        compileHooks(faults),
      );
      sendJson(
        ctx,
        {
          id: flow.id,
          cookie: { name: FLOW_COOKIE, value: flow.id, url: context.baseUrl },
          expiresAt: new Date(flow.expiresAt).toISOString(),
        },
        201,
      );
    } catch (error) {
      if (error instanceof FlowBusyError) throw new IdpError('BAD_REQUEST', 409, error.message);
      throw error;
    }
  });
  router.get('/flows/:id/trace', (ctx) => {
    ctx.body = context.trace.list({ flowId: ctx.params.id });
  });
  router.delete('/flows/:id', (ctx) => {
    context.flows.remove(ctx.params.id!);
    context.trace.forgetFlow(ctx.params.id!);
    ctx.status = 204;
  });
}
