/**
 * `explain`: checks a captured SSO message (SAMLResponse, AuthnRequest, logout
 * messages, id_token, logout token, token response, OIDC redirects, a HAR file or a
 * SAML-tracer export) against the SP's settings, in plain words.
 *
 * @example
 * import { explain, resolveContext } from './explain/index.ts';
 * const explanation = await explain({
 *   text: await readFile('response.txt', 'utf8'),
 *   context: (protocol, hints) => resolveContext({ sp: { metadata: { file: 'sp.xml' } } }, protocol, hints),
 * });
 * explanation.checks.filter((c) => c.status === 'problem');
 */
export { consoleSettings, personaOfIssuer } from './console-settings.ts';
export type { ContextOptions, ExplainContext, HarnessView, Source } from './context/index.ts';
export { resolveContext } from './context/index.ts';
export { explainDefaults } from './defaults.ts';
export type { ExplainErrorCode } from './errors.ts';
export { ExplainError } from './errors.ts';
export type { ExplainInput } from './explain.ts';
export { explain } from './explain.ts';
export type {
  Check,
  CheckStatus,
  ExplainedMessage,
  Explanation,
  Fix,
  FlowStep,
  MessageKind,
  Reproduction,
} from './types.ts';
