import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../scenarios/index.ts';
import { type Demo, startDemo } from '../support/demo.ts';

/**
 * The positive scenarios about IdP habits, which the catalog proof does not run with a
 * lax switch: each passes against the strict demo SP and fails with the switch that
 * brings back the SP bug it exists to show.
 */
const ids = ['saml.attributes.idp-claim-names', 'oidc.baseline.entra-multi-tenant'];
const scenarios = catalog().filter((s) => ids.includes(s.id));

describe('IdPs as they really behave, against the demo SP', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => demo?.close());

  it('a correct SP accepts ADFS claim URIs and an Entra {tenantid} issuer', async () => {
    const run = await demo.run(scenarios);
    expect(Object.fromEntries(run.results.map((r) => [r.scenarioId, `${r.verdict} ${r.reason}`]))).toEqual({
      'saml.attributes.idp-claim-names': expect.stringMatching(/^pass/),
      'oidc.baseline.entra-multi-tenant': expect.stringMatching(/^pass/),
    });
  });

  it('an SP that reads only "email" fails with ADFS', async () => {
    await demo.restartSp(['attribute-names-plain']);
    const run = await demo.run(scenarios.filter((s) => s.protocol === 'saml'));
    expect(run.results[0]?.verdict, run.results[0]?.reason).toBe('fail');
  });
});
