import type { Element } from '@xmldom/xmldom';
import { ns } from '../idp/saml/constants.ts';
import { describeError } from '../lib/errors.ts';
import { maskSecretsInText } from '../lib/mask.ts';
import { PersonalDataMasker, type PersonalKind } from '../lib/mask-personal.ts';
import { prettyXml } from '../lib/xml.ts';
import { personalInClaims, personalInSaml } from './collect.ts';
import { personaOfIssuer } from './console-settings.ts';
import type { ExplainContext, SenderHints } from './context/settings.ts';
import { summarizeContext } from './context-summary.ts';
import { explainDefaults } from './defaults.ts';
import { Findings } from './findings.ts';
import type { CapturedMessage } from './input/capture.ts';
import { readInput, tooLarge } from './input/detect.ts';
import { Unreadable, unreadableCheck } from './input/unreadable.ts';
import { checkJwt, roleOf } from './oidc/checks-jwt.ts';
import {
  checkAuthorizationRequest,
  checkAuthorizationResponse,
  checkDiscovery,
  checkTokenResponse,
} from './oidc/checks-messages.ts';
import { decodeJwt } from './oidc/jwt.ts';
import type { OidcSeen } from './oidc/model.ts';
import { composeReproduction } from './reproduce.ts';
import { firstAssertionIssuer, requestSeen, samlSummary } from './saml/describe.ts';
import type { RequestSeen, SamlCheckInput } from './saml/model.ts';
import { childNS, parseSamlXml } from './saml/parse.ts';
import { checkRequest } from './saml/requests.ts';
import { checkResponse } from './saml/response.ts';
import { parseInstant } from './time.ts';
import type { Check, ExplainedMessage, Explanation, MessageKind } from './types.ts';

export interface ExplainInput {
  /** The captured text: a message, a token, a URL, a POST body, a HAR file or a SAML-tracer export. */
  text: string;
  /** A file name, for the report. */
  name?: string | undefined;
  /**
   * The settings to compare with, or a function that resolves them once the protocol of the
   * input and who sent it (`SenderHints`) are known.
   */
  context:
    | ExplainContext
    | ((protocol: 'saml' | 'oidc' | undefined, hints: SenderHints) => Promise<ExplainContext>);
  /** Replace personal data (names, emails, IDs) with placeholders before anything is shown. */
  mask?: boolean | undefined;
}

const samlKinds: Record<string, MessageKind> = {
  Response: 'saml-response',
  AuthnRequest: 'saml-authn-request',
  LogoutRequest: 'saml-logout-request',
  LogoutResponse: 'saml-logout-response',
};

/**
 * Explains a captured SSO message, or every message of a HAR file: each check `ok`,
 * `problem` or `warning`, with the values compared, the spec section and the fix.
 * Never throws for bad input: what cannot be read is a problem, and `outcome` says
 * `unreadable`.
 *
 * @example
 * const explanation = await explain({ text: samlResponseBase64, context: await resolveContext({ sp: { metadata: { file: 'sp.xml' } } }) });
 * explanation.checks.filter((c) => c.status === 'problem');
 */
