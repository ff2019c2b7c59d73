import { RunHistory } from '../../../runner/history.ts';
import { readEvents } from '../../api/support.ts';
import { resultOf, runOf } from '../../support/run-records.ts';
import type { HarnessWithSp } from './environment.ts';

/**
 * Two runs of the smoke suite to compare: an earlier one, kept in the history as it was when
 * the demo SP still checked audiences (every scenario passed, and an expiry scenario since
 * dropped was in the suite), and a real run now, against the lax SP, where the audience
 * scenario fails. Returns both run ids, earlier first.
 */
export async function twoSmokeRuns(env: HarnessWithSp): Promise<{ earlier: string; now: string }> {
  const started = await fetch(`${env.url}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ target: 'demo-sp', suite: 'smoke' }),
  });
  const { id } = (await started.json()) as { id: string };
  await readEvents(`${env.url}/api/runs/${id}/events`, (events) => events.some((e) => e.event === 'end'), {
    timeoutMs: 60_000,
  });
  const at = { target: 'demo-sp', connection: 'saml' };
  const earlier = runOf('2026-01-05T09-00-00-strict-sp', '2026-01-05T09:00:00.000Z', [
    resultOf('ui-test.saml.clean', 'pass', {
      ...at,
      key: 'ui-test.saml.clean @ demo-sp',
      title: 'A clean SAML login is accepted',
      expected: 'a session as alice@example.com',
      observed: 'a session as alice@example.com',
      reason: 'the SP showed a session as the expected user',
    }),
    resultOf('ui-test.saml.audience', 'pass', {
      ...at,
      key: 'ui-test.saml.audience @ demo-sp',
      title: 'An assertion for another SP is refused',
      observed: 'no session: 403 at /saml/acs (audience https://other-sp.example is not this SP)',
      reason: 'the SP refused the login, as it should',
    }),
    resultOf('ui-test.saml.expired', 'pass', {
      ...at,
      key: 'ui-test.saml.expired @ demo-sp',
      title: 'An expired assertion is refused',
      observed: 'no session: 403 at /saml/acs',
      reason: 'the SP refused the login, as it should',
    }),
  ]);
  earlier.options.targets = ['demo-sp'];
  await new RunHistory(env.stateDir).save(earlier);
  return { earlier: earlier.id, now: id };
}
