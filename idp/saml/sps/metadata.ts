import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import {
  attributeOf,
  childElement,
  childElements,
  descendants,
  parseXml,
  textOf,
  XmlError,
} from '../../../lib/xml.ts';
import { IdpError } from '../../errors.ts';
import { isHttpUrl } from '../../http/urls.ts';
import { certificatePem } from '../../keys/certificate.ts';
import { ns } from '../constants.ts';
import type { AcsEndpoint, SloEndpoint, SpMetadata } from './types.ts';

/**
 * Reads SP metadata: an EntityDescriptor with an SPSSODescriptor, or an
 * EntitiesDescriptor holding one (or the one whose entityID is `options.entityId`).
 * Throws `SP_METADATA_INVALID` naming what is missing or wrong.
 *
 * @example
 * const sp = parseSpMetadata(uploadedXml);
 * sp.entityId; sp.acs[0].url; sp.signingCertificates.length;
 */
export function parseSpMetadata(
  xml: string,
  options: { entityId?: string | undefined; source?: string } = {},
): SpMetadata {
  const where = options.source ?? 'the SP metadata';
  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(xml, where);
  } catch (error) {
    if (error instanceof XmlError) throw invalid(error.message);
    throw error;
  }
  const root = doc.documentElement!;
  const candidates =
    root.localName === 'EntityDescriptor'
      ? [root]
      : root.localName === 'EntitiesDescriptor'
        ? descendants(root, 'EntityDescriptor')
        : [];
  if (root.namespaceURI !== ns.metadata || candidates.length === 0) {
    throw invalid(
      `${where} is not SAML metadata: the root element is <${root.tagName}>, expected md:EntityDescriptor`,
    );
  }
  const withSp = candidates.filter((e) => childElement(e, 'SPSSODescriptor'));
  if (withSp.length === 0)
    throw invalid(`${where} has no SPSSODescriptor: it does not describe a service provider`);
  let entity: Element | undefined;
  if (options.entityId) {
    entity = withSp.find((e) => e.getAttribute('entityID') === options.entityId);
    if (!entity) {
      throw invalid(
        `${where} does not describe the entityID "${options.entityId}"; it describes ${withSp.map((e) => `"${e.getAttribute('entityID')}"`).join(', ')}`,
      );
    }
  } else if (withSp.length > 1) {
    throw invalid(
      `${where} describes ${withSp.length} service providers (${withSp.map((e) => e.getAttribute('entityID')).join(', ')}); set entityId to choose one`,
    );
  } else {
    entity = withSp[0]!;
  }
  const entityId = attributeOf(entity, 'entityID');
  if (!entityId) throw invalid(`${where}: the EntityDescriptor has no entityID`);
  const sso = childElement(entity, 'SPSSODescriptor')!;

  const acs: AcsEndpoint[] = childElements(sso, 'AssertionConsumerService').map((e, i) => {
    const url = attributeOf(e, 'Location');
    if (!url) throw invalid(`${where}: AssertionConsumerService #${i + 1} has no Location`);
    if (!isHttpUrl(url)) {
      throw invalid(
        `${where}: AssertionConsumerService #${i + 1} Location "${url.slice(0, 200)}" is not an http(s) URL`,
      );
    }
    const index = attributeOf(e, 'index');
    return {
      url,
      binding: attributeOf(e, 'Binding') ?? '',
      index: index === undefined ? undefined : Number(index),
      isDefault: attributeOf(e, 'isDefault') === 'true',
    };
  });
  if (acs.length === 0) throw invalid(`${where}: the SPSSODescriptor lists no AssertionConsumerService`);
  const slo: SloEndpoint[] = childElements(sso, 'SingleLogoutService').flatMap((e) => {
    const url = attributeOf(e, 'Location');
    if (url && !isHttpUrl(url)) {
      throw invalid(`${where}: SingleLogoutService Location "${url.slice(0, 200)}" is not an http(s) URL`);
    }
    return url ? [{ url, binding: attributeOf(e, 'Binding') ?? '' }] : [];
  });

  const signingCertificates: string[] = [];
  const encryptionCertificates: string[] = [];
  childElements(sso, 'KeyDescriptor').forEach((descriptor, i) => {
    const use = attributeOf(descriptor, 'use');
    for (const body of descendants(descriptor, 'X509Certificate')) {
      const text = textOf(body);
      if (!text) continue;
      const pem = certificatePem(text);
      try {
        new X509Certificate(pem);
      } catch {
        throw invalid(
          `${where}: KeyDescriptor #${i + 1} holds an X509Certificate that is not a readable certificate`,
        );
      }
      if (use !== 'encryption') signingCertificates.push(pem);
      if (use !== 'signing') encryptionCertificates.push(pem);
    }
  });

  return {
    entityId,
    acs: sortAcs(acs),
    slo,
    signingCertificates,
    encryptionCertificates,
    authnRequestsSigned: attributeOf(sso, 'AuthnRequestsSigned') === 'true',
    wantAssertionsSigned: attributeOf(sso, 'WantAssertionsSigned') === 'true',
    nameIdFormats: childElements(sso, 'NameIDFormat').flatMap((e) => textOf(e) ?? []),
  };
}

/** The default ACS first: isDefault, then the lowest index, then document order. */
export function sortAcs(acs: AcsEndpoint[]): AcsEndpoint[] {
  const rank = (a: AcsEndpoint) => (a.isDefault ? -1 : 0);
  return acs
    .map((a, position) => ({ a, position }))
    .sort(
      (x, y) =>
        rank(x.a) - rank(y.a) ||
        (x.a.index ?? Number.MAX_SAFE_INTEGER) - (y.a.index ?? Number.MAX_SAFE_INTEGER) ||
        x.position - y.position,
    )
    .map((x) => x.a);
}

function invalid(message: string): IdpError {
  return new IdpError('SP_METADATA_INVALID', 400, message, {
    hint: 'SP metadata is an md:EntityDescriptor with an SPSSODescriptor, AssertionConsumerService locations and, for signed requests, a signing KeyDescriptor.',
  });
}
