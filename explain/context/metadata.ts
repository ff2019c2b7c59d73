import { X509Certificate } from 'node:crypto';
import { certificatePem } from '../../idp/keys/certificate.ts';
import { ns } from '../../idp/saml/constants.ts';
import { parseSpMetadata } from '../../idp/saml/sps/metadata.ts';
import { describeError } from '../../lib/errors.ts';
import { attributeOf, childElement, childElements, descendants, parseXml, textOf } from '../../lib/xml.ts';
import { contextError } from './load.ts';
import { emptyIdp, emptySp, type IdpSettings, type SpSettings } from './settings.ts';

/**
 * SP metadata as explain needs it: the harness's SP metadata reader, plus the attributes
 * the SP marks required (AttributeConsumingService/RequestedAttribute isRequired="true").
 */
export function spSettingsFromMetadata(xml: string, source: string): SpSettings {
  let metadata: ReturnType<typeof parseSpMetadata>;
  try {
    metadata = parseSpMetadata(xml, { source });
  } catch (error) {
    throw contextError(
      describeError(error),
      'SP metadata is an md:EntityDescriptor with an SPSSODescriptor.',
    );
  }
  const doc = parseXml(xml, source);
  const required = descendants(doc, 'RequestedAttribute')
    .filter((e) => e.namespaceURI === ns.metadata && attributeOf(e, 'isRequired') === 'true')
    .flatMap((e) => attributeOf(e, 'Name') ?? []);
  return {
    ...emptySp(source),
    entityId: metadata.entityId,
    acsUrls: metadata.acs.map((a) => a.url),
    sloUrls: metadata.slo.map((s) => s.url),
    signingCertificates: metadata.signingCertificates,
    wantAssertionsSigned: metadata.wantAssertionsSigned,
    nameIdFormats: metadata.nameIdFormats,
    requiredAttributes: required,
  };
}

/**
 * IdP metadata: the EntityDescriptor with an IDPSSODescriptor (or the one in an
 * EntitiesDescriptor), its entityID, signing certificates and SSO/SLO locations.
 */
export function idpSettingsFromMetadata(xml: string, source: string): IdpSettings {
  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(xml, source);
  } catch (error) {
    throw contextError(describeError(error));
  }
  const entities =
    doc.documentElement?.localName === 'EntityDescriptor'
      ? [doc.documentElement]
      : descendants(doc, 'EntityDescriptor');
  const entity = entities.find((e) => childElement(e, 'IDPSSODescriptor'));
  if (!entity) {
    throw contextError(
      `${source} is not SAML IdP metadata: no EntityDescriptor with an IDPSSODescriptor`,
      'Download the IdP metadata from its admin console (Entra: "Federation Metadata XML", Okta: "Identity Provider metadata").',
    );
  }
  const idp = childElement(entity, 'IDPSSODescriptor')!;
  const certificates: string[] = [];
  for (const descriptor of childElements(idp, 'KeyDescriptor')) {
    if (attributeOf(descriptor, 'use') === 'encryption') continue;
    for (const body of descendants(descriptor, 'X509Certificate')) {
      const text = textOf(body);
      if (!text) continue;
      const pem = certificatePem(text);
      try {
        new X509Certificate(pem);
      } catch {
        throw contextError(`${source}: a signing KeyDescriptor holds something that is not a certificate`);
      }
      certificates.push(pem);
    }
  }
  const locations = (name: string) =>
    childElements(idp, name).flatMap((e) => attributeOf(e, 'Location') ?? []);
  return {
    ...emptyIdp(source),
    entityId: attributeOf(entity, 'entityID'),
    ssoUrls: locations('SingleSignOnService'),
    sloUrls: locations('SingleLogoutService'),
    signingCertificates: certificates,
  };
}

/** Whether XML text is SP metadata (else, IdP metadata is assumed). */
export function isSpMetadata(xml: string): boolean {
  return /<(\w+:)?SPSSODescriptor\b/.test(xml);
}

export { ns };
