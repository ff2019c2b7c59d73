import type { JWK } from 'oidc-provider';
import type { KeyFactory, KeyMaterial } from '../keys/factory.ts';
import type { JwsKey } from './jws.ts';
import type { IdTokenSigning, PublicJwkLookup } from './stages.ts';

/** Key kinds a provider publishes and signs with: RS256 first (the default), then ES256. */
export const publishedKinds = ['current', 'ec'] as const;

/** The library's `jwks` option: private JWKs of the published kinds, with stable kids. */
export async function providerJwks(keys: KeyFactory, providerId: string): Promise<{ keys: JWK[] }> {
  const materials = await Promise.all(publishedKinds.map((kind) => keys.get(providerId, kind)));
  return { keys: materials.map(privateJwk) };
}

function privateJwk(material: KeyMaterial): JWK {
  const jwk = material.privateKey.export({ format: 'jwk' }) as JWK;
  return {
    ...jwk,
    kid: material.kid,
    alg: material.alg,
    use: 'sig',
    ...(material.certificateBody ? { x5c: [material.certificateBody] } : {}),
  };
}

/** The key a signing plan names. */
export async function keyForPlan(
  keys: KeyFactory,
  providerId: string,
  plan: IdTokenSigning,
  clientSecret: string | undefined,
): Promise<JwsKey> {
  if (plan.alg === 'none') return { type: 'none' };
  if (plan.alg.startsWith('HS')) {
    const source = plan.hmacSecret ?? 'client-secret';
    if (source === 'client-secret') return { type: 'secret', secret: Buffer.from(clientSecret ?? '') };
    if (source === 'literal') return { type: 'secret', secret: Buffer.from(plan.hmacLiteral ?? '') };
    const material = await keys.get(providerId, plan.kind);
    const secret = source === 'public-key-pem' ? material.publicKeyPem : JSON.stringify(material.jwk);
    return { type: 'secret', secret: Buffer.from(secret) };
  }
  return { type: 'private', key: (await keys.get(providerId, plan.kind)).privateKey };
}

/** Looks up the public JWK of one of a provider's key kinds (for faults that publish or name keys). */
export function publicJwkLookup(keys: KeyFactory, providerId: string): PublicJwkLookup {
  return async (kind) => ({ ...(await keys.get(providerId, kind)).jwk });
}
