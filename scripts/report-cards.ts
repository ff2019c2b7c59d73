/**
 * Writes the SP zoo's report cards (`npm run report-cards`): for each zoo SP, a harness and the
 * SP are started, the whole catalog of its protocol runs with the HTTP driver, and where a
 * scenario failed whose check the library can turn on, the SP runs again with that setting.
 * Writes docs/report-cards/<id>.md (the card), <id>.json (raw verdicts and the catalog
 * fingerprint) and README.md (the index of every card present). Two SPs run at a time.
 *
 *   npm run report-cards                      every SP of the zoo (examples/sp-zoo/index.ts)
 *   npm run report-cards -- --only samlify    only these SPs (comma-separated ids)
 *   npm run report-cards -- --check           writes nothing: exits 1 naming each card whose catalog
 *                                             fingerprint differs from the current catalog (stale)
 *   --dir FOLDER                              the cards' folder (default docs/report-cards)
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hardeningFor } from '../examples/sp-zoo/hardening.ts';
import { zoo, zooSps } from '../examples/sp-zoo/index.ts';
import {
  baselineOf,
  catalogFingerprint,
  readVerdictFile,
  type VerdictFile,
  verdictFile,
} from '../examples/sp-zoo/report-card.ts';
import { renderCard, renderIndex } from '../examples/sp-zoo/report-card-markdown.ts';
import { runZooSp, type ZooRun } from '../examples/sp-zoo/run.ts';
import type { ZooSp } from '../examples/sp-zoo/types.ts';
import { describeError } from '../lib/errors.ts';
import { catalog } from '../scenarios/index.ts';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    only: { type: 'string' },
    dir: { type: 'string', default: new URL('../docs/report-cards/', import.meta.url).pathname },
  },
});
const cardsDir = values.dir;
const scenarios = catalog();

if (values.check) process.exit(check());

let sps: ZooSp[];
try {
  sps = values.only ? zooSps(values.only.split(',').filter(Boolean)) : Object.values(zoo);
} catch (error) {
  console.error(describeError(error));
  process.exit(2);
}

mkdirSync(cardsDir, { recursive: true });
let failures = 0;
const queue = [...sps];
/** Two SPs at a time: the machine has two cores, and each run is mostly waiting on the SP. */
await Promise.all(
  [0, 1].map(async () => {
    for (let sp = queue.shift(); sp; sp = queue.shift()) await writeCard(sp);
  }),
);
writeFileSync(join(cardsDir, 'README.md'), renderIndex(committedCards()));
process.exit(failures ? 1 : 0);

async function writeCard(sp: ZooSp): Promise<void> {
  const started = Date.now();
  try {
    const run = await runZooSp(sp);
    const hardened = await hardenedRuns(run);
    const file = verdictFile(run, catalogFingerprint(scenarios, sp.protocol), hardened);
    writeFileSync(join(cardsDir, `${sp.id}.json`), `${JSON.stringify(file, null, 2)}\n`);
    writeFileSync(join(cardsDir, `${sp.id}.md`), renderCard(run, file));
    const s = file.summary;
    const calibration = run.record.calibrations.find((c) => !c.ok);
    console.log(
      `${sp.id} ${run.version}: ${s.passed} pass, ${s.failed} fail, ${s.errored} error, ${s.skipped} skip; ` +
        `${hardened.length} hardened runs (${Date.now() - started} ms)` +
        (calibration ? `\n  calibration failed: ${calibration.summary} ${calibration.hint ?? ''}` : ''),
    );
  } catch (error) {
    failures++;
    console.error(`${sp.id}: no card: ${describeError(error)}`);
  }
}

/**
 * For each check the SP can turn on whose scenario failed with the defaults: a run with that
 * check on, over the check's scenarios and the baseline.
 */
async function hardenedRuns(run: ZooRun): Promise<ZooRun[]> {
  const { sp } = run;
  const checkOf = (id: string) => hardeningFor(id, sp.hardening);
  const checks = new Set(
    run.record.results
      .filter((r) => r.verdict === 'fail')
      .map((r) => checkOf(r.scenarioId))
      .filter((h) => h?.hardened !== undefined)
      .map((h) => h!.check),
  );
  const runs: ZooRun[] = [];
  for (const check of [...checks].sort()) {
    const ids = run.scenarios.filter((s) => checkOf(s.id)?.check === check).map((s) => s.id);
    runs.push(await runZooSp(sp, { hardened: [check], ids: [...ids, baselineOf[sp.protocol]] }));
  }
  return runs;
}

function committedCards(): VerdictFile[] {
  if (!existsSync(cardsDir)) return [];
  return readdirSync(cardsDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readVerdictFile(join(cardsDir, name)));
}

/** 0 when every zoo SP has a card made against the current catalog; 1 naming the stale or missing ones. */
function check(): number {
  const cards = committedCards();
  const stale = cards.filter(
    (card) => card.catalogFingerprint !== catalogFingerprint(scenarios, card.protocol),
  );
  for (const card of stale) {
    console.error(
      `stale report card ${join(cardsDir, `${card.id}.md`)}: made against another ${card.protocol.toUpperCase()} catalog; run \`npm run report-cards -- --only ${card.id}\``,
    );
  }
  const missing = Object.keys(zoo).filter((id) => !cards.some((card) => card.id === id));
  for (const id of missing)
    console.error(`no report card for zoo SP ${id}; run \`npm run report-cards -- --only ${id}\``);
  if (!stale.length && !missing.length) console.log(`${cards.length} report cards match the current catalog`);
  return stale.length || missing.length ? 1 : 0;
}
