import { createSign, type KeyObject } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { html, page } from '../../../lib/html.ts';
import { AUTO_POST_SCRIPT_PATH } from '../../http/auto-post.ts';
import { httpUrl } from '../../http/urls.ts';
import { signatureAlgorithm } from '../algorithms.ts';
import type { MessageParam } from './incoming.ts';

/**
 * The HTTP-POST binding: a page with one form that posts the message to the SP. The
 * harness's static auto-post script submits it at once; without JavaScript the visible
 * button does. The action must be an http(s) URL (`URL_SCHEME_REFUSED` otherwise). With `times` > 1 (a
 * replay), the script first posts the same fields `times - 1` times in the background;
 * the form says how many posts were asked for in `data-posts`, for HTTP drivers.
 */
export function autoPostPage(input: {
  action: string;
  fields: Record<string, string | undefined>;
  title: string;
  times?: number;
}): string {
  httpUrl(input.action, 'the address the form posts to');
  const times = Math.max(1, Math.floor(input.times ?? 1));
  const fields = Object.entries(input.fields).flatMap(([name, value]) =>
    value === undefined ? [] : [html`<input type="hidden" name="${name}" value="${value}">`],
  );
  return page(
    input.title,
    html`<main>
<p>${input.title}: sending to <code>${input.action}</code>...</p>
<form method="post" action="${input.action}" id="saml-post" data-auto-post data-posts="${times}">
${fields}
<noscript><p>JavaScript is off: press the button to continue.</p><button type="submit">Continue</button></noscript>
</form>
</main>`,
    { scripts: [AUTO_POST_SCRIPT_PATH] },
  );
}

/** Key and algorithm for the detached signature of the HTTP-Redirect binding. */
export interface RedirectSigning {
  privateKey: KeyObject;
  algorithm: string;
}

/** The HTTP-Redirect binding: deflate, base64, URL-encode; optionally sign the query. */
export function redirectUrl(input: {
  endpoint: string;
  param: MessageParam;
  xml: string;
  relayState?: string | undefined;
  signing?: RedirectSigning | undefined;
}): string {
  const encode = (value: string) => encodeURIComponent(value);
  let query = `${input.param}=${encode(deflateRawSync(Buffer.from(input.xml, 'utf8')).toString('base64'))}`;
  if (input.relayState !== undefined) query += `&RelayState=${encode(input.relayState)}`;
  if (input.signing) {
    const algorithm = signatureAlgorithm(input.signing.algorithm);
    query += `&SigAlg=${encode(algorithm.uri)}`;
    const signature = createSign(`RSA-${algorithm.hash.toUpperCase()}`)
      .update(query)
      .sign(input.signing.privateKey);
    query += `&Signature=${encode(signature.toString('base64'))}`;
  }
  return `${input.endpoint}${input.endpoint.includes('?') ? '&' : '?'}${query}`;
}
