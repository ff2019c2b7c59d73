import { createHash, createHmac, createPublicKey, timingSafeEqual } from 'node:crypto';
import { compactVerify, importJWK, type JWK } from 'jose';
import { describeError } from '../../lib/errors.ts';
import { explainDefaults } from '../defaults.ts';
import { duration, iso } from '../time.ts';
import type { DecodedJwt } from './jwt.ts';
import type { OidcCheckInput } from './model.ts';

const core = 'OpenID Connect Core 1.0';
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export type TokenRole = 'id_token' | 'logout_token' | 'access_token';

/** What a JWT is for, from its claims and header when the capture does not say. */
export function roleOf(token: DecodedJwt, given: TokenRole | 'unknown'): TokenRole {
  if (given !== 'unknown') return given;
  const events = token.payload.events;
  if (events && typeof events === 'object' && LOGOUT_EVENT in events) return 'logout_token';
  const typ = String(token.header.typ ?? '').toLowerCase();
  if (typ === 'at+jwt' || typ === 'application/at+jwt') return 'access_token';
  if ('client_id' in token.payload && 'scope' in token.payload && !('nonce' in token.payload))
    return 'access_token';
  return 'id_token';
}

/**
 * Every check of a JWT: its alg (none, HS keyed with a public key), kid against the
 * JWKS, the signature, then the claims its role requires (OIDC Core §3.1.3.7 for an
 * id_token, Back-Channel Logout §2.6 for a logout token, RFC 9068 for an access token).
 */
export async function checkJwt(input: OidcCheckInput, token: DecodedJwt, role: TokenRole): Promise<void> {
  await checkKeyAndSignature(input, token);
  checkIssuer(input, token);
  if (role === 'access_token') {
    checkAccessTokenClaims(input, token);
  } else {
    checkAudience(input, token);
  }
  checkTimes(input, token, role);
  if (role === 'id_token') {
    checkNonce(input, token);
    checkHashes(input, token);
    checkClaims(input, token);
  }
  if (role === 'logout_token') checkLogoutClaims(input, token);
}

