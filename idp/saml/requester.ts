import { IdpError } from '../errors.ts';
import { httpUrl } from '../http/urls.ts';
import { bindings } from './constants.ts';
import type { AuthnRequestInfo } from './messages.ts';
import type { SamlProvider } from './provider.ts';
import type { ServiceProvider } from './sps/types.ts';

/** The SP that sent an AuthnRequest, or a stand-in for an unknown one when the provider is permissive. */
export async function findRequester(
  provider: SamlProvider,
  request: AuthnRequestInfo,
): Promise<ServiceProvider> {
  if (!request.issuer) {
    throw new IdpError(
      'MESSAGE_UNEXPECTED',
      400,
      `the AuthnRequest ${request.id} has no Issuer, so the IdP cannot tell which SP sent it`,
    );
  }
  const sp = await provider.sps.findByEntityId(request.issuer);
  if (sp) return sp;
  if (provider.config.unknownSp === 'permissive') return permissiveSp(request.issuer, request.acsUrl);
  const known = provider.sps.list().map((s) => s.entityId);
  throw new IdpError(
    'UNKNOWN_SP',
    403,
    `the SP "${request.issuer}" is not registered at identity provider "${provider.displayName}"`,
    {
      hint: known.length
        ? `Known SP entityIDs: ${known.join(', ')}. Register this one under providers.${provider.id}.sps, or set unknownSp: 'permissive'.`
        : `No SP is registered. Add it under providers.${provider.id}.sps, or set unknownSp: 'permissive'.`,
      detail: { issuer: request.issuer, known },
    },
  );
}

/** An SP known only from its request: the response goes to the ACS URL it asked for, the audience is its Issuer. */
function permissiveSp(entityId: string, acsUrl: string | undefined): ServiceProvider {
  if (acsUrl !== undefined) httpUrl(acsUrl, 'the AssertionConsumerServiceURL of the AuthnRequest');
  if (!acsUrl) {
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `the AuthnRequest from unknown SP ${entityId} names no AssertionConsumerServiceURL, so there is nowhere to send the response`,
      {
        hint: 'Register the SP under sps in the config, or send AssertionConsumerServiceURL in the request.',
      },
    );
  }
  return {
    name: `permissive:${entityId}`,
    entityId,
    acs: [{ url: acsUrl, binding: bindings.post, index: undefined, isDefault: true }],
    slo: undefined,
    signingCertificates: [],
    encryptionCertificate: undefined,
    signResponse: true,
    signAssertion: true,
    encryptAssertion: false,
    encryptionAlgorithm: 'aes256-gcm',
    requireSignedRequests: false,
    nameIdFormat: undefined,
    defaultRelayState: undefined,
    source: 'permissive',
  };
}

/** The ACS URL for the response: the requested one if registered, the requested index, or the default. */
export function chooseAcs(sp: ServiceProvider, request: AuthnRequestInfo): string {
  const registered = sp.acs.map((a) => a.url);
  const list = registered.length ? registered.join(', ') : '(none)';
  if (request.acsUrl !== undefined) {
    if (registered.includes(request.acsUrl)) return request.acsUrl;
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `the AssertionConsumerServiceURL ${request.acsUrl} is not registered for SP ${sp.entityId}; registered: ${list}`,
      {
        hint: `Add ${request.acsUrl} to acsUrls of SP "${sp.name}" (or to its metadata), or fix the SP's callback URL.`,
        detail: { requested: request.acsUrl, registered },
      },
    );
  }
  if (request.acsIndex !== undefined) {
    const byIndex = sp.acs.find((a) => a.index === request.acsIndex);
    if (byIndex) return byIndex.url;
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `AssertionConsumerServiceIndex ${request.acsIndex} is not registered for SP ${sp.entityId}; registered: ${sp.acs.map((a) => `${a.index ?? '?'}=${a.url}`).join(', ') || '(none)'}`,
    );
  }
  const fallback = sp.acs[0];
  if (!fallback) {
    throw new IdpError(
      'ACS_NOT_REGISTERED',
      400,
      `SP ${sp.entityId} has no registered ACS URL and the request names none`,
      {
        hint: `Add acsUrls to SP "${sp.name}".`,
      },
    );
  }
  return fallback.url;
}
