import { createHash } from 'node:crypto';
import { explainDefaults } from '../defaults.ts';
import { portOnlyDifference } from '../near-miss.ts';
import { duration, iso } from '../time.ts';
import type { DecodedJwt } from './jwt.ts';
import type { OidcCheckInput } from './model.ts';

// The claims of a JWT, each checked as its role requires: issuer, audience, times, nonce, hashes, claims.
const core = 'OpenID Connect Core 1.0';
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export type TokenRole = 'id_token' | 'logout_token' | 'access_token';

/** iss is the issuer the RP expects, exactly. */
export function checkIssuer(input: OidcCheckInput, token: DecodedJwt): void {
  const { findings, context } = input;
  const iss = typeof token.payload.iss === 'string' ? token.payload.iss : undefined;
  const expected = context.idp?.entityId;
  const spec = `${core} §3.1.3.7 step 2 (iss MUST exactly match the Issuer Identifier)`;
  const portOnly =
    iss && expected ? portOnlyDifference(iss, [expected], 'iss', 'the issuer the RP expects') : undefined;
  if (!iss) {
    findings.problem('oidc.iss', 'the token has no iss claim, which is required', {
      where: 'payload',
      expected,
      spec,
      fix: { side: 'idp', text: 'The OP must put its issuer in iss.' },
    });
  } else if (portOnly) {
    findings.warning('oidc.iss', portOnly.text, { where: 'payload', spec, ...portOnly.detail });
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

/** aud holds this client only; azp, when present, is this client. */
export function checkAudience(input: OidcCheckInput, token: DecodedJwt): void {
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

/** exp, iat, nbf and auth_time against the capture time and the skew. */
export function checkTimes(input: OidcCheckInput, token: DecodedJwt, role: TokenRole): void {
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

/** nonce is the one the RP sent (from the capture's authorization request, or given). */
export function checkNonce(input: OidcCheckInput, token: DecodedJwt): void {
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

/** at_hash and c_hash match the access token and code issued with the ID token. */
export function checkHashes(input: OidcCheckInput, token: DecodedJwt): void {
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

/** sub, the claims the RP needs, and claims that are legal but risky to rely on. */
export function checkClaims(input: OidcCheckInput, token: DecodedJwt): void {
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

/** A back-channel logout token: its event, sid or sub, jti, no nonce. */
export function checkLogoutClaims(input: OidcCheckInput, token: DecodedJwt): void {
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

/** A JWT access token: the claims RFC 9068 requires. */
export function checkAccessTokenClaims(input: OidcCheckInput, token: DecodedJwt): void {
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
