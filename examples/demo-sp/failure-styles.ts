import type { Context } from 'koa';
import { escapeHtml } from '../../lib/html.ts';
import type { LoginRefused } from './errors.ts';

/**
 * How real SPs answer when there is no session: each style changes the answer to a refused
 * login (at the ACS or callback) and to a page that needs a session (`/me`) without one.
 * They exist to prove the harness's verdicts do not depend on how an SP fails.
 */
export const failureStyles = {
  plain: 'the demo default: a 4xx refusal page; /me answers 401 with {"user":null}',
  'status-500': 'a refused login answers 500; /me without a session answers 500',
  'error-page-200':
    'a refused login answers 200 with an error page; /me without a session answers 200 with an error',
  'redirect-to-idp':
    "/me without a session redirects to the first connection's login, which sends the browser to the IdP",
  'status-401-page': '/me without a session answers 401 with an HTML sign-in page',
  'login-page':
    "/me without a session redirects to the SP's own sign-in page, which lists every user's email",
  'identity-other-case': "/me without a session answers 200 and lists every user's email in capitals",
} as const;

export type FailureStyle = keyof typeof failureStyles;

/** Reads a failure style name; throws listing the known ones. */
export function parseFailureStyle(name: string | undefined): FailureStyle {
  if (name === undefined || name === '') return 'plain';
  if (Object.hasOwn(failureStyles, name)) return name as FailureStyle;
  throw new Error(`unknown failure style "${name}"; known: ${Object.keys(failureStyles).join(', ')}`);
}

/** Answers a refused login in this style; false when the demo's own refusal answer applies. */
export function answerRefusal(style: FailureStyle, ctx: Context, refusal: LoginRefused): boolean {
  if (style === 'status-500') {
    ctx.status = 500;
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Server error</title><h1>Something went wrong</h1><p>${escapeHtml(refusal.reason)}</p>`;
    return true;
  }
  if (style === 'error-page-200') {
    ctx.status = 200;
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Sign-in failed</title><h1>We could not sign you in</h1><p>${escapeHtml(refusal.message)}</p>`;
    return true;
  }
  return false;
}

/**
 * Answers a page that needs a session, without one, in this style; false when the
 * page's own answer applies. `emails` are the SP's users, `firstLogin` its first login URL.
 */
export function answerNoSession(
  style: FailureStyle,
  ctx: Context,
  sp: { emails: () => string[]; firstLogin: () => string | undefined },
): boolean {
  ctx.set('Cache-Control', 'no-store');
  switch (style) {
    case 'plain':
      return false;
    case 'status-500':
      ctx.status = 500;
      ctx.body = 'Internal Server Error';
      return true;
    case 'error-page-200':
      ctx.status = 200;
      ctx.body = { user: null, error: 'not signed in' };
      return true;
    case 'redirect-to-idp': {
      const login = sp.firstLogin();
      if (!login) return false;
      ctx.redirect(login);
      return true;
    }
    case 'status-401-page':
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'FormBased');
      ctx.type = 'html';
      ctx.body = '<!doctype html><title>Sign in</title><h1>Please sign in</h1><a href="/login">Sign in</a>';
      return true;
    case 'login-page':
      ctx.redirect('/signin');
      return true;
    case 'identity-other-case':
      ctx.status = 200;
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Signed out</title><h1>Signed out</h1><ul>${sp
        .emails()
        .map((e) => `<li>${escapeHtml(e.toUpperCase())}</li>`)
        .join('')}</ul>`;
      return true;
  }
}

/** The SP's own sign-in page of the `login-page` style: every user's email, as some SPs list accounts. */
export function signInPage(emails: readonly string[]): string {
  return `<!doctype html><title>Sign in</title><h1>Sign in</h1><p>Choose your account:</p><ul>${emails
    .map((e) => `<li><a href="/login?email=${encodeURIComponent(e)}">${escapeHtml(e)}</a></li>`)
    .join('')}</ul>`;
}
