import type { Router } from '@koa/router';
import type { IdpContext } from '../context.ts';
import type { UserSummary } from './types.ts';

/** `GET /api/users`: the directory's test users, without their attributes. */
export function userRoutes(router: Router, context: IdpContext): void {
  router.get('/users', (ctx) => {
    ctx.body = context.directory.all().map(
      (u): UserSummary => ({
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        providers: u.providers,
        disabled: u.disabled,
      }),
    );
  });
}