export async function explain(input: ExplainInput): Promise<Explanation> {
  const capture = readInput(input.text);
  const context =
    typeof input.context === 'function'
      ? await input.context(protocolOf(capture.messages), sendersOf(capture.messages))
      : input.context;
  const queue: CapturedMessage[] = [...capture.messages];
  const messages: ExplainedMessage[] = [];
  const checks: Check[] = [...capture.problems];
  const personal: Array<[string, PersonalKind]> = [];
  const seen: OidcSeen = {};
  let request: RequestSeen | undefined;
  let logoutRequest: RequestSeen | undefined;
  let decodedAny = false;
  let firstOidc: number | undefined;
  let firstNow: { at: number; source: Explanation['captureTimeSource'] } | undefined;
  const skewMs = context.clockSkewSeconds * 1000;

  for (let i = 0; i < queue.length; i++) {
    // A HAR of many logins takes seconds to verify: let the server answer others in between.
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const message = queue[i]!;
    const index = messages.length;
    const findings = new Findings(index);
    const explained: ExplainedMessage = {
      index,
      kind: guessKind(message),
      summary: '',
      binding: message.binding,
      url: message.url,
      at: message.at,
      decoded: '',
    };
    messages.push(explained);
    if (message.step !== undefined) {
      const step = capture.flow[message.step];
      if (step && !step.messages.includes(index)) step.messages.push(index);
    }
    try {
      if (message.kind === 'saml') {
        const doc = parseSamlXml(
          message.xml,
          message.param === 'XML' ? 'the SAML message' : `the ${message.param}`,
        );
        decodedAny = true;
        const root = doc.documentElement as Element;
        explained.decoded = prettyXml(message.xml);
        const kind = root.namespaceURI === ns.protocol ? samlKinds[root.localName ?? ''] : undefined;
        if (!kind) {
          findings.problem(
            'input.format',
            `the XML is a <${root.tagName}>, not a SAML Response, AuthnRequest, LogoutRequest or LogoutResponse`,
          );
          explained.summary = `XML <${root.tagName}>`;
        } else {
          explained.kind = kind;
          const issuer =
            childNS(root, ns.assertion, 'Issuer')?.textContent?.trim() ?? firstAssertionIssuer(root);
          explained.issuer = issuer;
          findings.persona =
            kind === 'saml-response'
              ? (personaOfIssuer(issuer, context.knownIssuers) ?? context.idp?.persona)
              : context.idp?.persona;
          explained.persona = findings.persona;
          const now = pickNow(context, message, root.getAttribute('IssueInstant') ?? undefined);
          firstNow ??= now;
          const samlInput: SamlCheckInput = {
            xml: message.xml,
            root,
            message,
            context,
            now: now.at,
            skewMs,
            findings,
            request:
              kind === 'saml-response'
                ? request
                : kind === 'saml-logout-response'
                  ? logoutRequest
                  : undefined,
          };
          if (kind === 'saml-response') await checkResponse(samlInput);
          else checkRequest(samlInput);
          if (kind === 'saml-authn-request') request = requestSeen(root, message, index);
          if (kind === 'saml-logout-request') logoutRequest = requestSeen(root, message, index);
          explained.summary = samlSummary(kind, root, issuer, message);
          personal.push(...personalInSaml(doc));
        }
      } else if (message.kind === 'jwt') {
        const token = await decodeJwt(message.compact, context.decryptionKey);
        decodedAny = true;
        const role = roleOf(token, message.role);
        explained.kind =
          role === 'logout_token'
            ? 'oidc-logout-token'
            : role === 'access_token'
              ? 'oidc-access-token'
              : 'oidc-id-token';
        explained.decoded = JSON.stringify({ header: token.header, payload: token.payload }, null, 2);
        const iss = typeof token.payload.iss === 'string' ? token.payload.iss : undefined;
        explained.issuer = iss;
        findings.persona = personaOfIssuer(iss, context.knownIssuers) ?? context.idp?.persona;
        explained.persona = findings.persona;
        const now = pickNow(
          context,
          message,
          typeof token.payload.iat === 'number'
            ? new Date(token.payload.iat * 1000).toISOString()
            : undefined,
        );
        firstNow ??= now;
        firstOidc ??= index;
        if (message.binding !== 'back-channel' && message.binding !== 'raw')
          seen.idTokenFrom = 'front-channel';
        else if (message.binding === 'back-channel') seen.idTokenFrom = 'token-endpoint';
        await checkJwt({ context, findings, now: now.at, skewMs, seen }, token, role);
        explained.summary = `${role} from ${iss ?? '(no iss)'} for ${JSON.stringify(token.payload.aud ?? '(no aud)')}, ${String(token.header.alg)}`;
        personal.push(...personalInClaims(token.payload));
      } else {
        decodedAny = true;
        firstOidc ??= index;
        const iss = message.kind === 'oidc-token-response' ? undefined : message.params.iss;
        findings.persona =
          personaOfIssuer(iss ?? context.idp?.entityId, context.knownIssuers) ?? context.idp?.persona;
        explained.persona = findings.persona;
        const now = pickNow(context, message, undefined);
        firstNow ??= now;
        const oidc = { context, findings, now: now.at, skewMs, seen };
        if (message.kind === 'oidc-token-response') {
          const { idToken, decoded } = checkTokenResponse(oidc, message.body, message.status);
          explained.decoded = decoded;
          explained.summary = `token endpoint answer${message.status ? ` (HTTP ${message.status})` : ''}`;
          if (idToken)
            queue.splice(i + 1, 0, {
              kind: 'jwt',
              compact: idToken,
              role: 'id_token',
              binding: 'back-channel',
              url: message.url,
              at: message.at,
              step: message.step,
            });
        } else if (message.kind === 'oidc-authorization-request') {
          checkAuthorizationRequest(oidc, message.params, message.url);
          explained.decoded = JSON.stringify(message.params, null, 2);
          explained.summary = `authorization request for client ${message.params.client_id ?? '(none)'}, ${message.params.response_type ?? ''}`;
          personal.push(...personalInClaims(message.params));
        } else {
          checkAuthorizationResponse(oidc, message.params, message.url);
          explained.decoded = JSON.stringify(
            { ...message.params, code: message.params.code ? '«masked»' : undefined },
            null,
            2,
          );
          explained.summary = message.params.error
            ? `authorization error ${message.params.error}`
            : `authorization response (${message.binding})`;
          if (message.params.id_token)
            queue.splice(i + 1, 0, {
              kind: 'jwt',
              compact: message.params.id_token,
              role: 'id_token',
              binding: message.binding,
              url: message.url,
              at: message.at,
              step: message.step,
            });
        }
      }
    } catch (error) {
      if (error instanceof Unreadable) findings.addAll([unreadableCheck(error)]);
      else findings.problem('input.format', `explaining this message failed: ${describeError(error)}`);
      explained.summary = explained.summary || `${explained.kind} that could not be decoded`;
    }
    checks.push(...findings.checks);
  }
  if (firstOidc !== undefined && context.idp?.discovery) {
    const findings = new Findings(firstOidc, messages[firstOidc]?.persona);
    checkDiscovery({ context, findings, now: Date.now(), skewMs, seen });
    checks.push(...findings.checks);
  }
  checks.push(...flowChecks(capture.flow));

  const captureTime = firstNow ?? {
    at: context.captureTime ?? Date.now(),
    source: context.captureTime !== undefined ? ('given' as const) : ('now' as const),
  };
  let explanation: Explanation = {
    schema: 'sso-harness/explain@1',
    input: { kind: capture.kind, bytes: Buffer.byteLength(input.text), name: input.name },
    captureTime: new Date(captureTime.at).toISOString(),
    captureTimeSource: captureTime.source,
    clockSkewSeconds: context.clockSkewSeconds,
    context: summarizeContext(context),
    messages,
    flow: capture.flow,
    checks,
    summary: { ok: 0, problem: 0, warning: 0 },
    outcome: decodedAny ? 'readable' : 'unreadable',
    masked: false,
  };
  // Codes and tokens in redirect URLs are secrets, whatever --mask says (lib/mask.ts).
  for (const step of explanation.flow) {
    step.url = maskSecretsInText(step.url);
    step.location = step.location && maskSecretsInText(step.location);
  }
  for (const message of messages) message.url = message.url && maskSecretsInText(message.url);
  if (decodedAny) explanation.reproduction = composeReproduction(explanation, messages);
  for (const check of checks) explanation.summary[check.status]++;
  if (input.mask) {
    const masker = new PersonalDataMasker();
    for (const [value, kind] of personal) masker.remember(value, kind);
    explanation = { ...masker.deep(explanation), schema: explanation.schema, masked: true };
  }
  return explanation;
}

