import { writeFileAtomic } from '../../lib/fs.ts';
import { escapeHtml, html, type SafeHtml } from '../../lib/html.ts';
import { maskSecrets, maskSecretsInText } from '../../lib/mask.ts';
import { clockSkewAllowances } from '../timing/allowance.ts';
import type { HttpStep, RunRecord, ScenarioResult } from '../types.ts';
import { markOf, markOfVerdict, verdictMarks } from './list.ts';
import { anchorOf, type Baselines, cleanLoginFor, messageChanges } from './message-changes.ts';
import { spAnswers } from './sp-answers.ts';
import type { Reporter } from './types.ts';

/**
 * One self-contained HTML file (no scripts, no external assets, a CSP that forbids both)
 * that a support engineer can attach to a ticket: the summary, then each result with its
 * evidence: fault parameters, what the faults changed against a clean login, the SP's
 * answers, the screenshot. Everything from outside (SP bodies, messages) is escaped text.
 * Secrets masked.
 */
export function htmlReporter(path: string): Reporter {
  return {
    name: 'html',
    async onEnd(record: RunRecord) {
      await writeFileAtomic(path, renderHtmlReport(record));
    },
  };
}

export interface HtmlReportOptions {
  /** Clean logins to diff faulted results against, by result key; else the run's own clean results. */
  baselines?: Baselines | undefined;
}

export function renderHtmlReport(record: RunRecord, options: HtmlReportOptions = {}): string {
  const s = record.summary;
  const ordered = [...record.results].sort((a, b) => rank(a) - rank(b));
  const reproductions = record.results.length > 0 && record.results.every((r) => r.reproduction);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>sso-harness run ${escapeHtml(record.id)}</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.45;margin:0 auto;max-width:72rem;padding:1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:0}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
.v{font-weight:600;white-space:nowrap}.pass{color:#1b6e2d}.fail{color:#b3261e}.error{color:#7a3e9d}.skipped{color:#666}
details{border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}summary{cursor:pointer}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5rem;font-size:.8rem;max-height:30rem;overflow:auto}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
img{max-width:100%;border:1px solid #ccc}.small{font-size:.85rem}
.diff{margin:.4rem 0}.diff figcaption{font-weight:600;font-size:.85rem}.diff pre{max-height:none}
span.add{background:#d7f5dd;color:#0b4f1c}span.del{background:#fbdcdc;color:#7d1410}.diff span{display:inline-block;width:100%}
p span.add,p span.del{padding:0 .3rem}.fold{color:#666;font-style:italic}
.cookies code{background:#eee;padding:0 .2rem;margin-right:.3rem}
</style></head><body>
${html`<h1>sso-harness run ${record.id}</h1>
<p>${record.startedAt} · ${record.options.driver} driver · targets ${record.options.targets.join(', ')} · status ${record.status}</p>
${
  reproductions
    ? html`<p><strong>${s.total}</strong> reproduction${s.total === 1 ? '' : 's'}: <span class="pass">${markOfVerdict('pass', true)} ${s.passed}</span>,
<span class="fail">${markOfVerdict('fail', true)} ${s.failed}</span>, <span class="error">${markOfVerdict('error', true)} ${s.errored + s.skipped}</span>
in ${(s.durationMs / 1000).toFixed(1)} s</p>`
    : html`<p><strong>${s.total}</strong> scenarios: <span class="pass">${verdictMarks.pass} ${s.passed}</span>,
<span class="fail">${verdictMarks.fail} ${s.failed}</span>, <span class="error">${verdictMarks.error} ${s.errored}</span>,
<span class="skipped">${verdictMarks.skipped} ${s.skipped}</span> in ${(s.durationMs / 1000).toFixed(1)} s</p>`
}
${(record.calibrations ?? []).map((c) => html`<p class="${c.ok ? 'pass' : 'error'}">Calibration of ${c.targetId}: ${c.ok ? c.summary : html`${c.summary}. ${c.hint ?? ''}`}</p>`)}
${clockSkewSection(record.results)}
<table><thead><tr><th>verdict</th><th>scenario</th><th>target</th><th>expected</th><th>observed</th></tr></thead><tbody>
${ordered.map((r) => html`<tr><td class="v ${r.verdict}">${markOf(r)}</td><td><a href="#${anchorOf(r)}">${r.scenarioId}</a><br>${r.title}</td><td>${r.target}</td><td>${r.expected}</td><td>${r.verdict === 'skipped' ? `skipped: ${r.reason}` : r.observed}</td></tr>`)}
</tbody></table>
<h1>Evidence</h1>
${ordered.map((r) => resultSection(r, cleanLoginFor(r, record, options.baselines)))}`}
</body></html>
`;
}

function resultSection(r: ScenarioResult, clean: ScenarioResult | undefined): SafeHtml {
  return html`<details id="${anchorOf(r)}"${r.verdict === 'fail' || r.verdict === 'error' ? ' open' : ''}>
<summary><span class="v ${r.verdict}">${markOf(r)}</span> <strong>${r.scenarioId}</strong>: ${r.title} @ ${r.target}</summary>
<dl>
${r.reproduction ? html`<dt>reproduction</dt><dd class="reproduction">${r.reproduction.line}</dd>` : ''}
<dt>reason</dt><dd>${r.reason}</dd>
<dt>why</dt><dd>${r.why}</dd>
<dt>faults</dt><dd>${r.faultSummaries.length ? r.faultSummaries.join('; ') : 'none (a clean login)'}</dd>
${r.faults.length ? html`<dt>fault parameters</dt><dd><pre class="faults">${JSON.stringify(maskSecrets(r.faults), null, 2)}</pre></dd>` : ''}
${messageChanges(r, clean)}
${spAnswerRows(r)}
<dt>connection</dt><dd>${r.connection ?? '-'} (provider ${r.provider ?? '-'}), user ${r.user ?? '-'}, ${r.driver} driver, ${r.durationMs} ms</dd>
<dt>refs</dt><dd>${r.refs.join(', ') || '-'}</dd>
</dl>
${r.steps.map((s) => html`<p>Step <strong>${s.action}</strong>: expected ${s.expect}, ${markOfVerdict(s.verdict, r.reproduction !== undefined)}: ${s.observed}${s.probe ? ` (probe: row ${s.probe.row}, ${s.probe.status} at ${maskSecretsInText(s.probe.finalUrl)})` : ''}</p>`)}
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
<div class="cookies">Set-Cookie: ${h.setCookies?.length ? h.setCookies.map((name) => html`<code>${name}</code>`) : 'none'}</div>
${answerText(h)}</dd>`
      : '';
  return html`${row('SP answer at the ACS / callback', acs)}${row('SP answer at the probe', probe)}`;
}

/** The SP's page as text (first 16 KB), else its raw start; always escaped, never markup. */
function answerText(h: HttpStep): SafeHtml {
  if (h.bodyText)
    return html`<pre class="page-text" title="the SP's answer as text">${maskSecretsInText(h.bodyText)}</pre>`;
  if (h.bodyExcerpt)
    return html`<pre class="raw" title="the start of the SP's answer">${maskSecretsInText(h.bodyExcerpt)}</pre>`;
  return html``;
}

function rank(r: ScenarioResult): number {
  return { error: 0, fail: 1, pass: 2, skipped: 3 }[r.verdict];
}
