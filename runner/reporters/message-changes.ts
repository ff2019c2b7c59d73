import type { TraceEntry } from '../../idp/trace.ts';
import { html, type SafeHtml } from '../../lib/html.ts';
import { maskSecretsInText } from '../../lib/mask.ts';
import { diffLines, foldUnchanged, matchBaseline } from '../../lib/message-diff.ts';
import type { RunRecord, ScenarioResult } from '../types.ts';

/** Clean logins to compare faulted results with, by result key (e.g. those the UI already made). */
export type Baselines = ReadonlyMap<string, ScenarioResult>;

/**
 * The clean login a faulted result is compared with: the one given for its key, else a
 * result of the same run without faults that passed through the same target, connection
 * and protocol, preferring the one whose messages pair best with the result's.
 */
export function cleanLoginFor(
  result: ScenarioResult,
  record: RunRecord,
  given: Baselines | undefined,
): ScenarioResult | undefined {
  const provided = given?.get(result.key);
  if (provided) return provided;
  const candidates = record.results.filter(
    (c) =>
      c !== result &&
      c.faults.length === 0 &&
      c.verdict === 'pass' &&
      c.trace.length > 0 &&
      c.target === result.target &&
      c.connection === result.connection &&
      c.protocol === result.protocol,
  );
  let best: ScenarioResult | undefined;
  let bestPairs = 0;
  for (const candidate of candidates) {
    const pairs = matchBaseline(withDecoded(result.trace), withDecoded(candidate.trace)).size;
    if (pairs > bestPairs) {
      best = candidate;
      bestPairs = pairs;
    }
  }
  return best;
}

/**
 * "What the faults changed": each message the IdP sent with a fault, as a line diff against
 * the same message of the clean login, unchanged stretches folded. Every line is escaped text.
 */
export function messageChanges(result: ScenarioResult, clean: ScenarioResult | undefined): SafeHtml {
  if (!result.faults.length || !result.trace.length) return html``;
  if (!clean) {
    return html`<dt>what the faults changed</dt><dd class="diff-none">This run has no clean login through connection
${result.connection ?? '-'} to compare with (add a baseline scenario to the suite, or open the result in the UI);
the messages are in the IdP trace below as sent.</dd>`;
  }
  const pairs = matchBaseline(withDecoded(result.trace), withDecoded(clean.trace));
  const changed = result.trace.flatMap((entry) => {
    const before = pairs.get(entry.id)?.decoded;
    if (entry.decoded === undefined || before === undefined) return [];
    const lines = diffLines(maskSecretsInText(before), maskSecretsInText(entry.decoded));
    if (!lines) return [html`<p class="small">${entry.kind}: too large to compare.</p>`];
    if (!lines.some((l) => l.kind !== 'same')) return [];
    const parts = foldUnchanged(lines, 2);
    return [
      html`<figure class="diff"><figcaption>${entry.direction === 'in' ? '→ to the IdP' : '← from the IdP'} ${entry.kind}${entry.binding ? ` (${entry.binding})` : ''}</figcaption>
<pre>${parts.map((part) =>
        part.kind === 'fold'
          ? html`<span class="fold">  … ${part.to - part.from} unchanged line${part.to - part.from === 1 ? '' : 's'}</span>\n`
          : lines
              .slice(part.from, part.to)
              .map(
                (l) =>
                  html`<span class="${l.kind}">${l.kind === 'add' ? '+ ' : l.kind === 'del' ? '- ' : '  '}${l.text}</span>\n`,
              ),
      )}</pre></figure>`,
    ];
  });
  return html`<dt>what the faults changed</dt><dd class="diffs">
<p class="small">Against ${clean.scenarioId === result.scenarioId ? 'a clean login of the same user' : html`the clean login <a href="#${anchorOf(clean)}">${clean.scenarioId}</a>`}
(IDs, instants, signature values and nonces that differ in every login are not counted).
<span class="del">- clean login</span> <span class="add">+ with the faults</span></p>
${changed.length ? changed : html`<p>No difference in the decoded messages: the faults change how or where they were delivered (see the HTTP steps).</p>`}</dd>`;
}

/** The anchor of a result's section in the report. */
export function anchorOf(r: ScenarioResult): string {
  return `r-${r.key.replace(/[^a-zA-Z0-9-]+/g, '-')}`;
}

function withDecoded(trace: readonly TraceEntry[]): TraceEntry[] {
  return trace.filter((e) => e.decoded !== undefined);
}
