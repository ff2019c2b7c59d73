import { escapeHtml, html, type SafeHtml } from '../../lib/html.ts';
import type { Check, Explanation } from '../types.ts';
import { statusMarks } from './marks.ts';
import { summaryLine } from './text.ts';

/**
 * One self-contained HTML page (no scripts, no external assets) with the explanation:
 * for a support ticket. Masking, when asked for, happened before this sees anything.
 */
export function renderHtml(explanation: Explanation): string {
  const e = explanation;
  const title = `sso-harness explain${e.input.name ? `: ${e.input.name}` : ''}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.45;margin:0 auto;max-width:72rem;padding:1rem;color:#1d1d1f}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}ul.checks{list-style:none;padding:0;margin:0}
li.check{border-left:4px solid #ccc;padding:.3rem .7rem;margin:.4rem 0;background:#fafafa}
li.problem{border-color:#b3261e;background:#fdf1f0}li.warning{border-color:#b26a00;background:#fff7e6}li.ok{border-color:#1b6e2d}
.mark{font-weight:700;margin-right:.4rem}.problem .mark{color:#b3261e}.warning .mark{color:#b26a00}.ok .mark{color:#1b6e2d}
code,.id{font-family:ui-monospace,monospace;font-size:.85em}.id{color:#555;margin-right:.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.3rem 0 0}dt{font-weight:600;color:#555}dd{margin:0;word-break:break-all}
pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5rem;font-size:.8rem;max-height:30rem;overflow:auto}
details{margin:.4rem 0}table{border-collapse:collapse}td{padding:.15rem .5rem;border-bottom:1px solid #eee;font-size:.85rem;vertical-align:top;word-break:break-all}
.summary{font-size:1.1rem;font-weight:600}
</style></head><body>
${body(e, title).value}
</body></html>
`;
}

function body(e: Explanation, title: string): SafeHtml {
  const input = e.checks.filter((c) => c.message === undefined);
  return html`<h1>${title}</h1>
<p class="summary">${summaryLine(e)}</p>
<p>${e.input.kind}, ${e.input.bytes} bytes${e.masked ? ', personal data masked' : ''}. Capture time ${e.captureTime} (${e.captureTimeSource}), clock skew ${e.clockSkewSeconds} s.</p>
<dl>
<dt>SP</dt><dd>${e.context.sp ? `${e.context.sp.source}${e.context.sp.entityId ? `, entityID ${e.context.sp.entityId}` : ''}${e.context.sp.acsUrls.length ? `, ACS ${e.context.sp.acsUrls.join(' ')}` : ''}${e.context.sp.clientId ? `, client_id ${e.context.sp.clientId}` : ''}` : 'no settings given'}</dd>
<dt>IdP</dt><dd>${e.context.idp ? `${e.context.idp.source}${e.context.idp.entityId ? `, ${e.context.idp.entityId}` : ''}${e.context.idp.certificates.map((c) => `; certificate ${c.subject} SHA-256 ${c.fingerprintSha256}`).join('')}` : 'no settings given'}</dd>
</dl>
${input.length ? html`<h2>Input</h2>${checkLists(input)}` : ''}
${e.messages.map(
  (m) => html`<h2>#${m.index + 1} ${m.summary}</h2>
<p>${m.kind}${m.at ? ` at ${m.at}` : ''}${m.persona ? `, IdP looks like ${m.persona}` : ''}</p>
${checkLists(e.checks.filter((c) => c.message === m.index))}
${m.decoded ? html`<details><summary>The message, decoded</summary><pre>${m.decoded}</pre></details>` : ''}`,
)}
${e.flow.length ? html`<h2>Flow</h2><table>${e.flow.map((s) => html`<tr><td>${s.index + 1}</td><td>${s.method}</td><td>${s.url}</td><td>${s.status ?? ''}</td><td>${s.location ?? ''}</td><td>${s.messages.map((m) => `#${m + 1}`).join(' ')}</td></tr>`)}</table>` : ''}
${e.reproduction?.scenario ? html`<h2>Reproduction</h2><p>The harness commits the same defects with these faults (run with <code>--reproduce --target T</code>):</p><pre>${JSON.stringify(e.reproduction.scenario, null, 2)}</pre>` : ''}`;
}

/** Problems and warnings first and in full; ok checks folded, so the findings stand out. */
function checkLists(checks: Check[]): SafeHtml {
  const findings = checks
    .filter((c) => c.status === 'problem')
    .concat(checks.filter((c) => c.status === 'warning'));
  const ok = checks.filter((c) => c.status === 'ok');
  return html`${findings.length ? html`<ul class="checks">${findings.map(checkItem)}</ul>` : ''}
${ok.length ? html`<details><summary>${statusMarks.ok} ${ok.length} ok check${ok.length === 1 ? '' : 's'}</summary><ul class="checks">${ok.map(checkItem)}</ul></details>` : ''}`;
}

function checkItem(c: Check): SafeHtml {
  return html`<li class="check ${c.status}"><span class="mark">${statusMarks[c.status]}</span><span class="id">${c.id}</span>${c.text}
${
  c.status !== 'ok' || c.expected !== undefined || c.actual !== undefined
    ? html`<dl>
${c.where ? html`<dt>where</dt><dd>${c.where}</dd>` : ''}
${c.expected !== undefined ? html`<dt>expected</dt><dd>${c.expected}</dd>` : ''}
${c.actual !== undefined ? html`<dt>actual</dt><dd>${c.actual}</dd>` : ''}
${c.spec && c.status !== 'ok' ? html`<dt>spec</dt><dd>${c.spec}</dd>` : ''}
${c.fix && c.status !== 'ok' ? html`<dt>fix (${c.fix.side === 'idp' ? 'IdP' : 'SP'})</dt><dd>${c.fix.text}${c.fix.setting ? html`<br><em>${c.fix.setting}</em>` : ''}</dd>` : ''}
</dl>`
    : ''
}</li>`;
}
