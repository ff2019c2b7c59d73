import { signJwt, withSignature } from './jws.ts';
import { keyForPlan } from './keys.ts';
import type { OidcRuntime } from './runtime.ts';
import type { IdTokenSigning } from './stages.ts';
import { headerKeyFor } from './untrusted-keys.ts';

/**
 * Signs any JWT of a provider (id_token today; logout tokens and JWT access tokens can
 * use the same plan) as a signing plan says, header attacks included: the header's
 * `alg` may lie (`headerAlg`), a key may be named in it (`headerKey`), and the signature
 * may be replaced by one made without a key (`signatureBytes`). `kid` follows the plan.
 *
 * @param clientSecret The HMAC key for HS* with `hmacSecret: 'client-secret'`.
 * @throws IdpError INTERNAL when the plan's key cannot make the plan's algorithm.
 */
export async function signByPlan(
  runtime: OidcRuntime,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  plan: IdTokenSigning,
  clientSecret: string | undefined,
): Promise<string> {
  const out: Record<string, unknown> = { ...header, alg: plan.headerAlg ?? plan.alg };
  if (plan.kid === undefined) delete out.kid;
  else out.kid = plan.kid;
  if (plan.headerKey) {
    Object.assign(
      out,
      await headerKeyFor(runtime.context.keys, runtime.id, runtime.issuer, plan.headerKey, plan.kind),
    );
  }
  const key = await keyForPlan(runtime.context.keys, runtime.id, plan, clientSecret);
  const jws = signJwt(out, payload, plan.alg, key);
  return plan.signatureBytes ? withSignature(jws, plan.signatureBytes) : jws;
}
