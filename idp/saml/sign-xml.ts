import type { KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { IdpError } from '../errors.ts';
import {
  type DigestAlgorithmName,
  digestAlgorithm,
  envelopedSignature,
  exclusiveC14n,
  type SignatureAlgorithmName,
  signatureAlgorithm,
} from './algorithms.ts';

export interface XmlSigningKey {
  privateKey: KeyObject;
  /** Certificate written into KeyInfo; undefined writes no KeyInfo. */
  keyInfoCertificate: string | undefined;
  signatureAlgorithm: SignatureAlgorithmName;
  digestAlgorithm: DigestAlgorithmName;
}

/**
 * Adds an enveloped signature (exclusive c14n) to every element with the given local
 * name and ID, placed right after its Issuer as the SAML schema wants (or first when
 * it has no Issuer).
 */
export function signElement(
  xml: string,
  target: { localName: string; id: string },
  key: XmlSigningKey,
): string {
  const element = `//*[local-name(.)='${target.localName}' and @ID='${target.id}']`;
  const hasIssuer = new RegExp(
    `<(\\w+:)?${target.localName}\\b[^>]*\\bID="${target.id}"[^>]*>\\s*<(\\w+:)?Issuer\\b`,
  ).test(xml);
  const signer = new SignedXml({
    privateKey: key.privateKey,
    publicCert: key.keyInfoCertificate,
    signatureAlgorithm: signatureAlgorithm(key.signatureAlgorithm).uri,
    canonicalizationAlgorithm: exclusiveC14n,
  });
  signer.addReference({
    xpath: element,
    transforms: [envelopedSignature, exclusiveC14n],
    digestAlgorithm: digestAlgorithm(key.digestAlgorithm).uri,
  });
  try {
    signer.computeSignature(xml, {
      prefix: 'ds',
      location: hasIssuer
        ? { reference: `${element}/*[local-name(.)='Issuer']`, action: 'after' }
        : { reference: element, action: 'prepend' },
    });
  } catch (error) {
    throw new IdpError(
      'INTERNAL',
      500,
      `cannot sign the ${target.localName} ${target.id}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return signer.getSignedXml();
}