async function checkKeyAndSignature(input: OidcCheckInput, token: DecodedJwt): Promise<void> {
  const { findings, context } = input;
  const alg = String(token.header.alg ?? '');
  const kid = typeof token.header.kid === 'string' ? token.header.kid : undefined;
  const jwks = context.idp?.jwks;
  const signing = (jwks?.keys ?? []).filter((k) => k.use === undefined || k.use === 'sig');
  const asymmetric = signing.filter((k) => k.kty === 'RSA' || k.kty === 'EC' || k.kty === 'OKP');
  const where = 'JOSE header';
  const supported = context.idp?.discovery?.id_token_signing_alg_values_supported;
  if (token.encryption) {
    findings.ok(
      'oidc.encryption',
      `the token was encrypted (alg ${String(token.encryption.alg)}, enc ${String(token.encryption.enc)}) and decrypted with the key given`,
      { where },
    );
  }
  if (!alg || alg.toLowerCase() === 'none') {
    findings.problem(
      'oidc.alg',
      'the token is not signed (alg "none"): anyone could have written it, and an RP must refuse it',
      {
        where,
        expected: 'RS256 (or the alg registered for the client)',
        actual: alg || '(none)',
        spec: `${core} §3.1.3.7 step 6 (ID Tokens MUST be signed; "none" only when asked for); RFC 8725 §3.1`,
        fix: {
          side: 'idp',
          text: "Make the OP sign ID tokens with RS256 (the client's id_token_signed_response_alg).",
          topic: 'token-signing',
        },
      },
    );
    return;
  }
  if (alg.startsWith('HS')) {
    const confused = asymmetric.length > 0 ? hmacWithPublicKey(token, alg, asymmetric) : undefined;
    if (confused || asymmetric.length > 0) {
      findings.problem(
        'oidc.alg',
        confused
          ? `the token is signed with ${alg} keyed with the OP's public key (${confused}): algorithm confusion. Anyone who has the public JWKS could have made it`
          : `the token is signed with ${alg} (a shared secret) while the OP publishes public keys: an RP that keys HMAC with the JWKS would accept forgeries`,
        {
          where,
          expected: asymmetric.map((k) => k.alg ?? k.kty).join(', '),
          actual: alg,
          spec: 'RFC 8725 §2.1 and §3.1 (algorithm verification); RFC 7515 §10.7',
          fix: {
            side: 'sp',
            text: 'Pin the expected alg (RS256) in the RP and never verify HS* with a public key.',
          },
        },
      );
      return;
    }
    findings.warning(
      'oidc.alg',
      `the token is signed with ${alg}, keyed with the client secret: fine only if the client registered id_token_signed_response_alg ${alg}`,
      { where, actual: alg, spec: `${core} §10.1` },
    );
    return;
  }
  if (Array.isArray(supported) && !supported.includes(alg)) {
    findings.warning(
      'oidc.alg',
      `alg ${alg} is not among the algorithms the OP's discovery document lists (${supported.join(', ')})`,
      { where, actual: alg, expected: supported.join(', '), spec: 'OpenID Connect Discovery §3' },
    );
  } else {
    findings.ok('oidc.alg', `the token is signed with ${alg}`, { where, actual: alg, spec: 'RFC 8725 §3.1' });
  }
  if (!jwks) {
    const why = context.idp?.jwksProblem;
    if (why) {
      findings.problem(
        'oidc.kid',
        `the OP's keys cannot be loaded, so the signature cannot be checked: ${why}`,
        {
          where,
          spec: 'OpenID Connect Discovery §3 (jwks_uri REQUIRED)',
          fix: {
            side: 'idp',
            text: 'The OP must publish jwks_uri in its discovery document and serve its signing keys there.',
            topic: 'token-signing',
          },
        },
      );
    } else {
      findings.ok(
        'oidc.signature',
        "the signature was not checked: give the OP's discovery URL or JWKS to check it",
        { where },
      );
    }
    return;
  }
  const kidSpec = `${core} §10.1 (kid MUST be present when the JWKS has several keys); RFC 7517 §4.5`;
  let candidates = asymmetric.filter((k) => k.kty === ktyOf(alg));
  if (kid) {
    const withKid = signing.filter((k) => k.kid === kid);
    if (withKid.length === 0) {
      const noKids = signing.length > 0 && signing.every((k) => k.kid === undefined);
      findings.problem(
        'oidc.kid',
        noKids
          ? `the token names key "${kid}", but the OP's JWKS lists its keys without kid: an RP that selects keys by kid finds none`
          : signing.length === 0
            ? `the token names key "${kid}", but the OP's JWKS is empty`
            : `the token names key "${kid}", which is not in the OP's JWKS (${signing.map((k) => k.kid ?? '(no kid)').join(', ')}): a key the OP does not publish (rotated out, or not the OP's)`,
        {
          where,
          expected: signing.map((k) => k.kid ?? '(no kid)').join(', ') || '(empty JWKS)',
          actual: kid,
          spec: kidSpec,
          fix:
            noKids || signing.length === 0
              ? {
                  side: 'idp',
                  text: 'The OP must publish its signing keys, each with its kid.',
                  topic: 'token-signing',
                }
              : {
                  side: 'idp',
                  text: 'The OP signs with a key it does not publish: publish the new key before signing with it (rotation), or check the token comes from this OP.',
                  topic: 'token-signing',
                },
        },
      );
      if (!noKids) return;
    } else {
      findings.ok('oidc.kid', `the token's key "${kid}" is in the OP's JWKS`, {
        where,
        actual: kid,
        spec: kidSpec,
      });
      candidates = withKid;
    }
  } else if (signing.length > 1) {
    findings.problem(
      'oidc.kid',
      `the token names no kid while the OP's JWKS has ${signing.length} keys: the RP cannot tell which one to use`,
      {
        where,
        expected: 'a kid',
        spec: kidSpec,
        fix: {
          side: 'idp',
          text: 'The OP must put the kid of the signing key in the JOSE header.',
          topic: 'token-signing',
        },
      },
    );
  } else {
    findings.ok('oidc.kid', 'the token names no kid; the OP publishes one key', { where, spec: kidSpec });
  }
  await verifySignature(input, token, alg, candidates);
}

