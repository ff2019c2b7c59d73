import { samlNameIdFormats } from '../../config/schema.ts';
import { prettyXml } from '../../lib/xml.ts';
import { bindings, ns } from './constants.ts';
import { el, text } from './xml-writer.ts';

export interface IdpMetadataInput {
  entityId: string;
  /** Base URL of the provider's endpoints (`<server>/saml/<id>`). */
  endpointBase: string;
  /** Base64 DER of the signing certificates (two during a rollover). */
  signingCertificates: string[];
  /** Base64 DER of the encryption certificate (the same key by default). */
  encryptionCertificate: string;
  wantAuthnRequestsSigned: boolean;
  /** The provider's default format first. */
  nameIdFormats: string[];
}

/** The IdP's metadata: an EntityDescriptor with one IDPSSODescriptor. */
export function idpMetadataXml(input: IdpMetadataInput): string {
  const keyDescriptor = (use: 'signing' | 'encryption', body: string) =>
    el(
      'md:KeyDescriptor',
      { use },
      el(
        'ds:KeyInfo',
        { 'xmlns:ds': ns.dsig },
        el('ds:X509Data', {}, el('ds:X509Certificate', {}, text(body))),
      ),
    );
  const service = (name: string, path: string) =>
    [bindings.redirect, bindings.post].map((binding) =>
      el(`md:${name}`, { Binding: binding, Location: `${input.endpointBase}/${path}` }),
    );
  const formats = [...new Set([...input.nameIdFormats, ...Object.values(samlNameIdFormats)])];
  const xml = el(
    'md:EntityDescriptor',
    { 'xmlns:md': ns.metadata, entityID: input.entityId },
    el(
      'md:IDPSSODescriptor',
      {
        WantAuthnRequestsSigned: String(input.wantAuthnRequestsSigned),
        protocolSupportEnumeration: ns.protocol,
      },
      ...input.signingCertificates.map((body) => keyDescriptor('signing', body)),
      keyDescriptor('encryption', input.encryptionCertificate),
      ...service('SingleLogoutService', 'slo'),
      ...formats.map((f) => el('md:NameIDFormat', {}, text(f))),
      ...service('SingleSignOnService', 'sso'),
    ),
  );
  // Metadata is not signed, so it can be indented for the people who read it.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${prettyXml(xml)}\n`;
}
