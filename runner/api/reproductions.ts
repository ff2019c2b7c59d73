import type { Router } from '@koa/router';
import { z } from 'zod';
import { parseInput, readJson } from '../../idp/api/json.ts';
import { IdpError } from '../../idp/errors.ts';
import type { AnyFault } from '../../idp/faults/types.ts';
import type { ScenarioInput } from '../../scenarios/schema.ts';
import { validateScenarios } from '../../scenarios/validate.ts';
import { reproductionShape } from '../state/shapes.ts';
import { RecordStore } from '../targets-store.ts';
import type { Reproduction } from './types.ts';

const reproductionSchema = z.strictObject({
  title: z.string().min(1, 'give the reproduction a title'),
  scenario: z.record(z.string(), z.unknown()),
  target: z.string().optional(),
  driver: z.enum(['http', 'browser']).optional(),
});

/** Reproductions composed in the UI, kept in the state database. */
export class ReproductionsStore extends RecordStore<Reproduction> {
  constructor(stateDir: string) {
    super(stateDir, 'reproductions', reproductionShape);
  }
}

export function reproductionRoutes(
  router: Router,
  options: { store: ReproductionsStore; registry: () => Readonly<Record<string, AnyFault>> },
): void {
  const { store } = options;

  router.get('/reproductions', async (ctx) => {
    ctx.body = (await store.list()).map(([, r]) => r).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  });

  router.get('/reproductions/:id', async (ctx) => {
    ctx.body = await find(store, ctx.params.id!);
  });

  router.put('/reproductions/:id', async (ctx) => {
    const id = ctx.params.id!;
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) {
      throw new IdpError('BAD_REQUEST', 400, `"${id}" cannot name a reproduction`, {
        hint: 'Use lowercase letters, digits, "." and "-".',
      });
    }
    const input = parseInput(reproductionSchema, await readJson(ctx), `reproduction "${id}"`);
    validateScenarios([input.scenario], options.registry(), `reproduction "${id}"`);
    const existed = Boolean(await store.get(id));
    const reproduction: Reproduction = {
      id,
      title: input.title,
      savedAt: new Date().toISOString(),
      scenario: input.scenario as ScenarioInput,
      target: input.target,
      driver: input.driver,
    };
    await store.put(id, reproduction);
    ctx.status = existed ? 200 : 201;
    ctx.body = reproduction;
  });

  router.delete('/reproductions/:id', async (ctx) => {
    await find(store, ctx.params.id!);
    await store.remove(ctx.params.id!);
    ctx.status = 204;
  });
}

async function find(store: ReproductionsStore, id: string): Promise<Reproduction> {
  const found = await store.get(id);
  if (!found) {
    throw new IdpError('NOT_FOUND', 404, `there is no saved reproduction "${id}"`, {
      hint: 'The Compose page lists the saved ones.',
    });
  }
  return found;
}