async function verifySignature(
  input: OidcCheckInput,
  token: DecodedJwt,
  alg: string,
  candidates: JWK[],
): Promise<void> {
  const { findings } = input;
  const spec = `${core} §3.1.3.7 step 6; RFC 7515 §5.2`;
  let last = 'no key of a matching type';
  for (const jwk of candidates) {
    try {
      await compactVerify(token.compact, await importJWK(jwk, alg));
      findings.ok('oidc.signature', `the signature verifies with the OP's key ${jwk.kid ?? ''}`.trim(), {
        where: 'signature',
        actual: jwk.kid,
        spec,
      });
      return;
    } catch (error) {
      last = describeError(error);
    }
  }
  findings.problem(
    'oidc.signature',
    `the signature does not verify with the OP's keys (${last}): the token was changed after signing, or signed by someone else`,
    {
      where: 'signature',
      spec,
      fix: {
        side: 'idp',
        text: 'If the OP rotated its keys, the RP must refetch the JWKS; otherwise this token was not made (or was changed after being made) by the OP.',
        topic: 'token-signing',
      },
    },
  );
}

function ktyOf(alg: string): string {
  if (alg.startsWith('ES')) return 'EC';
  if (alg === 'EdDSA' || alg === 'Ed25519') return 'OKP';
  return 'RSA';
}

/** Whether the HS signature verifies with a public key as the secret: which form, or undefined. */
function hmacWithPublicKey(token: DecodedJwt, alg: string, keys: JWK[]): string | undefined {
  const [header, payload, signature] = token.compact.split('.') as [string, string, string];
  const hash = `sha${alg.slice(2)}`;
  const expected = Buffer.from(signature, 'base64url');
  for (const jwk of keys) {
    const forms: Array<[string, string]> = [];
    try {
      const key = createPublicKey({ key: jwk as never, format: 'jwk' });
      const spki = key.export({ type: 'spki', format: 'pem' }).toString();
      forms.push(
        [`its PEM (kid ${jwk.kid ?? '-'})`, spki],
        [`its PEM (kid ${jwk.kid ?? '-'})`, spki.trimEnd()],
      );
      if (jwk.kty === 'RSA')
        forms.push([
          `its PKCS#1 PEM (kid ${jwk.kid ?? '-'})`,
          key.export({ type: 'pkcs1', format: 'pem' }).toString(),
        ]);
    } catch {
      // not a key node can read: only the JSON form is tried
    }
    forms.push([`its JWK as JSON (kid ${jwk.kid ?? '-'})`, JSON.stringify(jwk)]);
    for (const [name, secret] of forms) {
      const mac = createHmac(hash, secret).update(`${header}.${payload}`).digest();
      if (mac.length === expected.length && timingSafeEqual(mac, expected)) return name;
    }
  }
  return undefined;
}

function checkIssuer(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings, context } = input;
  const iss = typeof token.payload.iss === 'string' ? token.payload.iss : undefined;
  const expected = context.idp?.entityId;
  const spec = `${core} §3.1.3.7 step 2 (iss MUST exactly match the Issuer Identifier)`;
  if (!iss) {
    findings.problem('oidc.iss', 'the token has no iss claim, which is required', {
      where: 'payload',
      expected,
      spec,
      fix: { side: 'idp', text: 'The OP must put its issuer in iss.' },
    });
  } else if (expected && iss !== expected) {
    const slash = iss.replace(/\/$/, '') === expected.replace(/\/$/, '');
    findings.problem(
      'oidc.iss',
      slash
        ? 'iss differs from the issuer the RP expects only by a trailing slash: issuers are compared exactly'
        : `the token was issued by ${iss}, not by the issuer the RP expects (${expected})`,
      {
        where: 'payload',
        expected,
        actual: iss,
        spec,
        fix: {
          side: 'sp',
          text: `Configure the RP with the issuer "${iss}" if this OP (and tenant) is the right one; for Entra multi-tenant apps, validate iss against the token's tid.`,
        },
      },
    );
  } else {
    findings.ok(
      'oidc.iss',
      expected
        ? 'the token was issued by the expected OP'
        : `the token was issued by ${iss} (no OP settings given to compare with)`,
      { where: 'payload', expected, actual: iss, spec },
    );
  }
}

