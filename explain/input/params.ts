import type { CapturedMessage, Travel } from './capture.ts';
import { decodeSamlValue, redirectSignatureOf } from './saml-value.ts';
import { Unreadable } from './unreadable.ts';

/**
 * The messages one set of parameters carries: a query string, a fragment or a form
 * body. SAMLRequest/SAMLResponse (with RelayState and the Redirect signature), an OIDC
 * authorization request or response, or a JWT posted as id_token / logout_token.
 * Throws Unreadable for a SAML value that cannot be decoded.
 */
export function messagesOfParams(
  raw: string,
  travel: Travel & { binding: 'HTTP-Redirect' | 'HTTP-POST' | 'query' | 'fragment' | 'form_post' },
): CapturedMessage[] {
  const params = new URLSearchParams(raw.replace(/^[?#]/, ''));
  const out: CapturedMessage[] = [];
  for (const param of ['SAMLResponse', 'SAMLRequest'] as const) {
    const value = params.get(param);
    if (value === null) continue;
    const binding =
      travel.binding === 'HTTP-Redirect' || travel.binding === 'query' ? 'HTTP-Redirect' : 'HTTP-POST';
    // URLSearchParams already undid the URL-encoding; base64 has no '%'.
    const xml = decodeSamlValue(value.replace(/ /g, '+'), binding, param);
    out.push({
      ...travel,
      kind: 'saml',
      binding,
      param,
      xml,
      relayState: params.get('RelayState') ?? undefined,
      redirectSignature: binding === 'HTTP-Redirect' ? redirectSignatureOf(raw, param) : undefined,
    });
  }
  if (out.length > 0) return out;
  const record = Object.fromEntries(params);
  const oidcBinding =
    travel.binding === 'HTTP-POST'
      ? 'form_post'
      : travel.binding === 'HTTP-Redirect'
        ? 'query'
        : travel.binding;
  if (params.has('logout_token')) {
    out.push({
      ...travel,
      binding: 'back-channel',
      kind: 'jwt',
      compact: params.get('logout_token')!,
      role: 'logout_token',
    });
    return out;
  }
  if (params.has('response_type') && params.has('client_id')) {
    out.push({ ...travel, binding: oidcBinding, kind: 'oidc-authorization-request', params: record });
    return out;
  }
  if (params.has('grant_type')) return out;
  if (params.has('code') || params.has('error') || params.has('id_token') || params.has('access_token')) {
    out.push({ ...travel, binding: oidcBinding, kind: 'oidc-authorization-response', params: record });
  }
  return out;
}

/** Whether text looks like a query or form body with parameters this reader knows. */
export function looksLikeParams(text: string): boolean {
  return /(^|[?&#])(SAMLResponse|SAMLRequest|id_token|logout_token|code|error|response_type)=/.test(text);
}

export function assertUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new Unreadable('input.format', 'the input starts like a URL but is not one');
  }
}
