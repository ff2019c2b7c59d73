import { explainDefaults } from '../defaults.ts';
import { ExplainError } from '../errors.ts';
import { declaredClockSkew, type HarnessView, knownIssuers, settingsFromTarget } from './harness.ts';
import { describeSource, loadSource, type Source } from './load.ts';
import { idpSettingsFromMetadata, isSpMetadata, spSettingsFromMetadata } from './metadata.ts';
import { idpSettingsFromDiscovery, jwksFromText } from './oidc.ts';
import {
  type ExplainContext,
  emptyIdp,
  emptySp,
  type IdpSettings,
  type SenderHints,
  type SpSettings,
} from './settings.ts';

/** What the user tells explain about the SP and the IdP (CLI flags, API body). */
export interface ContextOptions {
  sp?: {
    /** SP metadata (text, file or URL). */
    metadata?: Source | undefined;
    entityId?: string | undefined;
    acsUrls?: string[] | undefined;
    clientId?: string | undefined;
    redirectUris?: string[] | undefined;
    requiredAttributes?: string[] | undefined;
    requiredClaims?: string[] | undefined;
  };
  idp?: {
    /** IdP metadata (text, file or URL). */
    metadata?: Source | undefined;
    /** An OP's issuer or discovery URL. */
    discovery?: string | undefined;
    jwks?: Source | undefined;
    /** The SAML entityID or OIDC issuer the SP trusts. */
    issuer?: string | undefined;
  };
  /** A target (and connection) of the harness config: the SP and IdP settings the harness holds. */
  target?: { view: HarnessView; name: string; connection?: string | undefined } | undefined;
  /** The SP's private key (PEM): EncryptedAssertion, JWE. */
  decryptionKey?: Source | undefined;
  /** ISO 8601; default: from the HAR, or the message's IssueInstant / iat. */
  captureTime?: string | undefined;
  clockSkewSeconds?: number | undefined;
  expected?: ExplainContext['expected'] | undefined;
}

/**
 * Loads the settings a message is compared with: SP metadata or a harness target, IdP
 * metadata, an OP's discovery document and JWKS, the decryption key. Throws
 * ExplainError (EXPLAIN_CONTEXT, EXPLAIN_BAD_OPTION) when something named cannot be used.
 */
export async function resolveContext(
  options: ContextOptions,
  protocol: 'saml' | 'oidc' | undefined,
  hints?: SenderHints,
): Promise<ExplainContext> {
  let sp: SpSettings | undefined;
  let idp: IdpSettings | undefined;
  let known: ExplainContext['knownIssuers'] = [];
  let harness: ExplainContext['harness'];
  if (options.target) {
    const resolved = await settingsFromTarget(
      options.target.view,
      options.target.name,
      options.target.connection,
      protocol,
      hints,
    );
    sp = resolved.sp;
    idp = resolved.idp;
    known = await knownIssuers(options.target.view);
    harness = { target: options.target.name, connection: resolved.connection };
  }
  const spOptions = options.sp ?? {};
  if (spOptions.metadata) {
    const text = await loadSource(spOptions.metadata, 'the SP metadata');
    if (!isSpMetadata(text)) {
      throw new ExplainError(
        'EXPLAIN_CONTEXT',
        `${describeSource(spOptions.metadata, 'the SP metadata')} has no SPSSODescriptor: it is not SP metadata`,
        {
          hint: 'Give the SP metadata with --sp-metadata and the IdP metadata with --idp-metadata.',
        },
      );
    }
    sp = spSettingsFromMetadata(text, describeSource(spOptions.metadata, 'SP metadata'));
  }
  if (
    spOptions.entityId ||
    spOptions.acsUrls?.length ||
    spOptions.clientId ||
    spOptions.redirectUris?.length ||
    spOptions.requiredAttributes?.length ||
    spOptions.requiredClaims?.length
  ) {
    const base = sp ?? emptySp('given settings');
    sp = {
      ...base,
      entityId: spOptions.entityId ?? base.entityId,
      acsUrls: spOptions.acsUrls?.length ? spOptions.acsUrls : base.acsUrls,
      clientId: spOptions.clientId ?? base.clientId,
      redirectUris: spOptions.redirectUris?.length ? spOptions.redirectUris : base.redirectUris,
      requiredAttributes: [...base.requiredAttributes, ...(spOptions.requiredAttributes ?? [])],
      requiredClaims: [...base.requiredClaims, ...(spOptions.requiredClaims ?? [])],
    };
  }
  const idpOptions = options.idp ?? {};
  if (idpOptions.metadata) {
    const text = await loadSource(idpOptions.metadata, 'the IdP metadata');
    idp = {
      ...idpSettingsFromMetadata(text, describeSource(idpOptions.metadata, 'IdP metadata')),
      persona: idp?.persona,
    };
  }
  if (idpOptions.discovery)
    idp = { ...(await idpSettingsFromDiscovery(idpOptions.discovery)), persona: idp?.persona };
  if (idpOptions.jwks) {
    const text = await loadSource(idpOptions.jwks, 'the JWKS');
    idp = {
      ...(idp ?? emptyIdp(describeSource(idpOptions.jwks, 'JWKS'))),
      jwks: jwksFromText(text, describeSource(idpOptions.jwks, 'the JWKS')),
      jwksProblem: undefined,
    };
  }
  if (idpOptions.issuer) idp = { ...(idp ?? emptyIdp('given issuer')), entityId: idpOptions.issuer };
  const captureTime = options.captureTime === undefined ? undefined : Date.parse(options.captureTime);
  if (captureTime !== undefined && Number.isNaN(captureTime)) {
    throw new ExplainError(
      'EXPLAIN_BAD_OPTION',
      `the capture time "${options.captureTime}" is not an ISO 8601 date`,
      { hint: 'For example 2026-03-02T09:15:00Z.' },
    );
  }
  // The skew the user gives wins, then the one the target declares.
  const skew =
    options.clockSkewSeconds ??
    (options.target ? declaredClockSkew(options.target.view, options.target.name) : undefined) ??
    explainDefaults.clockSkewSeconds;
  if (!Number.isFinite(skew) || skew < 0)
    throw new ExplainError('EXPLAIN_BAD_OPTION', `the clock skew must be 0 or more seconds, got ${skew}`);
  return {
    sp,
    idp,
    decryptionKey: options.decryptionKey
      ? await loadSource(options.decryptionKey, 'the decryption key')
      : undefined,
    captureTime,
    clockSkewSeconds: skew,
    expected: options.expected ?? {},
    knownIssuers: known,
    harness,
  };
}

export type { HarnessView } from './harness.ts';
export type { Source } from './load.ts';
export type { ExplainContext, IdpSettings, SenderHints, SpSettings } from './settings.ts';
