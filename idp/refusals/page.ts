import { randomUUID } from 'node:crypto';
import type { Context } from 'koa';
import type { PersonaName } from '../../config/schema.ts';
import { html, page } from '../../lib/html.ts';
import { wantsJson } from '../http/wants-json.ts';
import { personas } from '../personas/index.ts';
import { type RefusalKind, refusalStyles } from '../personas/refusals.ts';
import type { Trace, TraceEntry } from '../trace.ts';
import { nearMiss } from './near-miss.ts';

/** An SP's sign-in request the IdP refuses before anyone signs in. */
export interface Refusal {
  persona: PersonaName;
  kind: RefusalKind;
  protocol: 'saml' | 'oidc';
  providerId: string;
  providerName: string;
  flowId: string | undefined;
  /** The harness's own code for it (an IdpError code or the OAuth error). */
  harnessCode: string;
  /** What was wrong, naming the values (one sentence). */
  reason: string;
  /** What to change, when the harness knows. */
  hint: string | undefined;
  /** The value the request sent and the registered ones, to point out a near miss. */
  sent?: { value: string; registered: readonly string[]; what: string } | undefined;
}

/** The JSON a caller that reads JSON gets for a refusal (`error.detail` of the usual error body). */
export interface RefusalJson {
  error: {
    /** The harness's code (UNKNOWN_SP, ACS_NOT_REGISTERED, invalid_client, invalid_redirect_uri). */
    code: string;
    /** The reason, naming the values, with the near miss when there is one. */
    message: string;
    hint: string | undefined;
    detail: {
      refusal: RefusalKind;
      persona: PersonaName;
      /** The persona's own code (AADSTS50011, E0000007, MSIS7007) and the status its page has. */
      personaCode: string;
      status: number;
      /** Values that differ only in letter case or a trailing slash, said in a sentence. */
      nearMiss: string | undefined;
      provider: string;
      reference: string;
    };
  };
}

/**
 * Answers a refused request the way the caller reads it: a browser gets the persona's
 * error page (its status, code and gist, with the harness's precise reason under it), a
 * JSON caller (`wantsJson`: Accept, fetch/XHR) the same facts as `RefusalJson`. Either way
 * it records a `refusal` trace entry whose `error` is the full reason: the runner quotes
 * it as "the IdP refused the SP's request".
 */
export function answerRefusal(ctx: Context, trace: Trace, refusal: Refusal): TraceEntry {
  const style = refusalStyles[refusal.persona];
  const look = style.looks[refusal.kind];
  const near = refusal.sent && nearMiss(refusal.sent.value, refusal.sent.registered, refusal.sent.what);
  const reason = near ? `${refusal.reason}; ${near}` : refusal.reason;
  const code = look.code === refusal.harnessCode ? look.code : `${look.code} (${refusal.harnessCode})`;
  const entry = trace.record({
    provider: refusal.providerId,
    flowId: refusal.flowId,
    protocol: refusal.protocol,
    direction: 'note',
    binding: undefined,
    kind: 'refusal',
    summary: `${look.status} ${code}: ${reason}`,
    method: ctx.method,
    url: ctx.url,
    error: `${look.code}: ${reason}`,
  });
  const reference = randomUUID();
  ctx.status = look.status;
  if (wantsJson(ctx)) {
    const body: RefusalJson = {
      error: {
        code: refusal.harnessCode,
        message: reason,
        hint: refusal.hint,
        detail: {
          refusal: refusal.kind,
          persona: refusal.persona,
          personaCode: look.code,
          status: look.status,
          nearMiss: near,
          provider: refusal.providerId,
          reference,
        },
      },
    };
    ctx.body = body;
    return entry;
  }
  ctx.type = 'html';
  ctx.body = page(
    `${style.brand}: ${look.code}`,
    html`<p class="note">${style.brand} · ${refusal.providerName}</p>
<h1>${look.headline}</h1>
<div class="error" role="alert" data-refusal="${refusal.kind}"><p><strong>${style.codeLabel}${style.statusInLabel ? ` ${look.status}` : ''}: <code>${look.code}</code></strong></p><p>${look.says}</p></div>
<h2>Why sso-harness refused it</h2>
<p>${refusal.reason}</p>${near ? html`<p><strong>${near}</strong></p>` : ''}${refusal.hint ? html`<p>${refusal.hint}</p>` : ''}
<p class="note">${style.reference}: ${reference}. Harness code <code>${refusal.harnessCode}</code> (HTTP ${look.status}). This page imitates ${personas[refusal.persona].title}'s error page; sso-harness is a test identity provider.</p>`,
    { status: 'error' },
  );
  return entry;
}
