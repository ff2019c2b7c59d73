import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zoo } from '../../examples/sp-zoo/index.ts';
import {
  baselineOf,
  catalogFingerprint,
  readVerdictFile,
  verdictChanges,
  verdictMap,
} from '../../examples/sp-zoo/report-card.ts';
import { runZooSp, type ZooRun } from '../../examples/sp-zoo/run.ts';
import { catalog } from '../../scenarios/index.ts';

/**
 * The whole SP zoo: each real library, in its own process, set up as its docs show, calibrates,
 * logs the subject in, and gives the whole catalog of its protocol the verdicts its committed
 * report card records (docs/report-cards/<id>.json). A changed verdict names the scenario;
 * regenerate the cards with `npm run report-cards` when the change is meant.
 */

const cardsDir = new URL('../../docs/report-cards/', import.meta.url).pathname;
const scenarios = catalog();

/**
 * Attacks each library refuses with its defaults, with what the library itself answers: the
 * refusal must come from the SP where the IdP delivered the message, not from a timeout.
 */
const refusals: Record<string, { scenarioId: string; says: RegExp }> = {
  pysaml2: { scenarioId: 'saml.signature.unsigned', says: /SignatureError: Signature missing/ },
  'python3-saml': { scenarioId: 'saml.audience.wrong', says: /is not a valid audience/ },
  'ruby-saml': { scenarioId: 'saml.certificates.rogue-key', says: /Invalid Signature on SAML Response/ },
  authlib: { scenarioId: 'oidc.nonce.wrong', says: /nonce/ },
  'omniauth-oidc': { scenarioId: 'oidc.signature.alg-none', says: /UnexpectedAlgorithm/ },
};

/**
 * Two SPs at a time (the machine has two cores); each test awaits its own SP's run, so an SP
 * that cannot start fails its own tests only.
 */
const runs = new Map<string, Promise<ZooRun>>();
const queue = Object.values(zoo);
async function lane(): Promise<void> {
  for (let sp = queue.shift(); sp; sp = queue.shift()) {
    const run = runZooSp(sp, { workers: 3 });
    runs.set(sp.id, run);
    await run.catch(() => {});
  }
}
void lane();
void lane();

/** The run of one SP, once its lane reaches it. */
async function runOf(id: string): Promise<ZooRun> {
  while (!runs.has(id)) await new Promise((resolve) => setTimeout(resolve, 50));
  return runs.get(id)!;
}

describe.each(Object.keys(zoo))('zoo SP %s', (id) => {
  it('calibrates and logs the subject in (baseline passes)', { timeout: 170_000 }, async () => {
    const run = await runOf(id);
    for (const calibration of run.record.calibrations)
      expect(calibration.ok, `calibration: ${calibration.summary} ${calibration.hint ?? ''}`).toBe(true);
    const baseline = run.record.results.find((r) => r.scenarioId === baselineOf[run.sp.protocol]);
    expect(baseline, `${baselineOf[run.sp.protocol]} was not run`).toBeDefined();
    expect(baseline!.verdict, `${baseline!.scenarioId}: ${baseline!.reason}`).toBe('pass');
    expect(run.version).toMatch(/^\d/);
  });

  it('gives the verdicts of its committed report card', { timeout: 170_000 }, async () => {
    const run = await runOf(id);
    const committed = readVerdictFile(join(cardsDir, `${id}.json`));
    const fingerprint = catalogFingerprint(scenarios, run.sp.protocol);
    expect(
      committed.catalogFingerprint,
      `docs/report-cards/${id}.json was made against another catalog; run npm run report-cards -- --only ${id}`,
    ).toBe(fingerprint);
    const changes = verdictChanges(committed.verdicts, verdictMap(run)).map((c) => {
      const result = run.record.results.find((r) => r.scenarioId === c.scenarioId);
      return `${c.scenarioId}: card ${c.committed}, now ${c.current} (${result?.reason ?? 'not run'})`;
    });
    expect(changes).toEqual([]);
  });

  const refusal = refusals[id];
  if (refusal) {
    it(`refuses ${refusal.scenarioId} itself`, { timeout: 170_000 }, async () => {
      const run = await runOf(id);
      const result = run.record.results.find((r) => r.scenarioId === refusal.scenarioId)!;
      expect(result.verdict, `${refusal.scenarioId}: ${result.reason}`).toBe('pass');
      const refused = result.http.find(
        (h) => h.url.startsWith(run.spUrl) && h.status >= 400 && h.cause !== 'probe',
      );
      expect(refused?.bodyExcerpt ?? '', JSON.stringify(result.http.map((h) => [h.status, h.url]))).toMatch(
        refusal.says,
      );
    });
  }
});