function checkAudience(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings, context } = input;
  const client = context.sp?.clientId ?? input.seen.request?.clientId;
  const aud = token.payload.aud;
  const list = Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [];
  const spec = `${core} §3.1.3.7 step 3 (aud MUST contain the client_id; reject additional untrusted audiences)`;
  const fix = {
    side: 'idp' as const,
    text: `The OP must issue the token to the client "${client ?? 'of the RP'}" only.`,
    topic: 'client-id' as const,
  };
  if (list.length === 0) {
    findings.problem('oidc.aud', 'the token has no aud claim: it is not addressed to any client', {
      where: 'payload',
      expected: client,
      spec,
      fix,
    });
  } else if (client && !list.includes(client)) {
    findings.problem('oidc.aud', `the token is for ${list.join(', ')}, not for this client (${client})`, {
      where: 'payload',
      expected: client,
      actual: list.join(', '),
      spec,
      fix: {
        side: 'sp',
        text: `The RP's client_id is "${client}" but the token was issued to ${list.join(', ')}: use the client ID the OP registered for this app.`,
      },
    });
  } else if (client && list.length > 1) {
    findings.problem(
      'oidc.aud',
      `the token is also for ${list.filter((a) => a !== client).join(', ')}: an RP must refuse audiences it does not trust`,
      { where: 'payload', expected: client, actual: list.join(', '), spec, fix },
    );
  } else {
    findings.ok(
      'oidc.aud',
      client
        ? 'the token is for this client'
        : `the token is for ${list.join(', ')} (no client_id given to compare with)`,
      { where: 'payload', expected: client, actual: list.join(', '), spec },
    );
  }
  const azp = token.payload.azp;
  const azpSpec = `${core} §3.1.3.7 steps 4-5 (azp)`;
  if (azp !== undefined) {
    if (client && azp !== client) {
      findings.problem(
        'oidc.azp',
        `the authorized party (azp) is ${String(azp)}, not this client (${client})`,
        { where: 'payload', expected: client, actual: String(azp), spec: azpSpec, fix },
      );
    } else {
      findings.ok('oidc.azp', `azp is ${String(azp)}`, {
        where: 'payload',
        actual: String(azp),
        spec: azpSpec,
      });
    }
  } else if (list.length > 1) {
    findings.warning('oidc.azp', 'the token has several audiences and no azp, which it should then carry', {
      where: 'payload',
      spec: azpSpec,
    });
  }
}

