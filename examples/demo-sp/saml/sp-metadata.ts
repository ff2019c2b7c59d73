import { escapeHtml } from '../../../lib/html.ts';
import { demoEncryptionKey } from './encryption-key.ts';
import type { SamlSettings } from './settings.ts';

function encryptionKeyDescriptor(): string {
  const body = demoEncryptionKey()
    .certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');
  return `    <md:KeyDescriptor use="encryption">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>
      <md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>
    </md:KeyDescriptor>
`;
}

/** This SP's metadata for one connection: what an IdP admin registers. */
export function spMetadata(settings: SamlSettings): string {
  const e = escapeHtml;
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${e(settings.spEntityId)}">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
${settings.config.encryptedAssertions ? encryptionKeyDescriptor() : ''}    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${e(settings.sloUrl)}"/>
${settings.nameIdFormats.map((f) => `    <md:NameIDFormat>${e(f)}</md:NameIDFormat>`).join('\n')}
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${e(settings.acsUrl)}" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;
}
