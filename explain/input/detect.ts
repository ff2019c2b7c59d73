import { explainDefaults } from '../defaults.ts';
import type { Check } from '../types.ts';
import type { Capture, CapturedMessage } from './capture.ts';
import { isHar, readHar } from './har.ts';
import { assertUrl, looksLikeParams, messagesOfParams } from './params.ts';
import { isSamlTracer, readSamlTracer } from './saml-tracer.ts';
import { decodeSamlValue } from './saml-value.ts';
import { Unreadable, unreadableCheck } from './unreadable.ts';

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const JWE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Works out what the input is and reads its messages: a SAML message (raw XML, base64,
 * URL-encoded, a whole POST body, a redirect URL), a JWT or JWE, an OIDC redirect URL or
 * form_post body, a token endpoint answer (JSON), a HAR file or a SAML-tracer export.
 * Never throws: what cannot be read becomes a problem of the returned capture.
 */
export function readInput(text: string): Capture {
  const bytes = Buffer.byteLength(text);
  const limit = explainDefaults.limits.maxInputBytes;
  if (bytes > limit) return unreadable('unreadable', tooLarge(bytes, limit));
  const input = text.replace(/^\uFEFF/, '').trim();
  if (!input) {
    return unreadable('unreadable', {
      id: 'input.format',
      status: 'problem',
      text: 'the input is empty: paste a SAMLResponse, a token, a redirect URL or a HAR file',
    });
  }
  try {
    if (input.startsWith('{') || input.startsWith('[')) return readJson(input);
    if (input.startsWith('<'))
      return single('saml-xml', { kind: 'saml', param: 'XML', binding: 'raw', xml: input });
    if (/^https?:\/\//i.test(input)) return readUrl(input);
    if (JWE.test(input))
      return single('jwe', { kind: 'jwt', compact: input, role: 'unknown', binding: 'raw' });
    if (JWS.test(input))
      return single('jwt', { kind: 'jwt', compact: input, role: 'unknown', binding: 'raw' });
    if (looksLikeParams(input)) return readParams(input);
    const xml = decodeSamlValue(input, 'HTTP-POST', 'the input');
    return single('saml-base64', { kind: 'saml', param: 'XML', binding: 'raw', xml });
  } catch (error) {
    return unreadable('unreadable', unreadableCheck(error));
  }
}

function readJson(input: string): Capture {
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (error) {
    throw new Unreadable(
      'input.json',
      `the input starts like JSON but is not valid JSON: ${(error as Error).message}`,
    );
  }
  const max = explainDefaults.limits.maxMessages;
  if (isHar(value)) return readHar(value, max);
  if (isSamlTracer(value)) return readSamlTracer(value, max);
  const record = value as Record<string, unknown> | null;
  if (
    record &&
    typeof record === 'object' &&
    ('id_token' in record || 'access_token' in record || 'error' in record)
  ) {
    return single('token-response', { kind: 'oidc-token-response', binding: 'back-channel', body: input });
  }
  throw new Unreadable(
    'input.format',
    'the input is JSON, but not a HAR file (log.entries), a SAML-tracer export (requests) or a token endpoint answer (id_token, access_token or error)',
  );
}

function readUrl(input: string): Capture {
  const url = assertUrl(input);
  const messages = [
    ...messagesOfParams(url.search, { binding: 'HTTP-Redirect', url: input }),
    ...messagesOfParams(url.hash, { binding: 'fragment', url: input }),
  ];
  if (messages.length === 0) {
    throw new Unreadable(
      'input.format',
      'the URL carries no SSO message: expected SAMLRequest or SAMLResponse (HTTP-Redirect), or an OIDC authorization request or response (code, id_token, error)',
    );
  }
  const saml = messages.some((m) => m.kind === 'saml');
  return { kind: saml ? 'saml-redirect-url' : 'oidc-url', messages, flow: [], problems: [] };
}

function readParams(input: string): Capture {
  const messages = messagesOfParams(input, { binding: 'HTTP-POST' });
  if (messages.length === 0) {
    throw new Unreadable(
      'input.format',
      'the parameters carry no SAMLResponse, SAMLRequest or OIDC response',
    );
  }
  const saml = messages.some((m) => m.kind === 'saml');
  return { kind: saml ? 'saml-form' : 'oidc-form', messages, flow: [], problems: [] };
}

function single(kind: Capture['kind'], message: CapturedMessage): Capture {
  return { kind, messages: [message], flow: [], problems: [] };
}

function unreadable(kind: Capture['kind'], check: Check): Capture {
  return { kind, messages: [], flow: [], problems: [check] };
}

export function tooLarge(bytes: number, limit: number): Check {
  return {
    id: 'input.size',
    status: 'problem',
    text: `the input is ${bytes} bytes, over the limit of ${limit} bytes: give only the message, or a HAR of the login alone`,
  };
}