function checkTimes(input: OidcCheckInput, token: DecodedJwt, role: TokenRole): void {
  const { findings, now, skewMs } = input;
  const num = (name: string) =>
    typeof token.payload[name] === 'number' ? (token.payload[name] as number) * 1000 : undefined;
  const exp = num('exp');
  const iat = num('iat');
  const nbf = num('nbf');
  const authTime = num('auth_time');
  const fix = {
    side: 'idp' as const,
    text: "Check the OP's clock (NTP) and the RP's; if both are right, the token was held back or replayed.",
  };
  const at = (ms: number) => iso(ms);
  if (role !== 'logout_token') {
    const spec = `${core} §3.1.3.7 step 9 (exp); RFC 7519 §4.1.4`;
    if (exp === undefined) {
      findings.problem('oidc.exp', 'the token has no exp claim, which is required', {
        where: 'payload',
        spec,
        fix: { side: 'idp', text: 'The OP must set exp.' },
      });
    } else if (exp <= now - skewMs) {
      findings.problem('oidc.exp', `the token expired ${duration(now - exp)} before the capture time`, {
        where: 'payload',
        expected: `after ${at(now - skewMs)}`,
        actual: at(exp),
        spec,
        fix,
      });
    } else if (exp <= now) {
      findings.warning(
        'oidc.exp',
        `the token expired ${duration(now - exp)} before the capture time: accepted only within the clock skew`,
        { where: 'payload', actual: at(exp), spec, fix },
      );
    } else {
      findings.ok('oidc.exp', `the token is valid for ${duration(exp - now)} after the capture time`, {
        where: 'payload',
        actual: at(exp),
        spec,
      });
    }
  }
  const iatSpec = `${core} §3.1.3.7 step 10 (iat); RFC 7519 §4.1.6`;
  if (iat === undefined) {
    findings.problem('oidc.iat', 'the token has no iat claim, which is required', {
      where: 'payload',
      spec: iatSpec,
    });
  } else if (iat > now + skewMs) {
    findings.problem(
      'oidc.iat',
      `the token was issued ${duration(iat - now)} after the capture time: it comes from the future`,
      { where: 'payload', expected: `before ${at(now + skewMs)}`, actual: at(iat), spec: iatSpec, fix },
    );
  } else if (iat < now - explainDefaults.maxTokenAgeSeconds * 1000) {
    findings.warning(
      'oidc.iat',
      `the token was issued ${duration(now - iat)} before the capture time: RPs may refuse tokens issued that long ago`,
      { where: 'payload', actual: at(iat), spec: iatSpec, fix },
    );
  } else {
    findings.ok(
      'oidc.iat',
      `the token was issued ${duration(now - iat)} ${iat <= now ? 'before' : 'after'} the capture time`,
      { where: 'payload', actual: at(iat), spec: iatSpec },
    );
  }
  if (nbf !== undefined) {
    const spec = 'RFC 7519 §4.1.5 (nbf)';
    if (nbf > now + skewMs) {
      findings.problem(
        'oidc.nbf',
        `the token is not valid before ${at(nbf)}, ${duration(nbf - now)} after the capture time`,
        { where: 'payload', expected: `before ${at(now + skewMs)}`, actual: at(nbf), spec, fix },
      );
    } else {
      findings.ok('oidc.nbf', 'the token was valid (nbf) at the capture time', {
        where: 'payload',
        actual: at(nbf),
        spec,
      });
    }
  }
  if (authTime !== undefined) {
    const spec = `${core} §2 (auth_time), §3.1.3.7 step 13`;
    if (authTime > now + skewMs) {
      findings.problem(
        'oidc.auth_time',
        `the user authenticated ${duration(authTime - now)} after the capture time, according to auth_time`,
        { where: 'payload', actual: at(authTime), spec, fix },
      );
    } else {
      findings.ok(
        'oidc.auth_time',
        `the user authenticated ${duration(now - authTime)} before the capture time`,
        { where: 'payload', actual: at(authTime), spec },
      );
    }
  }
}

function checkNonce(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings, context, seen } = input;
  const expected = seen.request?.nonce ?? context.expected.nonce;
  const nonce = typeof token.payload.nonce === 'string' ? token.payload.nonce : undefined;
  const spec = `${core} §3.1.3.7 step 11 (nonce MUST match the one sent)`;
  if (!expected) {
    findings.ok(
      'oidc.nonce',
      nonce
        ? 'the token carries a nonce (no request in the capture to compare with)'
        : 'the token carries no nonce (the request may not have sent one)',
      { where: 'payload', actual: nonce, spec },
    );
  } else if (!nonce) {
    findings.problem(
      'oidc.nonce',
      'the RP sent a nonce, and the token does not carry it back: an RP must refuse it (replay protection)',
      {
        where: 'payload',
        expected,
        spec,
        fix: {
          side: 'idp',
          text: 'The OP must copy the nonce of the authorization request into the ID token.',
        },
      },
    );
  } else if (nonce !== expected) {
    findings.problem(
      'oidc.nonce',
      'the token carries another nonce than the RP sent: it belongs to another login (a replay, or two logins in parallel)',
      {
        where: 'payload',
        expected,
        actual: nonce,
        spec,
        fix: {
          side: 'sp',
          text: 'Keep the nonce per login (per tab); check the user did not finish an older login.',
        },
      },
    );
  } else {
    findings.ok('oidc.nonce', 'the token carries back the nonce the RP sent', {
      where: 'payload',
      expected,
      actual: nonce,
      spec,
    });
  }
}

