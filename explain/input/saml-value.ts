import { inflateRawSync } from 'node:zlib';
import { explainDefaults } from '../defaults.ts';
import { Unreadable } from './unreadable.ts';

/** The detached signature of a message that travelled over HTTP-Redirect. */
export interface RedirectSignature {
  sigAlg: string;
  /** Base64 signature value. */
  signature: string;
  /** `SAMLRequest=...&RelayState=...&SigAlg=...` exactly as it was in the URL. */
  signedContent: string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const spec =
  'SAML 2.0 Bindings §3.4.4.1 (HTTP-Redirect: DEFLATE, base64, URL-encoding), §3.5.4 (HTTP-POST: base64)';

/**
 * Decodes a SAMLRequest or SAMLResponse value as it travelled: URL-encoded or not,
 * base64, raw-DEFLATE compressed (HTTP-Redirect, and some SPs over POST) or not.
 * Throws Unreadable naming what is wrong (input.base64, input.deflate, input.size).
 */
export function decodeSamlValue(
  value: string,
  binding: 'HTTP-Redirect' | 'HTTP-POST',
  param: string,
): string {
  let text = value.trim();
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      text = decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      throw new Unreadable('input.base64', `${param} is URL-encoded, but its escapes are broken`, { spec });
    }
  }
  const clean = text.replace(/\s+/g, '');
  if (!clean || clean.length % 4 === 1 || !BASE64.test(clean)) {
    const bad = /[^A-Za-z0-9+/=]/.exec(clean);
    throw new Unreadable(
      'input.base64',
      `${param} is not base64 (${!clean ? 'it is empty' : bad ? `"${bad[0]}" at position ${bad.index}` : `length ${clean.length} is not a base64 length`}): check that it was copied whole and not URL-decoded twice`,
      { spec },
    );
  }
  const bytes = Buffer.from(clean, 'base64');
  const limits = explainDefaults.limits;
  if (bytes.length > limits.maxMessageBytes) {
    throw new Unreadable(
      'input.size',
      `${param} decodes to ${bytes.length} bytes, over the limit of ${limits.maxMessageBytes}`,
    );
  }
  const asText = bytes.toString('utf8');
  if (binding === 'HTTP-POST' && /^\s*</.test(asText)) return asText;
  try {
    return inflateRawSync(bytes, { maxOutputLength: limits.maxInflatedBytes }).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new Unreadable(
        'input.size',
        `${param} inflates to more than ${limits.maxInflatedBytes} bytes (a DEFLATE bomb, or not a SAML message)`,
      );
    }
    throw new Unreadable(
      'input.deflate',
      binding === 'HTTP-Redirect'
        ? `${param} is base64 but not DEFLATE-compressed data (${(error as Error).message}); over HTTP-Redirect the message is raw DEFLATE, then base64, then URL-encoded`
        : `${param} is base64 but neither XML nor DEFLATE-compressed XML`,
      { spec },
    );
  }
}

/**
 * The Redirect binding's signature parameters, with the exact bytes they sign: the
 * message, RelayState and SigAlg parameters as they appeared in the query string.
 */
export function redirectSignatureOf(query: string, param: string): RedirectSignature | undefined {
  const tokens = new Map<string, string>();
  for (const token of query.replace(/^\?/, '').split('&')) {
    const at = token.indexOf('=');
    const name = at < 0 ? token : token.slice(0, at);
    if (!tokens.has(name)) tokens.set(name, token);
  }
  const value = (name: string) => {
    const token = tokens.get(name);
    if (token === undefined) return undefined;
    try {
      return decodeURIComponent(token.slice(name.length + 1).replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
  };
  const sigAlg = value('SigAlg');
  const signature = value('Signature');
  if (!sigAlg && !signature) return undefined;
  const signedContent = [tokens.get(param), tokens.get('RelayState'), tokens.get('SigAlg')]
    .filter((t) => t !== undefined)
    .join('&');
  return { sigAlg: sigAlg ?? '', signature: signature ?? '', signedContent };
}
