import { inflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import type { SpContext } from '../context.ts';
import type { SamlSettings } from './settings.ts';
import type { SamlState } from './state.ts';

/**
 * SP-initiated login: an AuthnRequest over HTTP-Redirect, built by node-saml, whose ID
 * this SP remembers for the InResponseTo check. Metadata is read first (lazily).
 */
export async function samlLoginUrl(
  sp: SpContext,
  state: SamlState,
  settings: SamlSettings,
  relayState: string,
): Promise<string> {
  const meta = await state.metadata.get(settings.config.metadataUrl, {
    connection: settings.connection,
  });
  const saml = new SAML({
    entryPoint: meta.ssoUrl,
    issuer: settings.spEntityId,
    callbackUrl: settings.acsUrl,
    idpCert: meta.signingCertificates.length > 0 ? meta.signingCertificates : 'unused',
    identifierFormat: null,
    authnContext: [settings.authnContext],
    racComparison: 'minimum',
    generateUniqueId: () => state.requests.issue(settings.connection, sp.now()),
  });
  return saml.getAuthorizeUrlAsync(relayState, undefined, {});
}

/** The ID of the AuthnRequest in an HTTP-Redirect binding URL (DEFLATE, base64). */
export function authnRequestId(url: string): string | undefined {
  const encoded = new URL(url).searchParams.get('SAMLRequest');
  if (!encoded) return undefined;
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  return /\sID="([^"]+)"/.exec(xml)?.[1];
}
