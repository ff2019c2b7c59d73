import { createHash, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { exclusiveCanonical } from '../../../../idp/saml/exclusive-c14n.ts';
import type { ResponseModel, SamlStageContext } from '../../../../idp/saml/response/stages.ts';
import { responseXml } from '../../../../idp/saml/response/xml.ts';
import { signElement } from '../../../../idp/saml/sign-xml.ts';
import type { ServiceProvider } from '../../../../idp/saml/sps/types.ts';

/** One RSA key for the whole file: the faults need real signatures, not their origin. */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const verifyKey: KeyObject = publicKey;

const NOW = Date.parse('2030-01-01T12:00:00.000Z');
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

export const acsUrl = 'https://sp.test/saml/acs';

/** A correct response model for bob, as the pipeline would build it (one assertion). */
export function bobModel(): ResponseModel {
  return {
    id: '_response1',
    issueInstant: at(0),
    destination: acsUrl,
    inResponseTo: '_request1',
    issuer: 'https://idp.test/saml',
    status: { code: 'urn:oasis:names:tc:SAML:2.0:status:Success' },
    assertions: [
      {
        id: '_assertion1',
        issueInstant: at(0),
        issuer: 'https://idp.test/saml',
        subject: {
          nameId: {
            value: 'bob@example.com',
            format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
          },
          confirmations: [
            {
              method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
              recipient: acsUrl,
              inResponseTo: '_request1',
              notBefore: undefined,
              notOnOrAfter: at(300),
            },
          ],
        },
        conditions: { notBefore: at(-30), notOnOrAfter: at(300), audiences: ['https://sp.test/saml'] },
        authnStatement: {
          authnInstant: at(0),
          sessionIndex: '_session1',
          sessionNotOnOrAfter: at(8 * 3600),
          classRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
        },
        attributes: [
          { name: 'email', nameFormat: undefined, values: ['bob@example.com'] },
          { name: 'groups', nameFormat: undefined, values: ['engineering'] },
        ],
      },
    ],
  };
}

/** Writes and signs a model: the assertion, the Response, or both. */
export function signedXml(model: ResponseModel, parts: 'assertion' | 'response' | 'both'): string {
  const key = {
    privateKey,
    keyInfoCertificate: undefined,
    signatureAlgorithm: 'rsa-sha256' as const,
    digestAlgorithm: 'sha256' as const,
  };
  let xml = responseXml(model);
  if (parts !== 'response') {
    for (const a of model.assertions) xml = signElement(xml, { localName: 'Assertion', id: a.id }, key);
  }
  if (parts !== 'assertion') xml = signElement(xml, { localName: 'Response', id: model.id }, key);
  return xml;
}

/** Parses without this project's DTD guard (tests read what SPs would receive). */
export function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** The IDs every ds:Signature of the document references, for those that verify with the test key. */
export function verifiedReferences(xml: string): string[] {
  const doc = parse(xml);
  const out: string[] = [];
  for (const signature of Array.from(doc.getElementsByTagNameNS(DSIG, 'Signature'))) {
    const sig = new SignedXml({ publicCert: verifyKey as never });
    sig.loadSignature(signature as never);
    try {
      if (sig.checkSignature(xml)) out.push(...sig.getReferences().map((r) => r.uri!.replace(/^#/, '')));
    } catch {
      // a signature that no longer verifies is simply not listed
    }
  }
  return out;
}

/**
 * The IDs referenced by signatures that verify under Exclusive XML Canonicalization as
 * the spec writes it (processing instructions kept), for RSA-SHA256 / SHA-256 only.
 */
export function specVerifiedReferences(xml: string): string[] {
  const doc = parse(xml);
  const out: string[] = [];
  for (const signature of Array.from(doc.getElementsByTagNameNS(DSIG, 'Signature'))) {
    const signedInfo = elementChildren(signature, 'SignedInfo')[0]!;
    const reference = elementChildren(signedInfo, 'Reference')[0]!;
    const id = reference.getAttribute('URI')!.replace(/^#/, '');
    const target = signature.parentNode as Element;
    if (target.getAttribute('ID') !== id) continue;
    const digest = createHash('sha256').update(exclusiveCanonical(target, signature)).digest('base64');
    const digestValue = elementChildren(reference, 'DigestValue')[0]!.textContent!.trim();
    const signatureValue = Buffer.from(
      elementChildren(signature, 'SignatureValue')[0]!.textContent!.trim(),
      'base64',
    );
    const valid = verify('sha256', Buffer.from(exclusiveCanonical(signedInfo)), verifyKey, signatureValue);
    if (valid && digest === digestValue) out.push(id);
  }
  return out;
}

export function elementChildren(parent: Element, localName?: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName),
  );
}

/** The assertion's own Subject/NameID text (not one of an assertion nested inside it). */
export function nameIdOf(assertion: Element): string | undefined {
  const subject = elementChildren(assertion, 'Subject')[0];
  return subject ? (elementChildren(subject, 'NameID')[0]?.textContent ?? undefined) : undefined;
}

/** A stage context with just what the faults under test read. */
export function stageContext(extra: Partial<SamlStageContext> = {}): SamlStageContext {
  return {
    providerId: 'idp',
    flowId: 'flow_test',
    sp: { name: 'app', entityId: 'https://sp.test/saml' } as ServiceProvider,
    request: undefined,
    ...extra,
  };
}
