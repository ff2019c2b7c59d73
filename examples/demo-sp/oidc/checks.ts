import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose';
import type { LaxName } from '../lax.ts';
import {
  type HeaderKey,
  hmacVerifies,
  isZeroEcdsaSignature,
  keyNamedByHeader,
  registeredJwsAlgs,
  secretLookedUpByKid,
  tokenHash,
} from './header-trust.ts';
import type { OidcSettings } from './provider.ts';

/** What the id_token checks read. */
export interface IdTokenEvidence {
  settings: OidcSettings;
  idToken: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  expectedNonce: string;
  /** The access token of the same token response (at_hash), if there is one. */
  accessToken: string | undefined;
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

/** Where an Entra multi-tenant issuer takes the token's tenant id. */
export const TENANT_PLACEHOLDER = '{tenantid}';

/** Any issuer of the template's form, whatever the tenant. */
export function tenantIssuerPattern(template: string): RegExp {
  const [before, after] = template
    .split(TENANT_PLACEHOLDER)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${before}[^/]+${after}$`);
}
const isHmac = (alg: unknown) => typeof alg === 'string' && /^HS\d+$/.test(alg);
const isNone = (alg: unknown) => typeof alg === 'string' && alg.toLowerCase() === 'none';
/** Lax `kid-injection`: an HS* token whose kid steers the key lookup. */
const kidSteersKey = (e: IdTokenEvidence) =>
  e.lax.has('kid-injection') && isHmac(e.header.alg) && secretLookedUpByKid(e.header.kid) !== undefined;
const TYP_JWT = /^(application\/)?jwt$/i;

/**
 * The id_token checks of a careful relying party, in order. openid-client makes some of
 * them too (iss, aud, azp with several audiences, exp, nonce, alg), but it does not
 * verify the signature of a token from the token endpoint, nor iat's range, tid, hd or
 * email_verified; here each has its own reason code and lax switch.
 */
export const idTokenChecks: IdTokenCheck[] = [
  {
    lax: 'alg-none',
    run: (e) =>
      isNone(e.header.alg) ? `the id_token is unsigned (alg "${String(e.header.alg)}")` : undefined,
  },
  {
    lax: 'hs-confusion',
    run: (e) =>
      isHmac(e.header.alg) && !kidSteersKey(e)
        ? `the id_token is signed with ${String(e.header.alg)}, a shared-secret algorithm this SP never accepts`
        : undefined,
  },
  {
    lax: 'jwt-typ',
    run: (e) =>
      e.header.typ === undefined || TYP_JWT.test(String(e.header.typ))
        ? undefined
        : `the id_token header says typ ${JSON.stringify(e.header.typ)}: another kind of token, not an id_token`,
  },
  {
    lax: 'crit',
    run: (e) =>
      e.header.crit === undefined
        ? undefined
        : `the id_token header marks ${JSON.stringify(e.header.crit)} as critical, extensions this SP does not understand`,
  },
  {
    lax: 'id-token-signature',
    run: async (e) => {
      const alg = e.header.alg;
      // Under their own switches, "none" and HS* tokens are taken as they are.
      if (isNone(alg) && e.lax.has('alg-none')) return undefined;
      if (isHmac(alg) && e.lax.has('hs-confusion')) return undefined;
      if (typeof alg === 'string' && !registeredJwsAlgs.has(alg) && e.lax.has('alg-unknown'))
        return undefined;
      if (kidSteersKey(e)) {
        return hmacVerifies(e.idToken, String(alg), secretLookedUpByKid(e.header.kid) ?? '')
          ? undefined
          : `the id_token HMAC does not verify with the key its kid names (${String(e.header.kid)})`;
      }
      if (typeof alg !== 'string' || !ACCEPTED_ALGS.includes(alg)) {
        return `the id_token algorithm ${String(alg)} is not accepted (accepted: ${ACCEPTED_ALGS.join(', ')})`;
      }
      if (alg === 'ES256' && e.lax.has('psychic-signature') && isZeroEcdsaSignature(e.idToken))
        return undefined;
      if (e.lax.has('jwt-header-key')) {
        const key = await keyNamedByHeader(e.header, alg).catch(() => undefined);
        if (key) return verifyWith(e, key, alg);
      }
      return verifySignature(e, alg);
    },
  },
  {
    lax: 'at-hash',
    run: (e) => {
      // Optional in the code flow; when it is there, it must be the access token's.
      const atHash = e.claims.at_hash;
      if (atHash === undefined || !e.accessToken) return undefined;
      const expected = tokenHash(e.accessToken, String(e.header.alg));
      return atHash === expected
        ? undefined
        : 'the id_token at_hash is not the hash of the access token it came with (a substituted access token)';
    },
  },
  {
    lax: 'oidc-issuer',
    run: (e) => {
      if (e.claims.iss === undefined && e.lax.has('claims-required')) return undefined;
      const configured = e.settings.config.issuer;
      if (!configured.includes(TENANT_PLACEHOLDER)) {
        return e.claims.iss === configured
          ? undefined
          : `the id_token issuer is ${String(e.claims.iss ?? '(missing)')}, not ${configured}`;
      }
      if (e.lax.has('multi-tenant-issuer')) {
        return tenantIssuerPattern(configured).test(String(e.claims.iss))
          ? undefined
          : `the id_token issuer ${String(e.claims.iss)} is not of the form ${configured}`;
      }
      if (typeof e.claims.tid !== 'string' || !e.claims.tid)
        return 'the id_token has no tid to check its issuer by';
      const expected = configured.replace(TENANT_PLACEHOLDER, e.claims.tid);
      return e.claims.iss === expected
        ? undefined
        : `the id_token issuer is ${String(e.claims.iss)}, not ${expected} (the issuer of its tid)`;
    },
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
      if (typeof exp !== 'number')
        return e.lax.has('claims-required') ? undefined : 'the id_token has no exp';
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
      if (typeof iat !== 'number')
        return e.lax.has('claims-required') ? undefined : 'the id_token has no iat';
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
      const { tenantId, tenantIds } = e.settings.config;
      const allowed = tenantIds ?? (tenantId ? [tenantId] : []);
      if (allowed.length === 0 || allowed.includes(e.claims.tid as string)) return undefined;
      return `the id_token comes from the tenant ${String(e.claims.tid ?? '(none)')}, not ${allowed.join(' or ')}`;
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

/** Lax paths: verifies with a key that did not come from the IdP's JWKS. */
async function verifyWith(e: IdTokenEvidence, key: HeaderKey, alg: string): Promise<string | undefined> {
  const options = { algorithms: [alg], crit: critOption(e) };
  try {
    if (typeof key === 'function') await compactVerify(e.idToken, key, options);
    else await compactVerify(e.idToken, key, options);
    return undefined;
  } catch (error) {
    return `the id_token signature does not verify (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Lax (`crit`): every extension the header marks critical counts as understood. */
function critOption(e: IdTokenEvidence): Record<string, boolean> | undefined {
  if (!e.lax.has('crit') || !Array.isArray(e.header.crit)) return undefined;
  return Object.fromEntries(e.header.crit.map((name) => [String(name), false]));
}

async function verifySignature(e: IdTokenEvidence, alg: string): Promise<string | undefined> {
  for (const refresh of [false, true]) {
    const keys = createLocalJWKSet(await e.keys(refresh));
    try {
      await compactVerify(e.idToken, keys, { algorithms: [alg], crit: critOption(e) });
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