function checkHashes(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings, seen } = input;
  const alg = String(token.header.alg ?? '');
  const frontChannel = seen.idTokenFrom === 'front-channel';
  for (const [claim, value, what, section] of [
    ['at_hash', seen.accessToken, 'access token', '§3.1.3.8 / §3.2.2.9'],
    ['c_hash', frontChannel ? seen.code : undefined, 'code', '§3.3.2.11'],
  ] as const) {
    const present = typeof token.payload[claim] === 'string' ? (token.payload[claim] as string) : undefined;
    const spec = `${core} ${section} (${claim})`;
    if (!present) {
      if (value && frontChannel) {
        findings.problem(
          `oidc.${claim}`,
          `the ID token came with a ${what} through the browser but has no ${claim} binding them`,
          {
            where: 'payload',
            spec,
            fix: { side: 'idp', text: `The OP must include ${claim} in front-channel ID tokens.` },
          },
        );
      }
      continue;
    }
    if (!value) {
      findings.ok(`oidc.${claim}`, `${claim} is present (the capture holds no ${what} to check it against)`, {
        where: 'payload',
        actual: present,
        spec,
      });
      continue;
    }
    const hash = hashOf(alg);
    const expected = hash ? leftHalf(value, hash) : undefined;
    if (expected && expected !== present) {
      findings.problem(
        `oidc.${claim}`,
        `${claim} does not match the ${what} issued with the token: the ${what} was swapped, or the hash is wrong`,
        {
          where: 'payload',
          expected,
          actual: present,
          spec,
          fix: { side: 'idp', text: `The OP must compute ${claim} from the ${what} it issues.` },
        },
      );
    } else {
      findings.ok(`oidc.${claim}`, `${claim} matches the ${what}`, {
        where: 'payload',
        expected,
        actual: present,
        spec,
      });
    }
  }
}

function hashOf(alg: string): string | undefined {
  const bits = /(256|384|512)$/.exec(alg)?.[1];
  if (alg === 'EdDSA') return 'sha512';
  return bits ? `sha${bits}` : undefined;
}

function leftHalf(value: string, hash: string): string {
  const digest = createHash(hash).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

function checkClaims(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings, context } = input;
  const payload = token.payload;
  const sub = payload.sub;
  if (typeof sub !== 'string' || !sub) {
    findings.problem('oidc.sub', 'the token has no sub claim: there is no user', {
      where: 'payload',
      spec: `${core} §2 (sub REQUIRED)`,
    });
  } else {
    findings.ok('oidc.sub', `the subject is ${sub}`, { where: 'payload', actual: sub, spec: `${core} §2` });
  }
  const required = context.sp?.requiredClaims ?? [];
  if (required.length > 0) {
    const missing = required.filter(
      (c) => payload[c] === undefined || payload[c] === null || payload[c] === '',
    );
    if (missing.length > 0) {
      findings.problem(
        'oidc.claims.required',
        `the RP needs ${missing.join(', ')}, which the token does not carry`,
        {
          where: 'payload',
          expected: required.join(', '),
          actual: Object.keys(payload).join(', '),
          spec: `${core} §5.4 (scopes release claims), §5.5 (claims request)`,
          fix: {
            side: 'idp',
            text: `Release ${missing.join(', ')} to this client (scopes, or the OP's claim settings); the RP must ask for the scopes that carry them.`,
            topic: 'claims',
          },
        },
      );
    } else {
      findings.ok('oidc.claims.required', `every claim the RP needs is there (${required.join(', ')})`, {
        where: 'payload',
      });
    }
  }
  if (typeof payload.email === 'string' && payload.email_verified === false) {
    findings.warning(
      'oidc.claims.email-verified',
      `email_verified is false for ${payload.email}: an RP that links accounts by email must not trust it (account takeover)`,
      {
        where: 'payload',
        actual: 'email_verified: false',
        spec: `${core} §5.1 (email_verified); §5.7 (claim stability)`,
        fix: {
          side: 'sp',
          text: 'Match users by (iss, sub), not by email; accept the email only when email_verified is true.',
        },
      },
    );
  }
  const names = payload._claim_names as Record<string, unknown> | undefined;
  if (names && typeof names === 'object' && 'groups' in names) {
    findings.warning(
      'oidc.claims.groups-overage',
      'the groups claim is missing: the user is in too many groups, and the OP points to where they can be fetched (_claim_names / _claim_sources) instead',
      {
        where: 'payload',
        actual: JSON.stringify(payload._claim_sources ?? names),
        spec: `${core} §5.6.2 (distributed claims); Microsoft Entra groups overage`,
        fix: {
          side: 'idp',
          text: 'Limit the groups sent to this app (groups assigned to the application), or make the RP fetch them from the source named.',
          topic: 'groups-claim',
        },
      },
    );
  }
}

