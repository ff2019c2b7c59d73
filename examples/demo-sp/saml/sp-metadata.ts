import { escapeHtml } from '../../../lib/html.ts';
import type { SamlSettings } from './settings.ts';

/** This SP's metadata for one connection: what an IdP admin registers. */
export function spMetadata(settings: SamlSettings): string {
  const e = escapeHtml;
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${e(settings.spEntityId)}">
  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${e(settings.sloUrl)}"/>
${settings.nameIdFormats.map((f) => `    <md:NameIDFormat>${e(f)}</md:NameIDFormat>`).join('\n')}
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${e(settings.acsUrl)}" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>
`;
}
