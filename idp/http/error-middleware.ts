import type { Context, Middleware, Next } from 'koa';
import { HarnessError } from '../../lib/errors.ts';
import { html, page } from '../../lib/html.ts';
import { IdpError } from '../errors.ts';
import type { Trace } from '../trace.ts';
import { wantsJson } from './wants-json.ts';

export interface HarnessState {
  /** Provider the request is for, once the dispatcher knows it. */
  providerId?: string;
  /** Flow the request belongs to, when the flow cookie or a request ID names one. */
  flowId?: string;
  [key: string]: unknown;
}

/**
 * The one error handler: handlers throw, this answers. Client errors get their message
 * (HTML for browsers, JSON for the API), server errors a generic message; both are
 * recorded in the trace, and the server keeps serving.
 */
export function errorMiddleware(trace: Trace, log: (line: string) => void): Middleware {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new IdpError('NOT_FOUND', 404, `nothing is served at ${ctx.method} ${ctx.path}`, {
          hint: 'Provider endpoints live under /saml/<provider>/ and /oidc/<provider>/.',
        });
      }
    } catch (thrown) {
      const error = toHarnessError(thrown);
      if (!error.expose || error.status >= 500)
        log(`error: ${ctx.method} ${ctx.url}: ${(thrown as Error)?.stack ?? String(thrown)}`);
      const state = ctx.state as HarnessState;
      trace.record({
        provider: state.providerId,
        flowId: state.flowId,
        protocol: ctx.path.startsWith('/oidc/') ? 'oidc' : ctx.path.startsWith('/saml/') ? 'saml' : 'http',
        direction: 'note',
        binding: undefined,
        kind: 'error',
        summary: `${error.status} ${error.code}: ${error.expose ? error.message : 'internal error'}`,
        method: ctx.method,
        url: ctx.url,
        error: error.message,
      });
      ctx.status = error.status;
      const message = error.expose
        ? error.message
        : 'The harness failed while handling this request; see its log.';
      const hint = error instanceof IdpError ? error.hint : undefined;
      if (wantsJson(ctx)) {
        ctx.body = {
          error: { code: error.code, message, hint, detail: error.expose ? error.detail : undefined },
        };
      } else {
        ctx.type = 'html';
        ctx.body = page(
          `Error: ${error.code}`,
          html`<h1>${error.status < 500 ? 'The request was refused' : 'Something broke in the harness'}</h1>
<div class="error" role="alert"><p><strong>${message}</strong></p>${hint ? html`<p>${hint}</p>` : ''}</div>
<p class="note">Error code <code>${error.code}</code> (HTTP ${error.status}). sso-harness is a test identity provider.</p>`,
          { status: 'error' },
        );
      }
    }
  };
}

function toHarnessError(thrown: unknown): HarnessError {
  if (thrown instanceof HarnessError) return thrown;
  const status = (thrown as { status?: unknown })?.status;
  const expose = (thrown as { expose?: unknown })?.expose;
  if (typeof status === 'number' && status >= 400 && status < 500 && expose !== false) {
    return new IdpError('BAD_REQUEST', status, (thrown as Error).message || 'bad request', { cause: thrown });
  }
  return new IdpError('INTERNAL', 500, (thrown as Error)?.message ?? String(thrown), { cause: thrown });
}
