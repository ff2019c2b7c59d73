import { createHmac, createPublicKey, timingSafeEqual } from 'node:crypto';
import { compactVerify, importJWK, type JWK } from 'jose';
import { describeError } from '../../lib/errors.ts';
import type { TokenRole } from './checks-claims.ts';
import type { DecodedJwt } from './jwt.ts';
import type { OidcCheckInput } from './model.ts';

const core = 'OpenID Connect Core 1.0';

/**
 * The JOSE side of a JWT: its alg (none, HS keyed with a public key), its kid against the
 * OP's JWKS, and whether the signature verifies with the OP's key.
 */
export async function checkKeyAndSignature(
  input: OidcCheckInput,
  token: DecodedJwt,
  role: TokenRole = 'id_token',
): Promise<void> {
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
  checkHeaderMembers(input, token, role);
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

/**
 * The typ each kind of token may carry (RFC 8725 §3.11 explicit typing): an ID token JWT or
 * none; a logout token logout+jwt, JWT or none (Back-Channel Logout 1.0 §2.4); a JWT access
 * token at+jwt (RFC 9068 §2.1).
 */
const explicitTyping: Record<TokenRole, { allowed: RegExp; expected: string; noun: string }> = {
  id_token: { allowed: /^(application\/)?jwt$/i, expected: 'JWT (or no typ)', noun: 'an ID token' },
  logout_token: {
    allowed: /^(application\/)?(logout\+)?jwt$/i,
    expected: 'logout+jwt (or JWT, or no typ)',
    noun: 'a logout token',
  },
  access_token: { allowed: /^(application\/)?at\+jwt$/i, expected: 'at+jwt', noun: 'a JWT access token' },
};

/**
 * Header members an RP must not act on: a key the token names for itself (jwk, jku, x5u,
 * x5c), extensions marked critical, and a typ that says the token is another kind.
 */
function checkHeaderMembers(input: OidcCheckInput, token: DecodedJwt, role: TokenRole): void {
  const { findings } = input;
  const where = 'JOSE header';
  const named = ['jwk', 'jku', 'x5u', 'x5c'].filter((member) => token.header[member] !== undefined);
  if (named.length > 0) {
    findings.warning(
      'oidc.jose-header',
      `the token names its own key (${named.join(', ')}): an RP must verify only with the OP's published keys, never with a key the token brings or points at`,
      { where, actual: named.join(', '), spec: 'RFC 8725 §3.10; RFC 7515 §4.1.2-4.1.6' },
    );
  }
  const { crit, typ } = token.header;
  if (crit !== undefined) {
    findings.problem(
      'oidc.jose-header',
      `the token marks ${JSON.stringify(crit)} as critical: an RP that does not understand these extensions must refuse it`,
      {
        where,
        actual: JSON.stringify(crit),
        spec: 'RFC 7515 §4.1.11 (crit)',
        fix: { side: 'idp', text: 'The OP must not mark extensions critical in ID tokens.' },
      },
    );
  }
  const typing = explicitTyping[role];
  if (typ !== undefined && !typing.allowed.test(String(typ))) {
    findings.problem(
      'oidc.jose-header',
      `the token's typ is ${JSON.stringify(typ)}: it says it is another kind of token, not ${typing.noun}`,
      {
        where,
        expected: typing.expected,
        actual: String(typ),
        spec: 'RFC 8725 §3.11 (explicit typing); RFC 7515 §4.1.9',
        fix: { side: 'idp', text: 'The OP must send ID tokens with typ JWT or without typ.' },
      },
    );
  }
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
