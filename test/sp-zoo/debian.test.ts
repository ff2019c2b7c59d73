import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import authlib from '../../examples/sp-zoo/authlib/index.ts';
import omniauthOidc from '../../examples/sp-zoo/omniauth-oidc/index.ts';
import pysaml2 from '../../examples/sp-zoo/pysaml2/index.ts';
import python3Saml from '../../examples/sp-zoo/python3-saml/index.ts';
import { debianZoo } from '../../examples/sp-zoo/registry-debian.ts';
import rubySaml from '../../examples/sp-zoo/ruby-saml/index.ts';
import type { RunningZooSp, ZooSp } from '../../examples/sp-zoo/types.ts';
import { faultRegistry } from '../../idp/faults/index.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import { type Harness, startHarness } from '../../runner/harness.ts';
import { runScenarios } from '../../runner/run.ts';
import { catalog } from '../../scenarios/index.ts';
import { freePort } from '../support/demo.ts';
import { tempDir } from '../support/idp.ts';

/**
 * Each Debian specimen against the real harness and runner: the catalog's baseline logs in,
 * and one attack the library refuses by default is refused by the library itself (the SP's
 * own answer names the check), not by accident.
 */
interface ZooCase {
  sp: ZooSp;
  /** A catalog baseline that fits a generic-persona provider. */
  baseline: string;
  negative: string;
  /** What the library says when it refuses the negative scenario's message. */
  refusal: RegExp;
}

const cases: ZooCase[] = [
  {
    sp: pysaml2,
    baseline: 'saml.baseline.sp-initiated',
    negative: 'saml.signature.unsigned',
    refusal: /SignatureError: Signature missing/,
  },
  {
    sp: python3Saml,
    baseline: 'saml.baseline.sp-initiated',
    negative: 'saml.audience.wrong',
    refusal: /is not a valid audience/,
  },
  {
    sp: rubySaml,
    baseline: 'saml.baseline.sp-initiated',
    negative: 'saml.certificates.rogue-key',
    refusal: /Invalid Signature on SAML Response/,
  },
  // The catalog has no plain generic-persona OIDC baseline yet; the logout baseline's first
  // step is a plain login that must be accepted.
  { sp: authlib, baseline: 'oidc.baseline.logout', negative: 'oidc.nonce.wrong', refusal: /nonce/ },
  {
    sp: omniauthOidc,
    baseline: 'oidc.baseline.logout',
    negative: 'oidc.signature.alg-none',
    refusal: /UnexpectedAlgorithm/,
  },
];

interface Started {
  harness: Harness;
  sp: RunningZooSp;
}

const started = new Map<string, Promise<Started>>();
const stateDirs: string[] = [];

async function startCase(zoo: ZooSp): Promise<Started> {
  const port = await freePort();
  const spUrl = `http://127.0.0.1:${port}`;
  const stateDir = tempDir();
  stateDirs.push(stateDir);
  const harness = await startHarness({
    config: { ...zoo.harnessConfig(spUrl), stateDir },
    port: 0,
  });
  try {
    return { harness, sp: await zoo.start({ port, harnessUrl: harness.url }) };
  } catch (error) {
    await harness.close();
    throw error;
  }
}

beforeAll(() => {
  // Start them all at once; each test awaits its own (a failed start fails only that test).
  for (const { sp } of cases) {
    const pending = startCase(sp);
    pending.catch(() => {});
    started.set(sp.id, pending);
  }
});

afterAll(async () => {
  await Promise.all(
    [...started.values()].map(async (pending) => {
      const running = await pending.catch(() => undefined);
      if (!running) return;
      await running.sp.close();
      await running.harness.close();
    }),
  );
  for (const dir of stateDirs) rmSync(dir, { recursive: true, force: true });
});

it('registers the five Debian specimens under their ids', () => {
  expect(Object.keys(debianZoo).sort()).toEqual(cases.map((c) => c.sp.id).sort());
  for (const [id, zoo] of Object.entries(debianZoo)) {
    expect(zoo.id).toBe(id);
    expect(zoo.source.kind).toBe('debian');
  }
});

describe.each(cases)('$sp.id', ({ sp: zoo, baseline, negative, refusal }) => {
  it(`passes ${baseline} and refuses ${negative} itself`, async () => {
    const { harness, sp } = await started.get(zoo.id)!;
    expect(sp.version).toMatch(/^\d/);
    const scenarios = catalog().filter((s) => s.id === baseline || s.id === negative);
    expect(scenarios).toHaveLength(2);
    const driver = createHttpDriver();
    const record = await runScenarios({
      harness: harness.server,
      scenarios,
      targets: harness.config.targets,
      registry: faultRegistry,
      driver,
      workers: 2,
      timeoutMs: 20_000,
    }).finally(() => driver.close());
    const result = (id: string) => record.results.find((r) => r.scenarioId === id)!;

    const good = result(baseline);
    expect(good.verdict, `${baseline}: ${good.reason}`).toBe('pass');
    expect(good.steps[0]?.probe?.asExpectedUser).toBe(true);
    expect(good.steps[0]?.probe?.bodyExcerpt).toContain('alice@example.com');

    const bad = result(negative);
    expect(bad.verdict, `${negative}: ${bad.reason}`).toBe('pass');
    expect(bad.steps[0]?.probe?.session).toBe(false);
    // The refusal came from the SP, where the IdP delivered the message: not a timeout or
    // a harness page.
    const refused = bad.http.find((h) => h.url.startsWith(sp.url) && h.status >= 400 && h.cause !== 'probe');
    expect(refused?.bodyExcerpt ?? '', JSON.stringify(bad.http.map((h) => [h.status, h.url]))).toMatch(
      refusal,
    );
  });
});
