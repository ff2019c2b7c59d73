import { expect, it } from 'vitest';
import { builtinConfig } from '../../config/builtin.ts';
import { configSchema } from '../../config/schema.ts';
import { Directory } from '../../idp/directory/directory.ts';
import { planJobs } from '../../runner/plan.ts';
import { catalog } from '../../scenarios/index.ts';

const config = configSchema.parse(builtinConfig('http://127.0.0.1:1'));
const directory = new Directory(config);

it('runs a scenario on every fitting connection with --connection all, never on one the SP switched off', () => {
  const audience = catalog().filter((s) => s.id === 'saml.audience.wrong');
  const jobs = planJobs(audience, config.targets, config, directory, { connection: 'all' });
  expect(jobs.map((j) => j.connectionName)).toEqual(['saml', 'okta', 'adfs', 'encrypted', 'sandbox']);
  expect(jobs.map((j) => j.key)).toContain('saml.audience.wrong @ demo-sp/okta');
  // A scenario that asks for the switched-off connection by its tag still gets it.
  const disabled = catalog().filter((s) => s.requires?.tag === 'disabled');
  expect(disabled.length).toBeGreaterThan(0);
  const planned = planJobs(disabled, config.targets, config, directory, { connection: 'all' });
  expect(planned.every((j) => j.connectionName === 'legacy' && !j.skip)).toBe(true);
});

it('runs it on the first fitting connection by default, and names the connection it cannot use', () => {
  const audience = catalog().filter((s) => s.id === 'saml.audience.wrong');
  expect(planJobs(audience, config.targets, config, directory).map((j) => j.connectionName)).toEqual([
    'saml',
  ]);
  const [skipped] = planJobs(audience, config.targets, config, directory, { connection: 'google' });
  expect(skipped!.skip).toBe('connection "google" does not fit it (SAML)');
});

it('skips a logout scenario with the reason where the connection has no endpoint for it', () => {
  const ids = ['oidc.logout.backchannel', 'oidc.logout.frontchannel', 'saml.logout.idp-initiated'];
  const scenarios = catalog().filter((s) => ids.includes(s.id));
  const bare = structuredClone(config);
  for (const provider of Object.values(bare.providers)) {
    if (provider.protocol === 'oidc') {
      for (const client of Object.values(provider.clients)) {
        delete client.backchannelLogoutUri;
        delete client.frontchannelLogoutUri;
      }
    } else for (const sp of Object.values(provider.sps)) delete sp.sloUrl;
  }
  const skips = Object.fromEntries(
    planJobs(scenarios, bare.targets, bare, directory).map((j) => [j.scenario.id, j.skip]),
  );
  expect(skips['oidc.logout.backchannel']).toBe(
    'it sends a back-channel logout, and client "demo-sp-staff" of provider "demo-entra-staff" has no backchannel_logout_uri (set providers.demo-entra-staff.clients.demo-sp-staff.backchannelLogoutUri to the RP\'s endpoint, if it has one)',
  );
  expect(skips['oidc.logout.frontchannel']).toContain('has no frontchannel_logout_uri');
  expect(skips['saml.logout.idp-initiated']).toContain(
    'SP "demo-sp" of provider "demo-saml" has no SingleLogoutService (set providers.demo-saml.sps.demo-sp.sloUrl',
  );
  // With the endpoints (the demo's config), they run.
  expect(planJobs(scenarios, config.targets, config, directory).map((j) => j.skip)).toEqual([
    undefined,
    undefined,
    undefined,
  ]);
});

it('carries a wait step through to the job, and refuses one without a duration', async () => {
  const { validateScenarios } = await import('../../scenarios/validate.ts');
  const { faultRegistry } = await import('../../idp/faults/index.ts');
  const scenario = (steps: unknown[]) => ({
    id: 'x.wait',
    title: 'wait',
    protocol: 'saml',
    why: 'test',
    expect: { steps },
  });
  const [valid] = validateScenarios(
    [
      scenario([
        { action: 'login', expect: 'accept' },
        { action: 'wait', seconds: 2, expect: 'reject' },
      ]),
    ],
    faultRegistry,
    'test',
  );
  const [job] = planJobs([valid!], config.targets, config, directory);
  expect(job!.steps[1]).toMatchObject({ action: 'wait', seconds: 2, expect: 'reject' });
  expect(() =>
    validateScenarios([scenario([{ action: 'wait', expect: 'accept' }])], faultRegistry, 'test'),
  ).toThrow('expect.steps[0]: a wait step needs seconds (at most 60) or until');
  expect(() =>
    validateScenarios([scenario([{ action: 'wait', seconds: 61, expect: 'accept' }])], faultRegistry, 'test'),
  ).toThrow(/seconds/);
  expect(() =>
    validateScenarios(
      [scenario([{ action: 'wait', until: 'jwks-max-age', expect: 'accept' }])],
      faultRegistry,
      'test',
    ),
  ).toThrow('until "jwks-max-age" is for OIDC scenarios; this scenario is SAML');
});
