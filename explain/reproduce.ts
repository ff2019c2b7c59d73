import { reproductionTag } from '../scenarios/schema.ts';
import { readPlace } from './saml/placement.ts';
import type { Check, ExplainedMessage, Explanation, Reproduction } from './types.ts';

type FaultRef = { fault: string; params?: Record<string, unknown> };

/**
 * From the problems found, the faults (of the harness's fault registry) that make the
 * harness send the same defects: an audience problem becomes `saml.audience` with the
 * captured audience, an expired id_token `oidc.id-token.expired`, and so on. Each rule
 * reads the values the check compared.
 */
const rules: Record<string, (check: Check, capture: number) => FaultRef | FaultRef[] | undefined> = {
  'input.dtd': () => ({ fault: 'saml.doctype' }),
  'saml.status': (c) => {
    const [code, sub] = (c.actual ?? 'Responder').split(' / ');
    if (!code || code === 'Success') return undefined;
    const codes = ['Requester', 'Responder', 'VersionMismatch'];
    const subs = [
      'AuthnFailed',
      'RequestDenied',
      'NoPassive',
      'UnknownPrincipal',
      'InvalidNameIDPolicy',
      'NoAuthnContext',
      'RequestUnsupported',
    ];
    return {
      fault: 'saml.status',
      params: {
        code: codes.includes(code) ? code : 'Responder',
        subCode: sub && subs.includes(sub) ? sub : 'none',
      },
    };
  },
  'saml.issuer': (c) => ({
    fault: 'saml.issuer',
    params: {
      ...(c.actual ? { value: c.actual } : { remove: true }),
      where: c.where?.startsWith('Assertion') ? 'assertion' : 'response',
    },
  }),
  'saml.destination': (c) => ({
    fault: 'saml.destination',
    params: c.actual ? { value: c.actual } : { remove: true },
  }),
  'saml.delivered-to': (c) => (c.actual ? { fault: 'saml.acs-url', params: { url: c.actual } } : undefined),
  'saml.recipient': (c) => ({
    fault: 'saml.recipient',
    params: c.actual ? { value: c.actual.split(', ')[0] } : { remove: true },
  }),
  'saml.in-response-to': (c) => ({
    fault: 'saml.in-response-to',
    params: c.actual ? { value: c.actual.split(', ')[0] } : { remove: true },
  }),
  'saml.relay-state': (c) => ({
    fault: 'saml.relay-state',
    params: c.actual !== undefined ? { value: c.actual } : { remove: true },
  }),
  'saml.audience': (c) => ({
    fault: 'saml.audience',
    params: { audiences: (c.actual ?? '').split(/, | AND /).filter((a) => a && a !== '(empty)') },
  }),
  'saml.time.issue-instant': (c, now) => {
    const at = Date.parse(c.actual ?? '');
    return Number.isNaN(at)
      ? undefined
      : { fault: 'saml.issue-instant', params: { offsetSeconds: Math.round((at - now) / 1000) } };
  },
  'saml.time.not-before': (c, now) =>
    secondsFrom(c, now, (s) =>
      s > 0 ? { fault: 'saml.not-before-future', params: { seconds: s } } : undefined,
    ),
  'saml.time.not-on-or-after': (c, now) =>
    secondsFrom(c, now, (s) => ({
      fault: 'saml.assertion-expired',
      params: { secondsAgo: Math.max(1, -s) },
    })),
  'saml.time.confirmation': (c, now) =>
    c.actual
      ? secondsFrom(c, now, (s) => ({
          fault: 'saml.subject-confirmation-expired',
          params: { secondsAgo: Math.max(1, -s) },
        }))
      : undefined,
  'saml.time.session': (c, now) =>
    secondsFrom(c, now, (s) => ({ fault: 'saml.session-expired', params: { secondsAgo: Math.max(1, -s) } })),
  'saml.subject': (c) => {
    if (/no Subject/.test(c.text)) return { fault: 'saml.subject-missing' };
    if (/no bearer SubjectConfirmation/.test(c.text)) {
      return { fault: 'saml.element-missing', params: { element: 'SubjectConfirmation' } };
    }
    if (/carries no assertion/.test(c.text))
      return { fault: 'saml.element-missing', params: { element: 'Assertion' } };
    return undefined;
  },
  'saml.nameid': (c) =>
    /no NameID/.test(c.text) ? { fault: 'saml.nameid', params: { remove: true } } : undefined,
  'saml.nameid.format': (c) =>
    c.actual ? { fault: 'saml.nameid', params: { format: c.actual } } : undefined,
  'saml.nameid.hidden-content': (c) => {
    const full = c.expected ?? '';
    const first = c.actual ?? '';
    if (!first || !full.startsWith(first)) return undefined;
    if (/processing instruction/.test(c.text)) {
      return {
        fault: 'saml.nameid-processing-instruction',
        params: { victim: first, suffix: full.slice(first.length) || '.x' },
      };
    }
    return [
      { fault: 'saml.nameid', params: { value: full } },
      { fault: 'saml.comment-injection', params: { victim: first } },
    ];
  },
  'saml.structure': (c) => {
    const where = c.where?.startsWith('Assertion') ? 'assertion' : 'response';
    const actual = c.actual ?? '';
    if (actual.startsWith('Version')) {
      const version = actual.slice('Version '.length);
      return { fault: 'saml.version', params: version ? { version, where } : { remove: true, where } };
    }
    if (actual.endsWith('Issuer elements')) return { fault: 'saml.issuers-several', params: { where } };
    const attribute = /^Attribute (.+) repeated$/.exec(actual)?.[1];
    return attribute ? { fault: 'saml.attribute-duplicated', params: { name: attribute } } : undefined;
  },
  'saml.attributes': (c) => {
    const present = new Set((c.actual ?? '').split(', '));
    const missing = (c.expected ?? '').split(', ').find((n) => n && !present.has(n));
    return missing ? { fault: 'saml.attribute', params: { name: missing, remove: true } } : undefined;
  },
  'saml.authn-context': (c) =>
    c.actual ? { fault: 'saml.authn-context', params: { classRef: c.actual } } : undefined,
  'saml.signature.present': (c) => ({
    fault: 'saml.signed-parts',
    params: { targets: /only the Response/.test(c.text) ? 'response' : 'none' },
  }),
  'saml.signature.verifies': (c) =>
    /digest/.test(c.text)
      ? { fault: 'saml.tamper' }
      : { fault: 'saml.signing-key', params: { kind: 'rogue' } },
  'saml.signature.certificate': () => ({ fault: 'saml.signing-key', params: { kind: 'rogue' } }),
  'saml.signature.certificate-validity': (c) => ({
    fault: 'saml.signing-key',
    params: { kind: /expired/.test(c.text) ? 'expired' : 'not-yet-valid' },
  }),
  'saml.signature.algorithm': (c) => {
    const out: FaultRef[] = [];
    if (/SignatureMethod RSA-SHA1/.test(c.text))
      out.push({ fault: 'saml.signature-algorithm', params: { algorithm: 'rsa-sha1' } });
    if (/DigestMethod SHA-1/.test(c.text))
      out.push({ fault: 'saml.digest-algorithm', params: { algorithm: 'sha1' } });
    if (/-bit RSA key/.test(c.text)) out.push({ fault: 'saml.signing-key', params: { kind: 'weak' } });
    else if (/certificate itself signed/.test(c.text))
      out.push({ fault: 'saml.signing-key', params: { kind: 'sha1' } });
    return out;
  },
  'saml.signature.wrapping': (c) =>
    /carries \d+ assertions/.test(c.text)
      ? { fault: 'saml.extra-assertion' }
      : {
          fault: 'saml.signature-wrapping',
          params: { variant: /vouches for Response/.test(c.text) ? 1 : 3 },
        },
  // The harness signs the element, then moves its signature to where the capture had it.
  'saml.signature.placement': (c) => {
    const place = readPlace(c.actual ?? '');
    const select = c.expected;
    if (!place || !select) return undefined;
    return [
      {
        fault: 'saml.signed-parts',
        params: { targets: /^\/samlp:Response\/ds:Signature$/.test(select) ? 'response' : 'assertion' },
      },
      { fault: 'saml.xml-edit', params: { select, action: 'move', ...place } },
    ];
  },
  'saml.ids': () => ({ fault: 'saml.ids', params: { sameAsResponse: true } }),
  'oidc.alg': (c) =>
    /"none"/.test(c.text)
      ? { fault: 'oidc.id-token.alg-none' }
      : /HS\d+/.test(c.actual ?? '')
        ? { fault: 'oidc.id-token.hmac-public-key', params: { alg: c.actual } }
        : undefined,
  'oidc.kid': (c) => {
    if (/JWKS is empty/.test(c.text)) return { fault: 'oidc.jwks.empty' };
    if (/without kid/.test(c.text)) return { fault: 'oidc.jwks.remove-kid' };
    if (/names no kid/.test(c.text)) return { fault: 'oidc.id-token.kid', params: { mode: 'absent' } };
    if (/no jwks_uri/.test(c.text))
      return { fault: 'oidc.discovery.remove', params: { fields: ['jwks_uri'] } };
    return c.actual ? { fault: 'oidc.id-token.kid', params: { mode: 'unknown', kid: c.actual } } : undefined;
  },
  'oidc.signature': () => ({ fault: 'oidc.id-token.tamper' }),
  'oidc.iss': (c) => ({ fault: 'oidc.id-token.issuer', params: { iss: c.actual ?? null } }),
  'oidc.aud': (c) => {
    if (!c.actual) return { fault: 'oidc.id-token.audience', params: { mode: 'missing' } };
    const others = c.actual.split(', ').filter((a) => a !== c.expected);
    if (c.expected && c.actual.split(', ').includes(c.expected)) {
      return {
        fault: 'oidc.id-token.audience',
        params: { mode: 'extra', audience: others[0] ?? 'another-client' },
      };
    }
    return {
      fault: 'oidc.id-token.audience',
      params: { mode: 'wrong', audience: others[0] ?? 'another-client' },
    };
  },
  'oidc.azp': (c) => ({ fault: 'oidc.id-token.azp', params: { azp: c.actual ?? null } }),
  'oidc.exp': (c, now) =>
    secondsFrom(c, now, (s) => ({ fault: 'oidc.id-token.expired', params: { secondsAgo: Math.max(1, -s) } })),
  'oidc.iat': (c, now) =>
    secondsFrom(c, now, (s) => ({ fault: 'oidc.id-token.issued-at', params: { offsetSeconds: s } })),
  'oidc.auth_time': (c, now) =>
    secondsFrom(c, now, (s) => ({ fault: 'oidc.id-token.auth-time', params: { offsetSeconds: s } })),
  'oidc.nbf': (c, now) =>
    secondsFrom(c, now, (s) => ({
      fault: 'oidc.id-token.not-before',
      params: { secondsAhead: Math.max(1, s) },
    })),
  'oidc.nonce': (c) => ({
    fault: 'oidc.id-token.nonce',
    params: c.actual ? { mode: 'wrong', nonce: c.actual } : { mode: 'missing' },
  }),
  'oidc.at_hash': () => ({
    fault: 'oidc.id-token.hash-claims',
    params: { claims: ['at_hash'], mode: 'wrong' },
  }),
  'oidc.c_hash': () => ({
    fault: 'oidc.id-token.hash-claims',
    params: { claims: ['c_hash'], mode: 'wrong' },
  }),
  'oidc.claims.required': (c) => {
    const present = new Set((c.actual ?? '').split(', '));
    const names = (c.expected ?? '').split(', ').filter((n) => n && !present.has(n));
    return names.length ? { fault: 'oidc.claims.remove', params: { names } } : undefined;
  },
  'oidc.token-response': (c) => {
    if (/AADSTS7000222|secret has expired/.test(c.text)) return { fault: 'oidc.endpoint.expired-secret' };
    if (/not JSON/.test(c.text)) return { fault: 'oidc.endpoint.answer', params: { route: 'token' } };
    if (/has no .*id_token/.test(c.text))
      return { fault: 'oidc.token-response.remove', params: { fields: ['id_token'] } };
    if (c.actual) return { fault: 'oidc.endpoint.error', params: { route: 'token', error: c.actual } };
    return undefined;
  },
  'oidc.authorization-response.error': (c) =>
    c.actual ? { fault: 'oidc.authorization-response.error', params: { error: c.actual } } : undefined,
  'oidc.authorization-response.state': (c) => ({
    fault: 'oidc.authorization-response.state',
    params: c.actual ? { mode: 'wrong', state: c.actual } : { mode: 'missing' },
  }),
  'oidc.authorization-response.iss': (c) => ({
    fault: 'oidc.authorization-response.iss',
    params: c.actual ? { mode: 'wrong', iss: c.actual } : { mode: 'missing' },
  }),
  'oidc.discovery': (c) => {
    if (/names the issuer/.test(c.text) && c.actual)
      return { fault: 'oidc.discovery.issuer', params: { issuer: c.actual } };
    if (c.actual) return { fault: 'oidc.discovery.endpoints', params: { endpoints: { jwks_uri: c.actual } } };
    return { fault: 'oidc.discovery.remove', params: { fields: ['jwks_uri'] } };
  },
};

