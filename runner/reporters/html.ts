import { writeFileAtomic } from '../../lib/fs.ts';
import { escapeHtml, html, type SafeHtml } from '../../lib/html.ts';
import { maskSecrets, maskSecretsInText } from '../../lib/mask.ts';
import { clockSkewAllowances } from '../timing/allowance.ts';
import type { HttpStep, RunRecord, ScenarioResult } from '../types.ts';
import { verdictMarks } from './list.ts';
import { spAnswers } from './sp-answers.ts';
import type { Reporter } from './types.ts';

/**
 * One self-contained HTML file (no scripts, no external assets) that a support engineer
 * can attach to a ticket: the summary, then each result with its evidence. Secrets masked.
 */
export function htmlReporter(path: string): Reporter {
  return {
    name: 'html',
    async onEnd(record: RunRecord) {
      await writeFileAtomic(path, renderHtmlReport(record));
    },
  };
}

export function renderHtmlReport(record: RunRecord): string {
  const s = record.summary;
  const ordered = [...record.results].sort((a, b) => rank(a) - rank(b));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>sso-harness run ${escapeHtml(record.id)}</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.45;margin:0 auto;max-width:72rem;padding:1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:0}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
.v{font-weight:600;white-space:nowrap}.pass{color:#1b6e2d}.fail{color:#b3261e}.error{color:#7a3e9d}.skipped{color:#666}
details{border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}summary{cursor:pointer}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5rem;font-size:.8rem;max-height:30rem;overflow:auto}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
img{max-width:100%;border:1px solid #ccc}
</style></head><body>
${html`<h1>sso-harness run ${record.id}</h1>
<p>${record.startedAt} · ${record.options.driver} driver · targets ${record.options.targets.join(', ')} · status ${record.status}</p>
<p><strong>${s.total}</strong> scenarios: <span class="pass">${verdictMarks.pass} ${s.passed}</span>,
<span class="fail">${verdictMarks.fail} ${s.failed}</span>, <span class="error">${verdictMarks.error} ${s.errored}</span>,
<span class="skipped">${verdictMarks.skipped} ${s.skipped}</span> in ${(s.durationMs / 1000).toFixed(1)} s</p>
${(record.calibrations ?? []).map((c) => html`<p class="${c.ok ? 'pass' : 'error'}">Calibration of ${c.targetId}: ${c.ok ? c.summary : html`${c.summary}. ${c.hint ?? ''}`}</p>`)}
${clockSkewSection(record.results)}
<table><thead><tr><th>verdict</th><th>scenario</th><th>target</th><th>expected</th><th>observed</th></tr></thead><tbody>
${ordered.map((r) => html`<tr><td class="v ${r.verdict}">${verdictMarks[r.verdict]}</td><td><a href="#${anchor(r)}">${r.scenarioId}</a><br>${r.title}</td><td>${r.target}</td><td>${r.expected}</td><td>${r.verdict === 'skipped' ? `skipped: ${r.reason}` : r.observed}</td></tr>`)}
</tbody></table>
<h1>Evidence</h1>
${ordered.map(resultSection)}`}
</body></html>
`;
}

function resultSection(r: ScenarioResult): SafeHtml {
  return html`<details id="${anchor(r)}"${r.verdict === 'fail' || r.verdict === 'error' ? ' open' : ''}>
<summary><span class="v ${r.verdict}">${verdictMarks[r.verdict]}</span> <strong>${r.scenarioId}</strong>: ${r.title} @ ${r.target}</summary>
<dl>
<dt>reason</dt><dd>${r.reason}</dd>
<dt>why</dt><dd>${r.why}</dd>
<dt>faults</dt><dd>${r.faultSummaries.length ? r.faultSummaries.join('; ') : 'none (a clean login)'}</dd>
${r.faults.length ? html`<dt>fault parameters</dt><dd><pre class="faults">${JSON.stringify(maskSecrets(r.faults), null, 2)}</pre></dd>` : ''}
${spAnswerRows(r)}
<dt>connection</dt><dd>${r.connection ?? '-'} (provider ${r.provider ?? '-'}), user ${r.user ?? '-'}, ${r.driver} driver, ${r.durationMs} ms</dd>
<dt>refs</dt><dd>${r.refs.join(', ') || '-'}</dd>
</dl>
${r.steps.map((s) => html`<p>Step <strong>${s.action}</strong>: expected ${s.expect}, ${verdictMarks[s.verdict]}: ${s.observed}${s.probe ? ` (probe: row ${s.probe.row}, ${s.probe.status} at ${maskSecretsInText(s.probe.finalUrl)})` : ''}</p>`)}
${r.http.length ? html`<details><summary>HTTP steps (${r.http.length})</summary><table><tbody>${r.http.map((h) => html`<tr><td>${h.index + 1}</td><td>${h.cause}</td><td>${h.method} ${maskSecretsInText(h.url)}</td><td>${h.status}${h.location ? html`<br>→ ${maskSecretsInText(h.location)}` : ''}</td></tr>${h.form ? html`<tr><td></td><td colspan="3"><pre>${JSON.stringify(maskSecrets(h.form), null, 2)}</pre></td></tr>` : ''}`)}</tbody></table></details>` : ''}
${r.trace.length ? html`<details><summary>IdP trace (${r.trace.length} messages)</summary>${r.trace.map((t) => html`<details><summary>${t.direction} ${t.kind} ${t.binding ?? ''}: ${t.summary}</summary>${t.decoded ? html`<pre>${maskSecretsInText(t.decoded)}</pre>` : ''}${t.error ? html`<p>${t.error}</p>` : ''}</details>`)}</details>` : ''}
${r.screenshot ? html`<p>Screenshot</p><img alt="browser at the end of ${r.scenarioId}" src="data:image/png;base64,${r.screenshot}">` : ''}
</details>`;
}

/** The effective clock-skew allowance the timing scenarios measured, one row per target and field. */
function clockSkewSection(results: readonly ScenarioResult[]): SafeHtml | string {
  const allowances = clockSkewAllowances(results);
  if (allowances.length === 0) return '';
  return html`<h2>Clock skew the SP allows</h2>
<table class="clock-skew"><thead><tr><th>target</th><th>time</th><th>what the timing scenarios showed</th></tr></thead><tbody>
${allowances.map((a) => html`<tr><td>${a.target}</td><td>${a.protocol.toUpperCase()} ${a.field}</td><td class="${a.consistent ? '' : 'fail'}">${a.summary}</td></tr>`)}
</tbody></table>`;
}

/** The SP's answer at the ACS / callback and at the probe: what support reads first. */
function spAnswerRows(r: ScenarioResult): SafeHtml {
  const { acs, probe } = spAnswers(r.http);
  const row = (label: string, h: HttpStep | undefined) =>
    h
      ? html`<dt>${label}</dt><dd class="sp-answer"><div>${h.method} ${maskSecretsInText(h.url)}</div>
<div>status ${h.status}${h.location ? html` · Location ${maskSecretsInText(h.location)}` : ''} · content type ${h.contentType ?? '-'}</div>
${h.bodyExcerpt ? html`<pre>${maskSecretsInText(h.bodyExcerpt)}</pre>` : ''}</dd>`
      : '';
  return html`${row('SP answer at the ACS / callback', acs)}${row('SP answer at the probe', probe)}`;
}

function rank(r: ScenarioResult): number {
  return { error: 0, fail: 1, pass: 2, skipped: 3 }[r.verdict];
}

function anchor(r: ScenarioResult): string {
  return `r-${r.key.replace(/[^a-zA-Z0-9-]+/g, '-')}`;
}
