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
