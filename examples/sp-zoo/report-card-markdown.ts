import type { ClockSkewAllowance } from '../../runner/timing/allowance.ts';
import type { ScenarioResult, Verdict } from '../../runner/types.ts';
import { type Hardening, hardeningFor } from './hardening.ts';
import type { HardenedRun, VerdictFile } from './report-card.ts';
import type { ZooRun } from './run.ts';

const NO_OPTION = 'no option: report upstream';

/**
 * The report card of one zoo SP (`docs/report-cards/<id>.md`): library and version, date,
 * counts by tag, the clock-skew allowance the timing scenarios measured, and for each failing
 * scenario what the library did, why it matters, the library's option that turns the check on
 * and, where the SP was run again with it, the verdict then.
 */
export function renderCard(run: ZooRun, file: VerdictFile): string {
  const { sp, record } = run;
  const { hardening } = sp;
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
    `| clock skew | ${describeSkews(file.clockSkew)} |`,
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
    '## Clock skew',
    '',
    "The effective allowance, read from the timing scenarios' verdicts: how far ahead (NotBefore, nbf,",
    "iat, IssueInstant) or late (NotOnOrAfter, exp) of the SP's clock each time may be and still be accepted.",
    '',
    '| time | measured | scenarios |',
    '| --- | --- | --- |',
    ...measured(file.clockSkew).map(
      (a) => `| ${a.field} | ${a.summary} | ${a.scenarioIds.map((id) => `\`${id}\``).join(', ')} |`,
    ),
    '',
    ...hardenedSummary(file),
    `## Failing scenarios (${failing.length})`,
    '',
  ];
  if (failing.length === 0) lines.push('None.', '');
  const portless = (text: string) =>
    text.replaceAll(run.spUrl, '<sp>').replaceAll(run.harnessUrl, '<harness>');
  for (const result of failing) lines.push(...failingSection(result, hardening, file.hardenedRuns, portless));
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

/** The table of scenarios whose verdict was taken again with a check turned on. */
function hardenedSummary(file: VerdictFile): string[] {
  const rows = file.hardenedRuns.flatMap((run) =>
    Object.entries(run.verdicts)
      .filter(([id]) => file.verdicts[id] !== undefined)
      .map(
        ([id, verdict]) =>
          `| \`${id}\` | ${file.verdicts[id]} | \`${run.setting}\` | ${verdict}${verdict === file.verdicts[id] ? '' : ' (changed)'} |`,
      ),
  );
  if (!rows.length) return [];
  return [
    "## With the library's own hardening on",
    '',
    'Where a scenario failed with the defaults and the library has a setting for its check, the SP',
    "was started again with that setting on and the check's scenarios (and the baseline) run again.",
    '',
    '| scenario | default | with | verdict |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

function failingSection(
  result: ScenarioResult,
  hardening: Hardening,
  hardenedRuns: readonly HardenedRun[],
  portless: (text: string) => string,
): string[] {
  const option = hardeningFor(result.scenarioId, hardening);
  const accepted = result.steps.some((s) => s.expect !== 'accept' && s.verdict === 'fail');
  const rerun = option && hardenedRuns.find((run) => run.check === option.check);
  const hardenedVerdict = rerun?.verdicts[result.scenarioId];
  return [
    `### \`${result.scenarioId}\`: ${result.title}`,
    '',
    `- **What the library did:** ${accepted ? 'accepted it' : 'refused it'}: expected ${result.expected}; observed ${portless(result.observed)}.`,
    `- **Why it matters:** ${result.why}`,
    option
      ? `- **Turn the check on:** \`${option.option}\` ([docs](${option.docsUrl})). ${option.note}`
      : `- **Turn the check on:** ${NO_OPTION}.`,
    ...(rerun && hardenedVerdict
      ? [
          `- **Run again with it:** default: ${result.verdict} → with \`${rerun.setting}\`: ${hardenedVerdict}.`,
        ]
      : []),
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
    '| card | library | version | protocol | pass | fail | error | skip | clock skew | date |',
    '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (f) =>
        `| [${f.id}](${f.id}.md) | ${f.library} | ${f.version} | ${f.protocol.toUpperCase()} | ${f.summary.passed} | ${f.summary.failed} | ${f.summary.errored} | ${f.summary.skipped} | ${describeSkews(f.clockSkew)} | ${f.date} |`,
    ),
    '',
  ].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** Cards written before the allowance was per field have no `summary`: they say nothing here. */
function measured(allowances: readonly ClockSkewAllowance[] | undefined): ClockSkewAllowance[] {
  return (allowances ?? []).filter((a) => typeof a.summary === 'string' && typeof a.field === 'string');
}

/** The whole allowance on one line: "Conditions NotOnOrAfter: accepts up to 2 min late, refuses 3 min (declared 3 min); …". */
function describeSkews(allowances: readonly ClockSkewAllowance[] | undefined): string {
  return (
    measured(allowances)
      .map((a) => `${a.field}: ${a.summary}`)
      .join('; ') || 'not measured'
  );
}
