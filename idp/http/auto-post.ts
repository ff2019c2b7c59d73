import type { Middleware } from 'koa';

/** Where the harness serves the script that submits its self-posting forms. */
export const AUTO_POST_SCRIPT_PATH = '/_harness/auto-post.js';

/**
 * Submits the page's `form[data-auto-post]` (SAML HTTP-POST binding, OIDC form_post,
 * logout confirmation). With `data-posts` > 1 (a replay) it first posts the same fields
 * that many times less one in the background. A static file, so the pages carry no
 * inline script and their Content-Security-Policy can forbid it.
 */
const script = `(async () => {
  const form = document.querySelector('form[data-auto-post]');
  if (!form) return;
  const replays = Number(form.dataset.posts || '1') - 1;
  for (let i = 0; i < replays; i++) {
    await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), mode: 'no-cors', credentials: 'include' }).catch(() => {});
  }
  form.submit();
})();
`;

/** Serves the auto-post script. */
export function autoPostScript(): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== AUTO_POST_SCRIPT_PATH) return next();
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = script;
  };
}
