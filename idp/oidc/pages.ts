import type { Context } from 'koa';
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { html, page, type SafeHtml } from '../../lib/html.ts';
import { AUTO_POST_SCRIPT_PATH } from '../http/auto-post.ts';
import { httpUrl } from '../http/urls.ts';
import { answerRefusal } from '../refusals/page.ts';
import { type OidcRuntimeBase, requestState } from './runtime.ts';

/**
 * The library's errors, rendered readably: what was wrong, what to do about it, and the
 * OAuth error code. Used for errors that cannot go back to the client (unknown client,
 * unregistered redirect_uri, malformed request).
 */
export function errorPage(runtime: OidcRuntimeBase) {
  return async (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error): Promise<void> => {
    if (refusedRequest(runtime, ctx, out, error)) return;
    const status = Math.max(ctx.status, 400);
    ctx.status = status;
    ctx.type = 'html';
    const detail = (error as { error_detail?: string }).error_detail;
    const description = [out.error_description ?? error.message, detail].filter(Boolean).join(': ');
    const hint = hintFor(runtime, ctx, out);
    ctx.body = page(
      `Error: ${out.error}`,
      html`<h1>${status < 500 ? 'The sign-in request was refused' : 'Something broke in the identity provider'}</h1>
<div class="error" role="alert"><p><strong>${description}</strong></p>${hint ? html`<p>${hint}</p>` : ''}</div>
<p class="note">OAuth error <code>${out.error}</code> (HTTP ${status}) from ${providerName(runtime)}${out.state ? html`, state <code>${out.state}</code>` : ''}. sso-harness is a test identity provider.</p>`,
      { status: 'error' },
    );
  };
}

/**
 * An unknown client_id or an unregistered redirect_uri at the authorization endpoint is
 * answered as the persona's IdP would (its error page); false for every other error.
 */
function refusedRequest(
  runtime: OidcRuntimeBase,
  ctx: KoaContextWithOIDC,
  out: ErrorOut,
  error: Error,
): boolean {
  const harness = ctx as unknown as Context;
  const kind =
    out.error === 'invalid_redirect_uri'
      ? 'redirect-uri-mismatch'
      : out.error === 'invalid_client'
        ? 'unknown-client'
        : undefined;
  if (!kind || requestState(harness).route !== 'authorization') return false;
  const detail = (error as { error_detail?: string }).error_detail;
  const description = [out.error_description ?? error.message, detail].filter(Boolean).join(': ');
  const clientId = ctx.oidc?.client?.clientId ?? ctx.oidc?.params?.client_id ?? harness.query.client_id;
  const client =
    typeof clientId === 'string' && Object.hasOwn(runtime.config.clients, clientId)
      ? runtime.config.clients[clientId]
      : undefined;
  const sentUri = ctx.oidc?.params?.redirect_uri ?? harness.query.redirect_uri;
  const sent =
    kind === 'redirect-uri-mismatch' && typeof sentUri === 'string' && client ? sentUri : undefined;
  answerRefusal(harness, runtime.context.trace, {
    persona: runtime.config.persona,
    kind,
    protocol: 'oidc',
    providerId: runtime.id,
    providerName: providerName(runtime),
    flowId: requestState(harness).flow?.id,
    harnessCode: out.error,
    reason:
      sent !== undefined
        ? `${description}: the request sent ${sent}; registered for client ${String(clientId)}: ${client!.redirectUris.join(', ') || '(none)'}`
        : description,
    hint: hintFor(runtime, ctx, out),
    sent:
      sent !== undefined
        ? { value: sent, registered: client!.redirectUris, what: 'redirect URI' }
        : undefined,
  });
  return true;
}

function hintFor(runtime: OidcRuntimeBase, ctx: KoaContextWithOIDC, out: ErrorOut): string | undefined {
  const clients = Object.keys(runtime.config.clients);
  const clientId = ctx.oidc?.client?.clientId ?? ctx.oidc?.params?.client_id;
  const client =
    typeof clientId === 'string' && Object.hasOwn(runtime.config.clients, clientId)
      ? runtime.config.clients[clientId]
      : undefined;
  const description = out.error_description ?? '';
  if (out.error === 'invalid_client') {
    const named = typeof clientId === 'string' && !client ? `There is no client "${clientId}" here. ` : '';
    return clients.length
      ? `${named}Clients of this provider: ${clients.join(', ')}.`
      : 'This provider has no clients: add one under providers.<id>.clients in the config.';
  }
  if (/post_logout_redirect_uri/.test(description) && client) {
    return `Post-logout redirect URIs registered for ${clientId}: ${client.postLogoutRedirectUris.join(', ') || '(none)'}.`;
  }
  if (/redirect_uri/.test(description) && client) {
    return `Redirect URIs registered for ${clientId}: ${client.redirectUris.join(', ')}.`;
  }
  if (/interaction|session|expired/i.test(description)) {
    return 'Start the sign-in again from the application.';
  }
  return undefined;
}

export function providerName(runtime: OidcRuntimeBase): string {
  return runtime.config.displayName ?? runtime.id;
}

/**
 * RP-initiated logout. A flow's logout is confirmed by itself (a form of hidden fields
 * that a browser posts, as form_post does); without a flow a person confirms it.
 */
export function logoutPage(runtime: OidcRuntimeBase) {
  return async (ctx: KoaContextWithOIDC): Promise<void> => {
    const action = ctx.oidc.urlFor('end_session_confirm');
    const secret = String(ctx.oidc.session?.state?.secret ?? '');
    ctx.type = 'html';
    if (requestState(ctx as unknown as Context).flow) {
      ctx.body = autoPostPage(action, { xsrf: secret, logout: 'yes' }, 'Signing out');
      return;
    }
    const client = ctx.oidc.client?.clientId;
    ctx.body = page(
      `Sign out: ${providerName(runtime)}`,
      html`<main><h1>Sign out of ${providerName(runtime)}?</h1>
${client ? html`<p>Requested by <code>${client}</code>.</p>` : ''}
<form method="post" action="${action}">
<input type="hidden" name="xsrf" value="${secret}">
<p><button type="submit" name="logout" value="yes">Sign out</button>
<button type="submit">Stay signed in</button></p>
</form></main>`,
    );
  };
}

export function signedOutPage(runtime: OidcRuntimeBase) {
  return async (ctx: KoaContextWithOIDC): Promise<void> => {
    ctx.type = 'html';
    ctx.body = page(
      `Signed out: ${providerName(runtime)}`,
      html`<main><h1>You are signed out of ${providerName(runtime)}</h1>
<p class="note">sso-harness is a test identity provider.</p></main>`,
    );
  };
}

/** A page that posts hidden fields to `action` by itself (form_post, logout confirmation). */
export function autoPostPage(action: string, fields: Record<string, string>, title = 'Submitting'): string {
  const inputs: SafeHtml[] = Object.entries(fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  httpUrl(action, 'the address the form posts to');
  return page(
    title,
    html`<form method="post" action="${action}" data-auto-post>
${inputs}
<noscript><p><button type="submit">Continue</button></p></noscript>
</form>`,
    { scripts: [AUTO_POST_SCRIPT_PATH] },
  );
}
