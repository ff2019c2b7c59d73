import type { Context } from 'koa';

/**
 * Whether the caller reads JSON rather than a page: the API; a fetch() or XHR from a page
 * (`Sec-Fetch-Dest: empty`, `X-Requested-With: XMLHttpRequest`); or an Accept header that
 * prefers JSON to HTML (`application/json`; axios's `application/json, text/plain` and any type).
 * A browser's navigation (`Accept: text/html,…`, `Sec-Fetch-Dest: document`) and an Accept of
 * any type alone (curl, Node's fetch) get HTML.
 */
export function wantsJson(ctx: Context): boolean {
  // The answer differs by these headers: no cache may give a page's answer to a fetch.
  ctx.vary('Accept');
  ctx.vary('Sec-Fetch-Dest');
  ctx.vary('X-Requested-With');
  if (ctx.path.startsWith('/api/')) return true;
  if (ctx.get('sec-fetch-dest') === 'empty') return true;
  if (ctx.get('x-requested-with').toLowerCase() === 'xmlhttprequest') return true;
  return ctx.accepts('html', 'json') === 'json';
}
