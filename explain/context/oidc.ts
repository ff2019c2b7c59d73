import type { JWK } from 'jose';
import { describeError } from '../../lib/errors.ts';
import { contextError, fetchText } from './load.ts';
import { emptyIdp, type IdpSettings } from './settings.ts';

/** The discovery URL of an issuer, or the URL itself when it already names the document. */
export function discoveryUrl(urlOrIssuer: string): string {
  if (urlOrIssuer.includes('/.well-known/')) return urlOrIssuer;
  return `${urlOrIssuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/**
 * The OP's discovery document and the JWKS it points to. A document that cannot be read
 * is an error (the user named it); a JWKS that cannot be fetched through it is a finding
 * the checks report (`jwksProblem`).
 */
export async function idpSettingsFromDiscovery(urlOrIssuer: string): Promise<IdpSettings> {
  const url = discoveryUrl(urlOrIssuer);
  const discovery = parseObject(
    await fetchText(url, 'the OpenID discovery document'),
    `the discovery document at ${url}`,
  );
  const settings: IdpSettings = {
    ...emptyIdp(`OpenID discovery ${url}`),
    entityId: typeof discovery.issuer === 'string' ? discovery.issuer : undefined,
    discovery,
  };
  const jwksUri = discovery.jwks_uri;
  if (typeof jwksUri !== 'string') {
    settings.jwksProblem = 'the discovery document has no jwks_uri, so no signature can be checked';
    return settings;
  }
  try {
    settings.jwks = jwksFromText(await fetchText(jwksUri, 'the JWKS'), jwksUri);
  } catch (error) {
    settings.jwksProblem = describeError(error);
  }
  return settings;
}

/** A JWK Set from its JSON text. Throws EXPLAIN_CONTEXT when it is not one. */
export function jwksFromText(text: string, source: string): { keys: JWK[] } {
  const value = parseObject(text, source);
  if (!Array.isArray(value.keys)) throw contextError(`${source} is not a JWK Set: it has no "keys" array`);
  return { keys: value.keys.filter((k): k is JWK => typeof k === 'object' && k !== null) };
}

function parseObject(text: string, source: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw contextError(`${source} is not JSON: ${describeError(error)}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw contextError(`${source} is not a JSON object`);
  return value as Record<string, unknown>;
}
