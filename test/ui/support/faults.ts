import { z } from 'zod';
import { faultRegistry } from '../../../idp/faults/index.ts';
import type { AnyFault } from '../../../idp/faults/types.ts';
import type { ResponseModel } from '../../../idp/saml/response/stages.ts';
import type { ScenarioInput } from '../../../scenarios/schema.ts';

/**
 * A fault of the tests' own, so the UI tests do not depend on which faults the registry
 * holds today: it names another SP in the assertion's audience.
 */
export const otherAudience: AnyFault = {
  name: 'ui-test.saml.audience',
  protocol: 'saml',
  stage: 'model',
  summary: 'The assertion names another SP as its audience',
  params: z.object({
    audience: z.string().default('https://other-sp.example').describe('The audience to assert instead'),
  }),
  apply: (model: ResponseModel, params: { audience: string }) => ({
    ...model,
    assertions: model.assertions.map((a) => ({
      ...a,
      conditions: a.conditions ? { ...a.conditions, audiences: [params.audience] } : a.conditions,
    })),
  }),
};

export const testRegistry: Readonly<Record<string, AnyFault>> = {
  ...faultRegistry,
  [otherAudience.name]: otherAudience,
};

/** A small suite: one clean login (pass) and one the lax demo SP wrongly accepts (fail). */
export const testScenarios: ScenarioInput[] = [
  {
    id: 'ui-test.saml.clean',
    title: 'A clean SAML login is accepted',
    protocol: 'saml',
    expect: 'accept',
    why: 'A correct response for the right user must log them in.',
    tags: ['ui-test'],
  },
  {
    id: 'ui-test.saml.audience',
    title: 'An assertion for another SP is refused',
    protocol: 'saml',
    faults: [{ fault: otherAudience.name, params: { audience: 'https://other-sp.example' } }],
    expect: 'reject',
    why: 'An assertion whose AudienceRestriction names another SP was meant for that SP; accepting it lets one SP replay logins into another.',
    refs: ['SAML 2.0 Core 2.5.1.4'],
    tags: ['ui-test', 'audience'],
  },
];
