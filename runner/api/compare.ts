import type { Router } from '@koa/router';
import { IdpError } from '../../idp/errors.ts';
import { maskSecrets } from '../../lib/mask.ts';
import { compareRuns } from '../compare.ts';
import type { RunHistory } from '../history.ts';
import type { RunRecord } from '../types.ts';

/**
 * `GET /api/runs/compare?a=<run id>&b=<run id>`: run B's results against run A's, matched
 * by key (`runner/compare.ts`). 400 when a or b is missing, 404 naming a run not in the history.
 * Declared before `/runs/:id`, which would otherwise take "compare" for a run id.
 */
export function compareRoutes(router: Router, history: RunHistory): void {
  router.get('/runs/compare', async (ctx) => {
    const a = await runNamed(history, ctx.query.a, 'a');
    const b = await runNamed(history, ctx.query.b, 'b');
    ctx.body = maskSecrets(compareRuns(a, b));
  });
}

async function runNamed(history: RunHistory, value: unknown, name: 'a' | 'b'): Promise<RunRecord> {
  const id = Array.isArray(value) ? value[0] : value;
  if (typeof id !== 'string' || id === '') {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      `query parameter "${name}" is missing: the id of a run to compare`,
      {
        hint: 'Ask for /api/runs/compare?a=<earlier run id>&b=<later run id>; /api/runs lists the ids.',
      },
    );
  }
  const record = await history.get(id);
  if (!record) {
    throw new IdpError('NOT_FOUND', 404, `there is no run "${id}" (${name}) in the history`, {
      hint: `Runs are kept in ${history.file}; the History page lists them.`,
    });
  }
  return record;
}
