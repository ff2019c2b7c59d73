import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScimTokens } from '../../examples/demo-sp/index.ts';
import { closeServer, listen } from '../../lib/http-server.ts';
import { createBrowserDriver } from '../../runner/drivers/browser.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import { toJsonReport } from '../../runner/reporters/json.ts';
import { toJunit } from '../../runner/reporters/junit.ts';
import { executeScimJob } from '../../runner/scim/execute.ts';
import { planScimJobs } from '../../runner/scim/plan.ts';
import { type RunRecord, type ScenarioResult, summarize } from '../../runner/types.ts';
import { scimCatalog } from '../../scenarios/scim/index.ts';
import { explain } from '../runner/scim/support.ts';
import { type Demo, startDemo } from '../support/demo.ts';

/**
 * Deprovisioning end to end, in a real browser: the IdP provisions a user over SCIM, the
 * user logs in through the harness (SAML for Okta, OIDC for Entra), the IdP deactivates
 * them, and the probe in the same browser shows no session. The results go through the
 * JSON and JUnit reporters with the SCIM tokens masked.
 */
let demo: Demo;
const deactivate = scimCatalog().filter((s) => s.id === 'scim.users.deactivate');

beforeAll(async () => {
  demo = await startDemo();
}, 60_000);

afterAll(async () => {
  await demo?.close();
});

describe('the deprovisioning journey', () => {
  it('provision → SSO login → deactivate → no session, through Okta (SAML) and Entra (OIDC) in Chromium', async () => {
    const { server } = demo.harness;
    const jobs = planScimJobs(
      deactivate,
      { 'demo-sp': demo.target },
      server.context.config,
      server.context.directory,
    ).filter((j) => j.connectionName === 'okta' || j.connectionName === 'entra-staff');
    expect(jobs.map((j) => j.scim?.dialect).sort()).toEqual(['entra', 'okta']);
    const driver = await createBrowserDriver();
    const results: ScenarioResult[] = [];
    try {
      for (const job of jobs)
        results.push(await executeScimJob(job, { harness: server, driver, timeoutMs: 60_000 }));
    } finally {
      await driver.close();
    }
    for (const result of results) {
      expect(result.verdict, explain(result)).toBe('pass');
      expect(result.driver).toBe('browser');
      const steps = result.steps.map((s) => `${s.title}: ${s.verdict}`);
      expect(steps).toEqual([
        'assign subject: pass',
        'login as subject: pass',
        'deactivate subject: pass',
        'GET /Users of subject: pass',
        'probe subject: pass',
        'login as subject: pass',
      ]);
      const probe = result.steps[4]!;
      expect(probe.probe?.session).toBe(false);
      // The SCIM exchanges and the SSO messages of the login are in the result's trace.
      expect(result.trace.some((e) => e.protocol === 'scim' && e.kind === 'PATCH Users')).toBe(true);
      expect(result.trace.some((e) => e.protocol === 'saml' || e.protocol === 'oidc')).toBe(true);
    }
    const record: RunRecord = {
      id: 'journey',
      status: 'finished',
      startedAt: new Date().toISOString(),
      pid: process.pid,
      options: { targets: ['demo-sp'], driver: 'browser', workers: 1 },
      summary: summarize(results, 0),
      results,
      reporterErrors: [],
      calibrations: [],
    };
    const reports = JSON.stringify(toJsonReport(record)) + toJunit(record);
    for (const token of Object.values(demoScimTokens)) expect(reports).not.toContain(token);
    expect(toJunit(record)).toContain('classname="sso-harness.demo-sp.scim"');
  }, 120_000);
});

describe('an SP whose SCIM answers cannot be used gets a scenario error with the reason', () => {
  let bad: Server;
  let badUrl: string;
  beforeAll(async () => {
    bad = createServer((req, res) => {
      if (req.url?.includes('/redirect')) {
        res.writeHead(307, { location: 'http://attacker.invalid/collect' });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>Sign in</html>');
      }
    });
    await listen(bad, 0, '127.0.0.1');
    badUrl = `http://127.0.0.1:${(bad.address() as AddressInfo).port}`;
  });
  afterAll(async () => closeServer(bad));

  it.each([
    ['/html/scim/v2', /text\/html, not SCIM JSON/],
    ['/redirect/scim/v2', /redirect \(307\) to another origin, http:\/\/attacker\.invalid/],
  ])('%s', async (path, reason) => {
    const { server } = demo.harness;
    const [job] = planScimJobs(
      scimCatalog().filter((s) => s.id === 'scim.users.create-then-login'),
      { 'demo-sp': demo.target },
      server.context.config,
      server.context.directory,
    ).filter((j) => j.connectionName === 'okta');
    const driver = createHttpDriver();
    const result = await executeScimJob(
      { ...job!, scim: { ...job!.scim!, endpoint: { ...job!.scim!.endpoint, baseUrl: `${badUrl}${path}` } } },
      { harness: server, driver, timeoutMs: 10_000 },
    );
    await driver.close();
    expect(result.verdict, explain(result)).toBe('error');
    expect(result.reason).toMatch(reason);
    expect(JSON.stringify(result)).not.toContain(demoScimTokens.okta);
  });
});
