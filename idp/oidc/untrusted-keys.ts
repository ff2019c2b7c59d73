import type { Context } from 'koa';
import type { KeyFactory } from '../keys/factory.ts';
import type { KeyKindName } from '../keys/kinds.ts';
import type { OidcRuntime } from './runtime.ts';
import type { HeaderKeyMember } from './stages.ts';
import { traceOidc } from './trace.ts';

/**
 * The key an attacker signs with (the `rogue` kind), served by the provider itself so
 * that a token's `jku` / `x5u` header can point at it. It lives on the issuer's own host:
 * an SP that only checks that a header URL is on the IdP's host still falls for it.
 */
export const UNTRUSTED_KIND: KeyKindName = 'rogue';

/** Paths below the issuer (see routes.ts). */
export const untrustedKeyPaths = {
  untrusted_jwks: '/untrusted-keys/jwks',
  untrusted_certificate: '/untrusted-keys/certificate.pem',
} as const;

/**
 * The header members that name a key of `kind` for an SP that trusts the header
 * (RFC 7515 §4.1.2 jku, §4.1.3 jwk, §4.1.5 x5u, §4.1.6 x5c). `jku` and `x5u` point at
 * the untrusted key the provider serves, whatever `kind` is.
 */
export async function headerKeyFor(
  keys: KeyFactory,
  providerId: string,
  issuer: string,
  member: HeaderKeyMember,
  kind: KeyKindName,
): Promise<Record<string, unknown>> {
  const base = issuer.replace(/\/$/, '');
  if (member === 'jku') return { jku: `${base}${untrustedKeyPaths.untrusted_jwks}` };
  if (member === 'x5u') return { x5u: `${base}${untrustedKeyPaths.untrusted_certificate}` };
  const material = await keys.get(providerId, kind);
  if (member === 'jwk') {
    const { kid: _kid, ...jwk } = material.jwk;
    return { jwk: { ...jwk, kid: material.kid } };
  }
  return material.certificateBody ? { x5c: [material.certificateBody] } : {};
}

/** GET <issuer>/untrusted-keys/jwks: the untrusted key as a JWKS. */
export async function serveUntrustedJwks(ctx: Context, runtime: OidcRuntime): Promise<void> {
  const material = await runtime.context.keys.get(runtime.id, UNTRUSTED_KIND);
  ctx.set('cache-control', 'no-store');
  ctx.body = { keys: [material.jwk] };
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'untrusted_jwks',
    summary: `untrusted JWKS (kid ${material.kid}) fetched: the SP follows a token's jku header`,
  });
}

/** GET <issuer>/untrusted-keys/certificate.pem: the untrusted key's certificate. */
export async function serveUntrustedCertificate(ctx: Context, runtime: OidcRuntime): Promise<void> {
  const material = await runtime.context.keys.get(runtime.id, UNTRUSTED_KIND);
  ctx.set('cache-control', 'no-store');
  ctx.type = 'application/pem-certificate-chain';
  ctx.body = material.certificatePem ?? '';
  traceOidc(runtime, ctx, {
    direction: 'out',
    kind: 'untrusted_certificate',
    summary: "untrusted certificate fetched: the SP follows a token's x5u header",
  });
}
