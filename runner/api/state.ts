import type { Router } from '@koa/router';
import type { StateDatabase } from '../state/database.ts';

/**
 * `GET /api/state/notices`: problems found with the state folder (a run file cut off
 * mid-write, a saved target that no longer validates), each naming its file, for the
 * UI's notice banner. `DELETE` dismisses them.
 */
export function stateRoutes(router: Router, state: StateDatabase): void {
  router.get('/state/notices', (ctx) => {
    ctx.body = state.notices();
  });
  router.delete('/state/notices', (ctx) => {
    state.dismissNotices();
    ctx.status = 204;
  });
}