/** Requests of the capture that failed: where the login stopped. */
function flowChecks(flow: Explanation['flow']): Check[] {
  return flow
    .filter((step) => step.status !== undefined && step.status >= 400)
    .map((step) => ({
      id: 'flow.status',
      status: 'warning' as const,
      message: step.messages[step.messages.length - 1],
      where: `${step.method} ${step.url.split('?')[0]}`,
      text: `${step.method} ${step.url.split('?')[0]} answered HTTP ${step.status}: ${step.status! >= 500 ? 'the server failed here' : 'the login was refused here'}${step.messages.length ? ' (after receiving the message above)' : ''}`,
      actual: String(step.status),
    }));
}

/** Who sent the messages, read without checking anything: a hint to pick the settings by. */
function sendersOf(messages: readonly CapturedMessage[]): SenderHints {
  const hints: SenderHints = { issuers: [], clientIds: [] };
  for (const message of messages) {
    if (message.kind === 'saml') {
      for (const match of message.xml.matchAll(/<(?:[\w.-]+:)?Issuer\b[^>]*>\s*([^<\s]+)\s*</g))
        hints.issuers.push(match[1]!);
    } else if (message.kind === 'jwt') {
      const iss = jwtIssuer(message.compact);
      if (iss) hints.issuers.push(iss);
    } else if (message.kind === 'oidc-authorization-request' && message.params.client_id) {
      hints.clientIds.push(message.params.client_id);
    }
  }
  return hints;
}

