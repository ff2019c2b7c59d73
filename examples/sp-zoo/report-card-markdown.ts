import type { ScenarioResult, Verdict } from '../../runner/types.ts';
import { type Hardening, hardeningFor } from './hardening.ts';
import type { VerdictFile } from './report-card.ts';
import type { ZooRun } from './run.ts';

const NO_OPTION = 'no option: report upstream';

/**
 * The report card of one zoo SP (`docs/report-cards/<id>.md`): library and version, date,
 * counts by tag, and for each failing scenario what the library did, why it matters and the
 * library's option that turns the check on.
 */
export function renderCard(run: ZooRun, file: VerdictFile, hardening: Hardening): string {
  const { sp, record } = run;
  const results = [...record.results].sort((a, b) => (a.scenarioId < b.scenarioId ? -1 : 1));
  const failing = results.filter((r) => r.verdict === 'fail');
  const errors = results.filter((r) => r.verdict === 'error');
  const skipped = results.filter((r) => r.verdict === 'skipped');
  const lines = [
    `# Report card: ${sp.library}`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| library | ${sp.library} ${run.version} (${sp.source.kind} package \`${sp.source.package}\`) |`,
    `| set up as | [its documentation](${sp.docsUrl}), library defaults; code in \`examples/sp-zoo/${sp.id}/\` |`,
    `| protocol | ${sp.protocol.toUpperCase()} |`,
    `| date | ${file.date} |`,
    `| driver | ${file.driver} |`,
    `| catalog | ${results.length} scenarios, fingerprint \`${file.catalogFingerprint.slice(0, 19)}…\` |`,
    '',
    `**${file.summary.passed} pass, ${file.summary.failed} fail, ${file.summary.errored} error, ${file.summary.skipped} skip.**`,
    'A fail is the library doing what a correct SP does not (or refusing what a correct SP accepts);',
    'a skip is a scenario this specimen has no connection or user for; an error could not be judged.',
    '',
    '## By tag',
    '',
    '| tag | pass | fail | error | skip |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...countsByTag(results).map(
      ([tag, c]) => `| ${tag} | ${c.pass} | ${c.fail} | ${c.error} | ${c.skipped} |`,
    ),
    '',
    `## Failing scenarios (${failing.length})`,
    '',
  ];
  if (failing.length === 0) lines.push('None.', '');
  const portless = (text: string) =>
    text.replaceAll(run.spUrl, '<sp>').replaceAll(run.harnessUrl, '<harness>');
  for (const result of failing) lines.push(...failingSection(result, hardening, portless));
  if (errors.length) {
    lines.push(`## Not judged (${errors.length})`, '', '| scenario | why |', '| --- | --- |');
    for (const r of errors) lines.push(`| \`${r.scenarioId}\` | ${cell(portless(r.reason))} |`);
    lines.push('');
  }
  if (skipped.length) {
    lines.push(`## Skipped (${skipped.length})`, '', '| scenario | why |', '| --- | --- |');
    for (const r of skipped) lines.push(`| \`${r.scenarioId}\` | ${cell(portless(r.reason))} |`);
    lines.push('');
  }
  lines.push(
    '---',
    '',
    `Made by \`npm run report-cards\`; raw verdicts in [${sp.id}.json](${sp.id}.json).`,
    '',
  );
  return lines.join('\n');
}

function failingSection(
  result: ScenarioResult,
  hardening: Hardening,
  portless: (text: string) => string,
): string[] {
  const option = hardeningFor(result.scenarioId, hardening);
  const accepted = result.steps.some((s) => s.expect !== 'accept' && s.verdict === 'fail');
  return [
    `### \`${result.scenarioId}\`: ${result.title}`,
    '',
    `- **What the library did:** ${accepted ? 'accepted it' : 'refused it'}: expected ${result.expected}; observed ${portless(result.observed)}.`,
    `- **Why it matters:** ${result.why}`,
    option
      ? `- **Turn the check on:** \`${option.option}\` ([docs](${option.docsUrl})). ${option.note}`
      : `- **Turn the check on:** ${NO_OPTION}.`,
    '',
  ];
}

type Counts = Record<Verdict, number>;

function countsByTag(results: readonly ScenarioResult[]): [string, Counts][] {
  const byTag = new Map<string, Counts>();
  for (const result of results) {
    for (const tag of result.tags) {
      const counts = byTag.get(tag) ?? { pass: 0, fail: 0, error: 0, skipped: 0 };
      counts[result.verdict]++;
      byTag.set(tag, counts);
    }
  }
  return [...byTag].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** `docs/report-cards/README.md`: one row per library, from the verdict files present. */
export function renderIndex(files: readonly VerdictFile[]): string {
  const rows = [...files].sort((a, b) => (a.protocol + a.id < b.protocol + b.id ? -1 : 1));
  return [
    '# SP zoo report cards',
    '',
    'Real SP/RP libraries, each set up the way its own documentation shows (library defaults), run',
    "against the whole scenario catalog of their protocol with the HTTP driver. A fail is the library's",
    'default behaviour differing from what a correct SP does; each card names the option that changes it.',
    'Regenerate with `npm run report-cards`; `npm run report-cards -- --check` fails on a stale card.',
    '',
    '| card | library | version | protocol | pass | fail | error | skip | date |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (f) =>
        `| [${f.id}](${f.id}.md) | ${f.library} | ${f.version} | ${f.protocol.toUpperCase()} | ${f.summary.passed} | ${f.summary.failed} | ${f.summary.errored} | ${f.summary.skipped} | ${f.date} |`,
    ),
    '',
  ].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