function secondsFrom(
  check: Check,
  now: number,
  make: (seconds: number) => FaultRef | undefined,
): FaultRef | undefined {
  const at = Date.parse(check.actual ?? '');
  if (Number.isNaN(at)) return undefined;
  return make(Math.round((at - now) / 1000));
}

/**
 * The scenario that reproduces the problems of an explanation with the harness: the
 * faults whose effect matches each problem, `expect: 'reject'` (the SP should refuse, as
 * it refused the customer). Undefined when no problem has a matching fault.
 */
export function composeReproduction(
  explanation: Explanation,
  messages: ExplainedMessage[],
): Reproduction | undefined {
  const problems = explanation.checks.filter((c) => c.status === 'problem');
  if (problems.length === 0) return undefined;
  const now = Date.parse(explanation.captureTime);
  const faults: FaultRef[] = [];
  const sources: Reproduction['sources'] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  for (const check of problems) {
    const rule = rules[check.id];
    const made = rule?.(check, messageTime(check, messages) ?? now);
    const list = made === undefined ? [] : Array.isArray(made) ? made : [made];
    if (list.length === 0) {
      if (!unmatched.includes(check.id)) unmatched.push(check.id);
      continue;
    }
    for (const fault of list) {
      const key = fault.fault;
      if (seen.has(key)) continue;
      seen.add(key);
      faults.push(fault);
      sources.push({ fault: fault.fault, check: check.id });
    }
  }
  if (faults.length === 0) return { sources, unmatched };
  const protocol = faults.every((f) => f.fault.startsWith('oidc.')) ? 'oidc' : 'saml';
  const saml = faults.filter((f) => f.fault.startsWith(`${protocol}.`));
  const ids = [...new Set(sources.map((s) => s.check))];
  return {
    scenario: {
      id: 'explain.reproduction',
      title: `Reproduction${explanation.input.name ? ` of ${explanation.input.name}` : ''}: ${ids.join(', ')}`,
      protocol,
      faults: orderFaults(saml),
      expect: 'reject',
      tags: ['explain', reproductionTag],
      why: problems
        .filter((p) => ids.includes(p.id))
        .map((p) => p.text)
        .slice(0, 6)
        .join(' / '),
      refs: [...new Set(problems.flatMap((p) => (p.spec ? [p.spec] : [])))].slice(0, 8),
    },
    sources,
    unmatched,
  };
}

function messageTime(check: Check, messages: ExplainedMessage[]): number | undefined {
  const at = check.message === undefined ? undefined : messages[check.message]?.at;
  return at ? Date.parse(at) : undefined;
}

/** The harness applies faults in stage order; post-sign faults that refuse a DTD must see it last. */
function orderFaults(faults: FaultRef[]): FaultRef[] {
  const last = faults.filter((f) => f.fault === 'saml.doctype');
  return [...faults.filter((f) => f.fault !== 'saml.doctype'), ...last];
}
