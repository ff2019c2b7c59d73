import type { Router } from '@koa/router';
import type { IdpContext } from '../context.ts';
import { IdpError } from '../errors.ts';
import { ProvisioningDesk, type ScimUserAction } from '../scim/desk.ts';
import { ScimClientError } from '../scim/errors.ts';
import type { ProvisioningProvidersAnswer } from './types.ts';

const userActions: readonly ScimUserAction[] = ['push', 'deactivate', 'reactivate', 'delete'];

/**
 * Provisioning by hand, for the UI: `GET /api/scim/providers` (each provider with a scim
 * block: its dialect, users and groups and what was pushed), `GET /api/scim/<provider>`,
 * `POST /api/scim/<provider>/users/<user>/<push|deactivate|reactivate|delete>` and
 * `POST /api/scim/<provider>/groups/<group>/push`. The exchanges are in the trace.
 */
export function scimRoutes(router: Router, context: IdpContext): void {
  const desk = new ProvisioningDesk(context);
  const guard = async <T>(work: () => Promise<T> | T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ScimClientError) {
        const status =
          error.code === 'SCIM_NOT_CONFIGURED' ? 404 : error.code === 'SCIM_NOT_SUPPORTED' ? 400 : 502;
        throw new IdpError(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', status, error.message, {
          cause: error,
        });
      }
      throw error;
    }
  };

  router.get('/scim/providers', (ctx) => {
    const answer: ProvisioningProvidersAnswer = desk.providers().map((id) => desk.state(id));
    ctx.body = answer;
  });
  router.get('/scim/:provider', async (ctx) => {
    ctx.body = await guard(() => desk.state(ctx.params.provider!));
  });
  router.post('/scim/:provider/users/:user/:action', async (ctx) => {
    const action = ctx.params.action as ScimUserAction;
    if (!userActions.includes(action)) {
      throw new IdpError('NOT_FOUND', 404, `unknown action "${action}"; known: ${userActions.join(', ')}`);
    }
    ctx.body = await guard(() => desk.userAction(ctx.params.provider!, ctx.params.user!, action));
  });
  router.post('/scim/:provider/groups/:group/push', async (ctx) => {
    ctx.body = await guard(() => desk.pushGroup(ctx.params.provider!, ctx.params.group!));
  });
}
