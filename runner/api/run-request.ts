import { z } from 'zod';
import type { Config } from '../../config/schema.ts';
import { IdpError } from '../../idp/errors.ts';
import type { AnyFault } from '../../idp/faults/types.ts';
import { compilePattern } from '../../lib/pattern.ts';
import { resolveSuite } from '../../scenarios/index.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { validateScenarios } from '../../scenarios/validate.ts';
import type { ScenarioFilter } from '../run.ts';

/** The body of `POST /api/runs`. */
export const runRequestSchema = z.strictObject({
  target: z.string().min(1, 'name the target to run against'),
  scenarios: z.array(z.string()).optional(),
  suite: z.string().optional(),
  tags: z.array(z.string()).optional(),
  protocol: z.enum(['saml', 'oidc']).optional(),
  grep: z.string().optional(),
  driver: z.enum(['http', 'browser']).default('http'),
  scenario: z.unknown().optional(),
  /** Browser screenshots of failed results, or of all; an ad-hoc scenario defaults to `all`. */
  screenshots: z.enum(['failures', 'all']).optional(),
});

export type RunRequestInput = z.output<typeof runRequestSchema>;

/** Which results of a run request keep a browser screenshot: as asked, else all for an ad-hoc scenario. */
export function screenshotsOf(request: RunRequestInput): 'failures' | 'all' {
  return request.screenshots ?? (request.scenario !== undefined ? 'all' : 'failures');
}

/** The scenarios a run request names: an ad-hoc one, ids, a suite, tags. */
export function chooseScenarios(
  request: RunRequestInput,
  options: {
    config: Config;
    scenarios: () => Scenario[];
    registry: () => Readonly<Record<string, AnyFault>>;
  },
): { scenarios: Scenario[]; filter: ScenarioFilter } {
  if (request.scenario !== undefined) {
    const [scenario] = validateScenarios([request.scenario], options.registry(), 'the composed scenario');
    return { scenarios: [scenario!], filter: {} };
  }
  const all = options.scenarios();
  const filter: ScenarioFilter = {
    protocol: request.protocol,
    tags: request.tags?.length ? request.tags : undefined,
  };
  if (request.grep) {
    try {
      filter.grep = compilePattern(request.grep, { ignoreCase: true });
    } catch (error) {
      throw new IdpError('BAD_REQUEST', 400, `grep: ${(error as Error).message}`);
    }
  }
  if (request.scenarios?.length) {
    const known = new Set(all.map((s) => s.id));
    const unknown = request.scenarios.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new IdpError(
        'BAD_REQUEST',
        400,
        `unknown scenario${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
        {
          hint: 'See GET /api/scenarios (the Scenarios page) for the ids.',
        },
      );
    }
    filter.ids = request.scenarios;
  }
  if (request.suite) {
    const suite = resolveSuite(options.config, request.suite, all);
    filter.ids = suite.ids ?? filter.ids;
    filter.tags = suite.tags ?? filter.tags;
    filter.grep = suite.grep ?? filter.grep;
  }
  if (
    !request.scenarios?.length &&
    !request.suite &&
    !request.tags?.length &&
    !request.grep &&
    !request.protocol
  ) {
    throw new IdpError('BAD_REQUEST', 400, 'the run request names no scenarios', {
      hint: 'Send scenarios (ids), a suite, tags, or an ad-hoc scenario.',
    });
  }
  return { scenarios: all, filter };
}
