import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose';
import type { LaxName } from '../lax.ts';
import type { OidcSettings } from './provider.ts';

/** What the id_token checks read. */
export interface IdTokenEvidence {
  settings: OidcSettings;
  idToken: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  expectedNonce: string;
  now: number;
  skewSeconds: number;
  maxAgeSeconds: number;
  /** The IdP's JWKS; `refresh` refetches it (once per login). */
  keys(refresh: boolean): Promise<JSONWebKeySet>;
  lax: ReadonlySet<LaxName>;
}

export interface IdTokenCheck {
  lax: LaxName;
  run(e: IdTokenEvidence): string | undefined | Promise<string | undefined>;
}

const ACCEPTED_ALGS = ['RS256', 'ES256'];
const isHmac = (alg: unknown) => typeof alg === 'string' && /^HS\d+$/.test(alg);

/**
 * The id_token checks of a careful relying party, in order. openid-client makes some of
 * them too (iss, aud, azp with several audiences, exp, nonce, alg), but it does not
 * verify the signature of a token from the token endpoint, nor iat's range, tid, hd or
 * email_verified; here each has its own reason code and lax switch.
 */
export const idTokenChecks: IdTokenCheck[] = [
  {
    lax: 'alg-none',
    run: (e) => (e.header.alg === 'none' ? 'the id_token is unsigned (alg "none")' : undefined),
  },
  {
    lax: 'hs-confusion',
    run: (e) =>
      isHmac(e.header.alg)
        ? `the id_token is signed with ${String(e.header.alg)}, a shared-secret algorithm this SP never accepts`
        : undefined,
  },
  {
    lax: 'id-token-signature',
    run: async (e) => {
      const alg = e.header.alg;
      // Under their own switches, "none" and HS* tokens are taken as they are.
      if (alg === 'none' && e.lax.has('alg-none')) return undefined;
      if (isHmac(alg) && e.lax.has('hs-confusion')) return undefined;
      if (typeof alg !== 'string' || !ACCEPTED_ALGS.includes(alg)) {
        return `the id_token algorithm ${String(alg)} is not accepted (accepted: ${ACCEPTED_ALGS.join(', ')})`;
      }
      return verifySignature(e, alg);
    },
  },
  {
    lax: 'oidc-issuer',
    run: (e) =>
      e.claims.iss === e.settings.config.issuer
        ? undefined
        : `the id_token issuer is ${String(e.claims.iss)}, not ${e.settings.config.issuer}`,
  },
  {
    lax: 'oidc-audience',
    run: (e) => {
      const aud = e.claims.aud;
      const clientId = e.settings.config.clientId;
      const list = Array.isArray(aud) ? aud : [aud];
      if (!list.includes(clientId))
        return `the id_token is for ${list.join(', ')}, not for this client (${clientId})`;
      if (list.length > 1)
        return `the id_token also names untrusted audiences (${list.filter((a) => a !== clientId).join(', ')})`;
      return undefined;
    },
  },
  {
    lax: 'azp',
    run: (e) => {
      // Several audiences without azp are already refused by the audience check.
      const clientId = e.settings.config.clientId;
      if (e.claims.azp !== undefined && e.claims.azp !== clientId) {
        return `the id_token azp is ${String(e.claims.azp)}, not this client (${clientId})`;
      }
      return undefined;
    },
  },
  {
    lax: 'clock-skew',
    run: (e) => {
      const now = e.now / 1000;
      const { exp, nbf } = e.claims;
      if (typeof exp !== 'number') return 'the id_token has no exp';
      if (exp <= now - e.skewSeconds)
        return `the id_token expired at ${iso(exp)} (${e.skewSeconds} s skew allowed)`;
      if (typeof nbf === 'number' && nbf > now + e.skewSeconds)
        return `the id_token is not valid before ${iso(nbf)}`;
      // An authentication that has not happened yet: the IdP's clock is ahead (OIDC Core §2).
      const authTime = e.claims.auth_time;
      if (typeof authTime === 'number' && authTime > now + e.skewSeconds)
        return `the id_token says the user authenticated at ${iso(authTime)}, in the future (${e.skewSeconds} s skew allowed)`;
      return undefined;
    },
  },
  {
    lax: 'issue-instant',
    run: (e) => {
      const now = e.now / 1000;
      const iat = e.claims.iat;
      if (typeof iat !== 'number') return 'the id_token has no iat';
      if (iat > now + e.skewSeconds) return `the id_token was issued in the future (${iso(iat)})`;
      if (iat < now - e.maxAgeSeconds - e.skewSeconds)
        return `the id_token was issued too long ago (${iso(iat)})`;
      return undefined;
    },
  },
  {
    lax: 'nonce',
    run: (e) => {
      if (e.claims.nonce === e.expectedNonce) return undefined;
      return e.claims.nonce === undefined
        ? 'the id_token has no nonce'
        : 'the id_token nonce is not the one this login sent (replayed or injected token)';
    },
  },
  {
    lax: 'tenant',
    run: (e) => {
      const tenant = e.settings.config.tenantId;
      if (!tenant || e.claims.tid === tenant) return undefined;
      return `the id_token comes from the tenant ${String(e.claims.tid ?? '(none)')}, not ${tenant}`;
    },
  },
  {
    lax: 'hosted-domain',
    run: (e) => {
      const domain = e.settings.config.hostedDomain;
      if (!domain || e.claims.hd === domain) return undefined;
      return `the Google account belongs to ${String(e.claims.hd ?? 'no Workspace domain')}, not ${domain}`;
    },
  },
];

async function verifySignature(e: IdTokenEvidence, alg: string): Promise<string | undefined> {
  for (const refresh of [false, true]) {
    const keys = createLocalJWKSet(await e.keys(refresh));
    try {
      await compactVerify(e.idToken, keys, { algorithms: [alg] });
      return undefined;
    } catch (error) {
      // An unknown kid may be a rotated key: fetch the JWKS once more, then give up.
      if (error instanceof errors.JWKSNoMatchingKey && !refresh) continue;
      if (error instanceof errors.JWKSNoMatchingKey) {
        return `the id_token is signed with a key (kid ${String(e.header.kid)}) the IdP does not publish`;
      }
      if (error instanceof errors.JWKSMultipleMatchingKeys) {
        return 'the id_token key cannot be chosen: several published keys match';
      }
      return `the id_token signature does not verify (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return 'the id_token signature does not verify';
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