function jwtIssuer(compact: string): string | undefined {
  const payload = compact.split('.')[1];
  if (!payload || payload.length > 64 * 1024) return undefined;
  try {
    const iss = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown }).iss;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

function protocolOf(messages: readonly CapturedMessage[]): 'saml' | 'oidc' | undefined {
  const first = messages[0];
  if (!first) return undefined;
  return first.kind === 'saml' ? 'saml' : 'oidc';
}

/**
 * The explanation of an input too large to read: nothing was read, the size is the
 * problem (the CLI checks a file's size before reading it).
 */
export function explainOversized(
  bytes: number,
  name: string | undefined,
  clockSkewSeconds: number,
): Explanation {
  return {
    schema: 'sso-harness/explain@1',
    input: { kind: 'unreadable', bytes, name },
    captureTime: new Date().toISOString(),
    captureTimeSource: 'now',
    clockSkewSeconds,
    context: { notes: [] },
    messages: [],
    flow: [],
    checks: [tooLarge(bytes, explainDefaults.limits.maxInputBytes)],
    summary: { ok: 0, problem: 1, warning: 0 },
    outcome: 'unreadable',
    masked: false,
  };
}

function pickNow(
  context: ExplainContext,
  message: CapturedMessage,
  own: string | undefined,
): { at: number; source: Explanation['captureTimeSource'] } {
  if (context.captureTime !== undefined) return { at: context.captureTime, source: 'given' };
  const har = parseInstant(message.at);
  if (har !== undefined) return { at: har, source: 'har' };
  const mine = parseInstant(own);
  if (mine !== undefined) return { at: mine, source: 'message' };
  return { at: Date.now(), source: 'now' };
}

function guessKind(message: CapturedMessage): MessageKind {
  switch (message.kind) {
    case 'saml':
      return message.param === 'SAMLRequest' ? 'saml-authn-request' : 'saml-response';
    case 'jwt':
      return message.role === 'logout_token'
        ? 'oidc-logout-token'
        : message.role === 'access_token'
          ? 'oidc-access-token'
          : 'oidc-id-token';
    default:
      return message.kind;
  }
}
