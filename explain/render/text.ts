import type { Check, Explanation } from '../types.ts';
import { statusMarks } from './marks.ts';

/**
 * The explanation as plain text for a terminal: the context, then each message with its
 * checks (problems and warnings in full, ok checks on one line), the flow of a HAR, and
 * a summary line.
 */
export function renderText(
  explanation: Explanation,
  options: { verbose?: boolean; reproducing?: boolean } = {},
): string {
  const lines: string[] = [];
  const e = explanation;
  lines.push(
    `sso-harness explain${e.input.name ? `: ${e.input.name}` : ''} (${e.input.kind}, ${e.input.bytes} bytes)${e.masked ? ', personal data masked' : ''}`,
  );
  lines.push(
    `Capture time ${e.captureTime} (${captureSource[e.captureTimeSource]}), clock skew ${e.clockSkewSeconds} s`,
  );
  if (e.context.sp) {
    const sp = e.context.sp;
    lines.push(
      `SP:  ${sp.source}${sp.entityId ? `, entityID ${sp.entityId}` : ''}${sp.acsUrls.length ? `, ACS ${sp.acsUrls.join(' ')}` : ''}${sp.clientId ? `, client_id ${sp.clientId}` : ''}`,
    );
  } else {
    lines.push(
      'SP:  no settings given (--sp-metadata, --target): audience, ACS and formats are not compared',
    );
  }
  if (e.context.idp) {
    const idp = e.context.idp;
    lines.push(
      `IdP: ${idp.source}${idp.entityId ? `, ${idp.entityId}` : ''}${idp.persona ? ` (${idp.persona})` : ''}${idp.certificates.length ? `, ${idp.certificates.length} signing certificate(s)` : ''}${idp.jwksKids.length ? `, keys ${idp.jwksKids.join(' ')}` : ''}`,
    );
  } else {
    lines.push(
      'IdP: no settings given (--idp-metadata, --discovery, --target): signatures are checked only against the certificate they carry',
    );
  }
  for (const note of e.context.notes) lines.push(`Note: ${note}`);
  const input = e.checks.filter((c) => c.message === undefined);
  if (input.length) {
    lines.push('', 'Input');
    for (const check of input) lines.push(...checkLines(check, true));
  }
  for (const message of e.messages) {
    lines.push(
      '',
      `#${message.index + 1} ${message.summary}${message.at ? ` at ${message.at}` : ''}${message.persona ? ` [${message.persona}]` : ''}`,
    );
    for (const check of e.checks.filter((c) => c.message === message.index)) {
      lines.push(...checkLines(check, options.verbose === true || check.status !== 'ok'));
    }
  }
  if (e.flow.length) {
    lines.push('', 'Flow');
    for (const step of e.flow) {
      const carried = step.messages.length ? `  [${step.messages.map((m) => `#${m + 1}`).join(', ')}]` : '';
      lines.push(
        `  ${String(step.index + 1).padStart(2)} ${step.method} ${cut(step.url)} → ${step.status ?? '?'}${step.location ? ` ${cut(step.location)}` : ''}${carried}`,
      );
    }
  }
  if (e.reproduction?.scenario) {
    const faults = e.reproduction.scenario.faults.map((f) => f.fault).join(', ');
    lines.push(
      '',
      options.reproducing
        ? `Reproducing with: ${faults}`
        : `Reproduce with: ${faults}  (sso-harness explain FILE --reproduce --target T)`,
    );
  }
  lines.push('', summaryLine(e));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(e: Explanation): string {
  if (e.outcome === 'unreadable')
    return `✗ unreadable input: ${e.summary.problem} problem${e.summary.problem === 1 ? '' : 's'}`;
  return `${e.summary.problem} problem${e.summary.problem === 1 ? '' : 's'}, ${e.summary.warning} warning${e.summary.warning === 1 ? '' : 's'}, ${e.summary.ok} ok`;
}

const captureSource: Record<Explanation['captureTimeSource'], string> = {
  given: 'given',
  har: 'from the capture',
  message: "from the message's IssueInstant / iat",
  now: 'now: the input carries no time',
};

function checkLines(check: Check, full: boolean): string[] {
  const head = `  ${statusMarks[check.status]} ${check.id.padEnd(34)} ${check.text}`;
  if (!full) return [head];
  const out = [head];
  const pad = '        ';
  if (check.where) out.push(`${pad}where:    ${check.where}`);
  if (check.expected !== undefined) out.push(`${pad}expected: ${check.expected}`);
  if (check.actual !== undefined) out.push(`${pad}actual:   ${check.actual}`);
  if (check.spec && check.status !== 'ok') out.push(`${pad}spec:     ${check.spec}`);
  if (check.fix && check.status !== 'ok') {
    out.push(`${pad}fix (${check.fix.side === 'idp' ? 'IdP' : 'SP'}): ${check.fix.text}`);
    if (check.fix.setting) out.push(`${pad}          ${check.fix.setting}`);
  }
  return out;
}

function cut(url: string): string {
  return url.length > 110 ? `${url.slice(0, 107)}…` : url;
}