function checkLogoutClaims(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings } = input;
  const spec = 'OpenID Connect Back-Channel Logout 1.0 §2.4 and §2.6';
  const payload = token.payload;
  const events = payload.events as Record<string, unknown> | undefined;
  if (!events || typeof events !== 'object' || !(LOGOUT_EVENT in events)) {
    findings.problem('oidc.logout-token', `the logout token has no events claim with ${LOGOUT_EVENT}`, {
      where: 'payload',
      spec,
    });
  }
  if (payload.nonce !== undefined) {
    findings.problem(
      'oidc.logout-token',
      'the logout token carries a nonce, which it MUST NOT (so it cannot pass for an ID token)',
      { where: 'payload', spec },
    );
  }
  if (payload.sub === undefined && payload.sid === undefined) {
    findings.problem(
      'oidc.logout-token',
      'the logout token names neither sub nor sid: the RP cannot tell whose session ends',
      { where: 'payload', spec },
    );
  }
  if (payload.jti === undefined)
    findings.problem('oidc.logout-token', 'the logout token has no jti, which is required', {
      where: 'payload',
      spec,
    });
  if (String(token.header.typ ?? '') !== 'logout+jwt') {
    findings.warning(
      'oidc.logout-token',
      'the logout token\'s typ is not "logout+jwt", which explicit typing recommends',
      { where: 'JOSE header', actual: String(token.header.typ ?? '(none)'), spec: `${spec}; RFC 8725 §3.11` },
    );
  }
  if (!findings.checks.some((c) => c.id === 'oidc.logout-token' && c.status !== 'ok')) {
    findings.ok('oidc.logout-token', 'the logout token carries the event, a subject or session, and a jti', {
      where: 'payload',
      spec,
    });
  }
}

function checkAccessTokenClaims(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings, context } = input;
  const spec = 'RFC 9068 §2.2 (JWT access token claims)';
  const missing = ['iss', 'exp', 'aud', 'sub', 'client_id', 'iat', 'jti'].filter(
    (c) => token.payload[c] === undefined,
  );
  if (missing.length > 0) {
    findings.problem(
      'oidc.access-token',
      `the JWT access token lacks ${missing.join(', ')}, which RFC 9068 requires`,
      { where: 'payload', spec },
    );
  } else {
    findings.ok('oidc.access-token', 'the JWT access token carries every claim RFC 9068 requires', {
      where: 'payload',
      spec,
    });
  }
  const client = context.sp?.clientId;
  if (client && token.payload.client_id !== undefined && token.payload.client_id !== client) {
    findings.problem(
      'oidc.access-token',
      `the access token was issued to client ${String(token.payload.client_id)}, not ${client}`,
      { where: 'payload', expected: client, actual: String(token.payload.client_id), spec },
    );
  }
}
