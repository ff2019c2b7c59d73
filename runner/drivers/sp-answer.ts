import { pageText } from '../identity.ts';

/** The most of an SP's answer kept as text on an HTTP step, in UTF-8 bytes (16 KB). */
export const BODY_TEXT_LIMIT = 16 * 1024;

/** The most of a raw body read to render its text: the text is cut at 16 KB anyway. */
const RAW_LIMIT = 512 * 1024;

/** What an HTTP step keeps of an answer from the SP's side (never the IdP's): cookie names and text. */
export interface SpAnswer {
  /** Names of the cookies the answer sets (Set-Cookie), in order; never their values. */
  setCookies?: string[] | undefined;
  /** The body as a reader sees it (HTML rendered to text), at most `BODY_TEXT_LIMIT` bytes. */
  bodyText?: string | undefined;
}

/** The cookie names of Set-Cookie header values (`name=value; Path=/` → `name`). */
export function cookieNames(setCookie: readonly string[]): string[] {
  const names: string[] = [];
  for (const header of setCookie) {
    const pair = header.split(';', 1)[0]!;
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? '' : pair.slice(0, eq)).trim();
    if (name) names.push(name);
  }
  return names;
}

/** An answer's body rendered as text (HTML → text), cut to `BODY_TEXT_LIMIT` bytes; undefined when blank. */
export function bodyText(body: string, contentType: string | undefined): string | undefined {
  const text = pageText({ body: body.slice(0, RAW_LIMIT), contentType }).trim();
  if (!text) return undefined;
  if (Buffer.byteLength(text) <= BODY_TEXT_LIMIT) return text;
  // encodeInto writes whole characters only, so the cut never splits one.
  const bytes = new Uint8Array(BODY_TEXT_LIMIT);
  const { written } = new TextEncoder().encodeInto(text, bytes);
  return new TextDecoder().decode(bytes.subarray(0, written));
}

/** The evidence an HTTP step keeps of an answer: only on the SP's side (`url` outside `idpOrigin`). */
export function spAnswer(
  url: string,
  idpOrigin: string | undefined,
  answer: { setCookie: readonly string[]; body: string | undefined; contentType: string | undefined },
): SpAnswer {
  if (idpOrigin !== undefined && new URL(url).origin === idpOrigin) return {};
  const names = cookieNames(answer.setCookie);
  return {
    setCookies: names.length ? names : undefined,
    bodyText: answer.body ? bodyText(answer.body, answer.contentType) : undefined,
  };
}
