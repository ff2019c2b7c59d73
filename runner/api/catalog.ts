import type { Router } from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config/schema.ts';
import type { AnyFault } from '../../idp/faults/types.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { FaultListing, ScenariosAnswer, SuiteListing } from './types.ts';

/** `GET /api/scenarios` (the catalog plus the config's, and the suites) and `GET /api/faults`. */
export function catalogRoutes(
  router: Router,
  options: {
    config: Config;
    scenarios: () => Scenario[];
    registry: () => Readonly<Record<string, AnyFault>>;
  },
): void {
  router.get('/scenarios', (ctx) => {
    const answer: ScenariosAnswer = { scenarios: options.scenarios(), suites: listSuites(options.config) };
    ctx.body = answer;
  });

  router.get('/faults', (ctx) => {
    ctx.body = Object.values(options.registry())
      .map(describeFault)
      .sort((a, b) => a.protocol.localeCompare(b.protocol) || a.name.localeCompare(b.name));
  });
}

export function describeFault(fault: AnyFault): FaultListing {
  return {
    name: fault.name,
    protocol: fault.protocol,
    stage: fault.stage,
    summary: fault.summary,
    paramsSchema: paramsJsonSchema(fault),
  };
}

/** The parameters' JSON Schema as the person fills them in (input side: defaults optional). */
function paramsJsonSchema(fault: AnyFault): Record<string, unknown> {
  try {
    return z.toJSONSchema(fault.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    // A schema JSON Schema cannot express (a transform, a custom check): a free-form object.
    return { type: 'object', description: 'parameters as JSON' };
  }
}

function listSuites(config: Config): SuiteListing[] {
  return Object.entries(config.suites).map(([name, suite]) =>
    Array.isArray(suite) ? { name, ids: suite } : { name, tags: suite.tags, grep: suite.grep },
  );
}
