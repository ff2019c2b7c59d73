import { maskSecrets } from '../../lib/mask.ts';
import { portOnlyDifference } from '../near-miss.ts';
import { errorMeaning } from './error-codes.ts';
import type { OidcCheckInput } from './model.ts';

const core = 'OpenID Connect Core 1.0';

/** The token endpoint's answer: JSON, not an error, with an id_token and a Bearer access token. */
export function checkTokenResponse(
  input: OidcCheckInput,
  body: string,
  status: number | undefined,
): { idToken?: string; decoded: string } {
  const { findings } = input;
  const spec = `${core} §3.1.3.3 (successful token response), §3.1.3.4 (error); RFC 6749 §5.1-5.2`;
  let json: Record<string, unknown>;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    json = parsed as Record<string, unknown>;
  } catch {
    findings.problem(
      'oidc.token-response',
      `the token endpoint answered${status ? ` HTTP ${status} with` : ''} something that is not JSON (${body.replace(/\s+/g, ' ').slice(0, 120) || 'an empty body'}): a proxy, gateway or error page stood in for the OP`,
      {
        where: 'token response',
        actual: body.slice(0, 200),
        spec,
        fix: {
          side: 'idp',
          text: "Find what answers at the OP's token endpoint (its status page, a proxy): the RP's back end must reach the OP itself.",
        },
      },
    );
    return { decoded: body.slice(0, 2000) };
  }
  const decoded = JSON.stringify(
    maskSecrets({ ...json, id_token: json.id_token ? '(explained below)' : undefined }),
    null,
    2,
  );
  if (typeof json.error === 'string') {
    const description = typeof json.error_description === 'string' ? json.error_description : undefined;
    const meaning = errorMeaning(json.error, description);
    findings.problem(
      'oidc.token-response',
      `the token endpoint refused${status ? ` (HTTP ${status})` : ''}: ${json.error}${meaning ? `, ${meaning.meaning}` : ''}${description ? ` ("${description.slice(0, 240)}")` : ''}`,
      {
        where: 'token response',
        actual: json.error,
        spec,
        fix: meaning
          ? {
              side: meaning.side,
              text: meaning.meaning.charAt(0).toUpperCase() + meaning.meaning.slice(1) + '.',
              topic: meaning.topic,
            }
          : undefined,
      },
    );
    return { decoded };
  }
  if (status !== undefined && status >= 400) {
    findings.problem('oidc.token-response', `the token endpoint answered HTTP ${status}`, {
      where: 'token response',
      spec,
    });
  }
  const missing = ['access_token', 'token_type'].filter((f) => typeof json[f] !== 'string');
  if (typeof json.id_token !== 'string') missing.unshift('id_token');
  if (missing.length > 0) {
    findings.problem(
      'oidc.token-response',
      `the token response has no ${missing.join(', ')}${missing.includes('id_token') ? ': without an ID token there is no OpenID Connect login' : ''}`,
      {
        where: 'token response',
        expected: 'id_token, access_token, token_type',
        actual: Object.keys(json).join(', '),
        spec,
        fix: {
          side: missing.includes('id_token') ? 'sp' : 'idp',
          text: missing.includes('id_token')
            ? 'Ask for the openid scope; an OP that still sends no id_token is not acting as an OpenID provider for this client.'
            : 'The OP must send access_token and token_type.',
        },
      },
    );
  } else if (String(json.token_type).toLowerCase() !== 'bearer') {
    findings.problem('oidc.token-response', `token_type is "${String(json.token_type)}", not Bearer`, {
      where: 'token response',
      actual: String(json.token_type),
      spec: 'RFC 6750 §4; RFC 6749 §7.1',
    });
  } else {
    findings.ok(
      'oidc.token-response',
      'the token endpoint answered with an id_token and a Bearer access token',
      { where: 'token response', spec },
    );
  }
  if (typeof json.access_token === 'string') input.seen.accessToken = json.access_token;
  return { idToken: typeof json.id_token === 'string' ? json.id_token : undefined, decoded };
}

