import type { Router } from '@koa/router';
import type { IdpContext } from '../context.ts';
import type { DirectoryUser } from '../directory/user.ts';
import type { UserSummary } from './types.ts';

/** `GET /api/users`: the directory's test users, without their attributes. */
export function userRoutes(router: Router, context: IdpContext): void {
  router.get('/users', (ctx) => {
    ctx.body = context.directory.all().map(userSummary);
  });
}

/** A directory user as the API shows it: no attributes, no password. */
export function userSummary(u: DirectoryUser): UserSummary {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    providers: u.providers,
    disabled: u.disabled,
  };
}
