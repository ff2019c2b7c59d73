import { writeFileAtomic } from '../../lib/fs.ts';
import { maskSecretsInText } from '../../lib/mask.ts';
import { clockSkewAllowances } from '../timing/allowance.ts';
import type { RunRecord, ScenarioResult } from '../types.ts';
import type { Reporter } from './types.ts';

/** JUnit XML: one testsuite per target, one testcase per scenario x target. */
export function junitReporter(path: string): Reporter {
  return {
    name: 'junit',
    async onEnd(record: RunRecord) {
      await writeFileAtomic(path, toJunit(record));
    },
  };
}

export function toJunit(record: RunRecord): string {
  const byTarget = new Map<string, ScenarioResult[]>();
  for (const result of record.results)
    byTarget.set(result.target, [...(byTarget.get(result.target) ?? []), result]);
  const s = record.summary;
  const suites = [...byTarget.entries()].map(([target, results]) => {
    const count = (v: string) => results.filter((r) => r.verdict === v).length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0) / 1000;
    const calibration = (record.calibrations ?? []).find((c) => c.targetId === target);
    const property = (name: string, value: string) =>
      `      <property name="${attr(name)}" value="${attr(value)}"/>`;
    const lines = calibration
      ? [
          property('calibration', calibration.ok ? 'ok' : 'failed'),
          property('calibration.summary', maskSecretsInText(calibration.summary)),
          ...(calibration.hint ? [property('calibration.hint', calibration.hint)] : []),
        ]
      : [];
    // The effective clock-skew allowance: "clockSkew.saml.Conditions NotOnOrAfter".
    const allowances = clockSkewAllowances(results);
    if (allowances.length > 0) {
      lines.push(property('clockSkew.declaredSeconds', String(allowances[0]!.declaredSkewSeconds)));
      for (const a of allowances) lines.push(property(`clockSkew.${a.protocol}.${a.field}`, a.summary));
    }
    const properties = lines.length ? `    <properties>\n${lines.join('\n')}\n    </properties>\n` : '';
    return `  <testsuite name="${attr(`sso-harness ${target}`)}" tests="${results.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skipped')}" time="${time.toFixed(3)}" timestamp="${attr(record.startedAt)}">
${properties}${results.map(testcase).join('\n')}
  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="sso-harness" tests="${s.total}" failures="${s.failed}" errors="${s.errored}" skipped="${s.skipped}" time="${(s.durationMs / 1000).toFixed(3)}">
${suites.join('\n')}
</testsuites>
`;
}

function testcase(r: ScenarioResult): string {
  const open = `    <testcase name="${attr(`${r.scenarioId}: ${r.title}`)}" classname="${attr(`sso-harness.${r.target}.${r.protocol}`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
  const details = [
    `scenario: ${r.scenarioId}`,
    `target: ${r.target}${r.connection ? ` (connection ${r.connection}, provider ${r.provider})` : ''}`,
    `user: ${r.user ?? '-'}`,
    `faults: ${r.faultSummaries.join('; ') || 'none'}`,
    `expected: ${r.expected}`,
    `observed: ${r.observed}`,
    `why: ${r.why}`,
  ].join('\n');
  const body =
    r.verdict === 'fail'
      ? `      <failure message="${attr(r.reason)}" type="fail">${text(details)}</failure>\n`
      : r.verdict === 'error'
        ? `      <error message="${attr(r.reason)}" type="error">${text(details)}</error>\n`
        : r.verdict === 'skipped'
          ? `      <skipped message="${attr(r.reason)}"/>\n`
          : '';
  const out = `      <system-out>${text(maskSecretsInText(details))}</system-out>\n`;
  return `${open}>\n${body}${out}    </testcase>`;
}

function text(value: string): string {
  return stripControlCharacters(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** XML 1.0 forbids most control characters, even escaped. */
function stripControlCharacters(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) out += char;
  }
  return out;
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