/** An authorization request: client, redirect_uri, scope, state, nonce, PKCE. */
export function checkAuthorizationRequest(
  input: OidcCheckInput,
  params: Record<string, string>,
  url: string | undefined,
): void {
  const { findings, context } = input;
  const where = 'authorization request';
  const client = context.sp?.clientId;
  if (client && params.client_id !== client) {
    findings.problem('oidc.request.client', `the request is for client ${params.client_id}, not ${client}`, {
      where,
      expected: client,
      actual: params.client_id,
    });
  } else {
    findings.ok('oidc.request.client', `the request is for client ${params.client_id}`, {
      where,
      actual: params.client_id,
    });
  }
  const registered = context.sp?.redirectUris ?? [];
  const redirect = params.redirect_uri;
  const spec = `${core} §3.1.2.1 (redirect_uri MUST exactly match a registered one)`;
  const unregistered = redirect && registered.length > 0 && !registered.includes(redirect);
  const near = unregistered
    ? portOnlyDifference(
        redirect,
        registered,
        'the redirect_uri',
        'the redirect URI registered for the client',
      )
    : undefined;
  if (near) {
    findings.warning('oidc.redirect-uri', near.text, { where, spec, ...near.detail });
  } else if (unregistered) {
    findings.problem(
      'oidc.redirect-uri',
      `the redirect_uri ${redirect} is not registered for the client: the OP refuses the login (Entra: AADSTS50011)`,
      {
        where,
        expected: registered.join(' or '),
        actual: redirect,
        spec,
        fix: {
          side: 'idp',
          text: `Register ${redirect} as a redirect URI of the client at the OP (exactly, including scheme, port and trailing slash).`,
          topic: 'redirect-uri',
        },
      },
    );
  } else if (redirect) {
    findings.ok('oidc.redirect-uri', `the redirect_uri is ${redirect}`, { where, actual: redirect, spec });
  }
  if (!(params.scope ?? '').split(' ').includes('openid')) {
    findings.problem(
      'oidc.request.scope',
      'the scope does not include openid: this is plain OAuth, and no ID token will come',
      { where, actual: params.scope, spec: `${core} §3.1.2.1 (scope MUST contain openid)` },
    );
  }
  const implicit = (params.response_type ?? '').includes('id_token');
  if (!params.nonce) {
    const text = 'the request carries no nonce, so ID tokens cannot be tied to this login';
    if (implicit)
      findings.problem('oidc.request.nonce', `${text} (required for response types with id_token)`, {
        where,
        spec: `${core} §3.2.2.1`,
      });
    else findings.warning('oidc.request.nonce', text, { where, spec: `${core} §3.1.2.1` });
  }
  if (!params.state)
    findings.warning(
      'oidc.request.state',
      'the request carries no state: the RP cannot bind the answer to this browser (CSRF)',
      { where, spec: 'RFC 6749 §10.12; RFC 9700 §2.1' },
    );
  if (!params.code_challenge && (params.response_type ?? '').includes('code')) {
    findings.warning(
      'oidc.request.pkce',
      'the request uses no PKCE (code_challenge), which current best practice requires',
      { where, spec: 'RFC 9700 §2.1.1; RFC 7636' },
    );
  } else if (params.code_challenge_method === 'plain') {
    findings.warning('oidc.request.pkce', 'PKCE uses the plain method instead of S256', {
      where,
      spec: 'RFC 7636 §4.2',
    });
  }
  input.seen.request = {
    nonce: params.nonce,
    state: params.state,
    clientId: params.client_id,
    redirectUri: params.redirect_uri,
    responseType: params.response_type,
    scope: params.scope,
  };
  void url;
}

