import { DOMParser, type Element } from '@xmldom/xmldom';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** What passport-saml needs from an IdP's metadata: where to send the AuthnRequest, and which certificates sign. */
export interface IdpSettings {
  entityId: string;
  /** The HTTP-Redirect SingleSignOnService location (passport-saml's `entryPoint`). */
  entryPoint: string;
  /** Base64 certificates of the signing KeyDescriptors (passport-saml's `idpCert`). */
  idpCert: string[];
}

/**
 * Fetches and reads a SAML 2.0 IdP metadata document (SAML 2.0 Metadata §2.4.3).
 * passport-saml takes its IdP settings as options; its docs leave reading metadata to the app.
 *
 * @throws Error naming the URL when the document cannot be fetched or lacks an SSO URL or certificate.
 */
export async function readIdpMetadata(url: string): Promise<IdpSettings> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`IdP metadata at ${url}: HTTP ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), 'text/xml');
  const descriptor = doc.getElementsByTagNameNS(MD, 'IDPSSODescriptor')[0];
  if (!descriptor) throw new Error(`IdP metadata at ${url}: no IDPSSODescriptor`);
  const entityId = doc.documentElement?.getAttribute('entityID') ?? '';
  const sso = [...descriptor.getElementsByTagNameNS(MD, 'SingleSignOnService')].find(
    (e) => e.getAttribute('Binding') === REDIRECT,
  );
  const entryPoint = sso?.getAttribute('Location');
  if (!entryPoint) throw new Error(`IdP metadata at ${url}: no HTTP-Redirect SingleSignOnService`);
  const idpCert = [...descriptor.getElementsByTagNameNS(MD, 'KeyDescriptor')]
    .filter((k: Element) => (k.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((k: Element) => [...k.getElementsByTagNameNS(DS, 'X509Certificate')])
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter(Boolean);
  if (idpCert.length === 0) throw new Error(`IdP metadata at ${url}: no signing certificate`);
  return { entityId, entryPoint, idpCert };
}
