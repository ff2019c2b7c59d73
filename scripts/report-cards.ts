/**
 * Writes the SP zoo's report cards (`npm run report-cards`): for each zoo SP, a harness and the
 * SP are started, the whole catalog of its protocol runs with the HTTP driver, and
 * docs/report-cards/<id>.md (the card), <id>.json (raw verdicts and the catalog fingerprint) and
 * README.md (the index of every card present) are written.
 *
 *   npm run report-cards                      every SP of every registry
 *   npm run report-cards -- --only samlify    only these SPs (comma-separated ids)
 *   npm run report-cards -- --check           writes nothing: exits 1 naming each card whose catalog
 *                                             fingerprint differs from the current catalog (stale)
 *   --dir FOLDER                              the cards' folder (default docs/report-cards)
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Hardening } from '../examples/sp-zoo/hardening.ts';
import { npmHardening, npmZoo } from '../examples/sp-zoo/registry-npm.ts';
import {
  catalogFingerprint,
  readVerdictFile,
  type VerdictFile,
  verdictFile,
} from '../examples/sp-zoo/report-card.ts';
import { renderCard, renderIndex } from '../examples/sp-zoo/report-card-markdown.ts';
import { runZooSp } from '../examples/sp-zoo/run.ts';
import type { ZooSp } from '../examples/sp-zoo/types.ts';
import { describeError } from '../lib/errors.ts';
import { catalog } from '../scenarios/index.ts';

/** A set of zoo SPs and their hardening options (by SP id; an SP without any gets none). */
interface ZooRegistry {
  zoo: Record<string, ZooSp>;
  hardening?: Record<string, Hardening>;
}

/** Every registry whose SPs get a card: adding one is one line. */
const registries: ZooRegistry[] = [{ zoo: npmZoo, hardening: npmHardening }];

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    only: { type: 'string' },
    dir: { type: 'string', default: new URL('../docs/report-cards/', import.meta.url).pathname },
  },
});
const cardsDir = values.dir;

const sps = registries.flatMap(({ zoo, hardening }) =>
  Object.values(zoo).map((sp) => ({ sp, hardening: hardening?.[sp.id] ?? {} })),
);
const scenarios = catalog();

if (values.check) {
  process.exit(check());
}

const only = values.only?.split(',').filter(Boolean);
const unknown = only?.filter((id) => !sps.some(({ sp }) => sp.id === id)) ?? [];
if (unknown.length) {
  console.error(`unknown zoo SP ${unknown.join(', ')}; known: ${sps.map(({ sp }) => sp.id).join(', ')}`);
  process.exit(2);
}

mkdirSync(cardsDir, { recursive: true });
let failures = 0;
for (const { sp, hardening } of sps.filter(({ sp }) => !only || only.includes(sp.id))) {
  const started = Date.now();
  try {
    const run = await runZooSp(sp);
    const file = verdictFile(run, catalogFingerprint(scenarios, sp.protocol));
    writeFileSync(join(cardsDir, `${sp.id}.json`), `${JSON.stringify(file, null, 2)}\n`);
    writeFileSync(join(cardsDir, `${sp.id}.md`), renderCard(run, file, hardening));
    const s = file.summary;
    console.log(
      `${sp.id} ${run.version}: ${s.passed} pass, ${s.failed} fail, ${s.errored} error, ${s.skipped} skip (${Date.now() - started} ms)`,
    );
  } catch (error) {
    failures++;
    console.error(`${sp.id}: no card: ${describeError(error)}`);
  }
}
writeFileSync(join(cardsDir, 'README.md'), renderIndex(committedCards()));
process.exit(failures ? 1 : 0);

function committedCards(): VerdictFile[] {
  if (!existsSync(cardsDir)) return [];
  return readdirSync(cardsDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readVerdictFile(join(cardsDir, name)));
}

/** 0 when every committed card was made against the current catalog; 1 naming the stale ones. */
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
  const missing = sps.filter(({ sp }) => !cards.some((card) => card.id === sp.id));
  for (const { sp } of missing) console.warn(`no report card yet for zoo SP ${sp.id}`);
  if (!stale.length) console.log(`${cards.length} report cards match the current catalog`);
  return stale.length ? 1 : 0;
}