/** The OP's answer at the redirect URI: an error, or a code / tokens with the state and iss they must carry back. */
export function checkAuthorizationResponse(
  input: OidcCheckInput,
  params: Record<string, string>,
  url: string | undefined,
): void {
  const { findings, context, seen } = input;
  const where = 'authorization response';
  if (params.error) {
    const meaning = errorMeaning(params.error, params.error_description);
    findings.problem(
      'oidc.authorization-response.error',
      `the OP answered with the error ${params.error}${meaning ? `: ${meaning.meaning}` : ''}${params.error_description ? ` ("${params.error_description.slice(0, 240)}")` : ''}`,
      {
        where,
        actual: params.error,
        spec: `${core} §3.1.2.6 (authentication error response); RFC 6749 §4.1.2.1`,
        fix: meaning
          ? {
              side: meaning.side,
              text: meaning.meaning.charAt(0).toUpperCase() + meaning.meaning.slice(1) + '.',
              topic: meaning.topic,
            }
          : undefined,
      },
    );
    if (params.code) {
      findings.problem(
        'oidc.authorization-response.error',
        'the error response also carries a code: an RP must not use it',
        { where, spec: 'RFC 6749 §4.1.2.1' },
      );
    }
  } else if (!params.code && !params.id_token && !params.access_token) {
    findings.problem(
      'oidc.authorization-response.error',
      'the response carries neither a code, tokens nor an error',
      { where, spec: `${core} §3.1.2.5` },
    );
  } else {
    findings.ok(
      'oidc.authorization-response.error',
      `the OP answered with ${['code', 'id_token', 'access_token'].filter((p) => params[p]).join(', ')}`,
      { where },
    );
  }
  const expectedState = seen.request?.state ?? context.expected.state;
  const stateSpec = 'RFC 6749 §4.1.2 (state MUST be the value the client sent); RFC 9700 §4.7';
  if (expectedState !== undefined) {
    if (params.state === undefined) {
      findings.problem(
        'oidc.authorization-response.state',
        'the RP sent a state, and the answer does not carry it back: an RP must refuse it (CSRF protection)',
        {
          where,
          expected: expectedState,
          spec: stateSpec,
          fix: { side: 'idp', text: 'The OP must return the state parameter unchanged.' },
        },
      );
    } else if (params.state !== expectedState) {
      findings.problem(
        'oidc.authorization-response.state',
        'the answer carries another state than the RP sent: it belongs to another login (or a forged one)',
        {
          where,
          expected: expectedState,
          actual: params.state,
          spec: stateSpec,
          fix: {
            side: 'sp',
            text: 'Keep the state per login; check the user did not finish an older login in another tab.',
          },
        },
      );
    } else {
      findings.ok('oidc.authorization-response.state', 'the state came back as the RP sent it', {
        where,
        expected: expectedState,
        actual: params.state,
        spec: stateSpec,
      });
    }
  } else if (params.state !== undefined) {
    findings.ok(
      'oidc.authorization-response.state',
      'the answer carries a state (no request in the capture to compare with)',
      { where, actual: params.state, spec: stateSpec },
    );
  }
  const issuer = context.idp?.entityId;
  const advertised = context.idp?.discovery?.authorization_response_iss_parameter_supported === true;
  const issSpec =
    'RFC 9207 §2.4 (the client MUST compare iss with the issuer; MUST reject a missing iss when the OP advertises it)';
  if (params.iss !== undefined) {
    const near = issuer
      ? portOnlyDifference(params.iss, [issuer], 'the iss of the answer', 'the issuer the RP expects')
      : undefined;
    if (near) {
      findings.warning('oidc.authorization-response.iss', near.text, {
        where,
        spec: issSpec,
        ...near.detail,
      });
    } else if (issuer && params.iss !== issuer) {
      findings.problem(
        'oidc.authorization-response.iss',
        `the answer says it comes from ${params.iss}, not from the OP the RP talked to (${issuer}): a mix-up attack, or the wrong OP configured`,
        {
          where,
          expected: issuer,
          actual: params.iss,
          spec: issSpec,
          fix: {
            side: 'sp',
            text: 'Check which OP this connection uses; several OPs on one redirect URI need per-OP state.',
          },
        },
      );
    } else {
      findings.ok('oidc.authorization-response.iss', 'the answer names the expected issuer', {
        where,
        expected: issuer,
        actual: params.iss,
        spec: issSpec,
      });
    }
  } else if (advertised) {
    findings.problem(
      'oidc.authorization-response.iss',
      'the OP advertises authorization_response_iss_parameter_supported, but the answer carries no iss: an RP must refuse it',
      {
        where,
        expected: issuer,
        spec: issSpec,
        fix: { side: 'idp', text: 'The OP must send iss with every authorization response.' },
      },
    );
  }
  const registered = context.sp?.redirectUris ?? [];
  const target = url ? url.split(/[?#]/)[0] : undefined;
  const unregistered = target && registered.length > 0 && !registered.includes(target);
  const near = unregistered
    ? portOnlyDifference(
        target,
        registered,
        'the URL the answer was sent to',
        'the redirect URI registered for the client',
      )
    : undefined;
  if (near) {
    findings.warning('oidc.redirect-uri', near.text, { where, spec: `${core} §3.1.2.5`, ...near.detail });
  } else if (unregistered) {
    findings.problem(
      'oidc.redirect-uri',
      `the answer was sent to ${target}, which is not a redirect URI of the client`,
      {
        where,
        expected: registered.join(' or '),
        actual: target,
        spec: `${core} §3.1.2.5`,
        fix: {
          side: 'idp',
          text: 'The OP sent the browser to another redirect URI than the client registered.',
          topic: 'redirect-uri',
        },
      },
    );
  }
  if (params.code) seen.code = params.code;
  if (params.access_token) seen.accessToken = params.access_token;
}

/** The discovery document against the URL it was fetched from, and its JWKS. */
export function checkDiscovery(input: OidcCheckInput): void {
  const { findings, context } = input;
  const discovery = context.idp?.discovery;
  if (!discovery) return;
  const source = context.idp?.source ?? '';
  const url = /https?:\/\/\S+/.exec(source)?.[0];
  const spec =
    'OpenID Connect Discovery 1.0 §4.3 (issuer MUST be identical to the URL the document was fetched from, less /.well-known/openid-configuration)';
  const base = url?.replace(/\/\.well-known\/openid-configuration$/, '');
  if (
    base &&
    typeof discovery.issuer === 'string' &&
    discovery.issuer.replace(/\/$/, '') !== base.replace(/\/$/, '')
  ) {
    findings.problem(
      'oidc.discovery',
      `the discovery document at ${url} names the issuer ${discovery.issuer}: it must name ${base}, or tokens will not match it`,
      {
        where: 'discovery',
        expected: base,
        actual: discovery.issuer,
        spec,
        fix: { side: 'idp', text: "The OP's discovery document must name its own issuer URL." },
      },
    );
  } else if (context.idp?.jwksProblem) {
    const jwksUri = typeof discovery.jwks_uri === 'string' ? discovery.jwks_uri : undefined;
    findings.problem(
      'oidc.discovery',
      `the OP's keys cannot be loaded through its discovery document: ${context.idp.jwksProblem}`,
      {
        where: 'discovery',
        actual: jwksUri,
        spec: 'OpenID Connect Discovery 1.0 §3 (jwks_uri REQUIRED)',
        fix: {
          side: 'idp',
          text: 'The discovery document must name jwks_uri, and the keys must be served there.',
        },
      },
    );
  } else {
    findings.ok(
      'oidc.discovery',
      `the discovery document names the issuer it was fetched under and ${context.idp?.jwks?.keys.length ?? 0} keys`,
      { where: 'discovery', spec },
    );
  }
}
