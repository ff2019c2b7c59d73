import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import type { KeyMaterial } from '../../../idp/keys/index.ts';

/**
 * A stand-in SAML IdP for the demo SP's own tests: it serves metadata with the
 * certificates the test chooses and builds really signed responses (xml-crypto).
 */
export class StandInIdp {
  readonly entityId: string;
  certificates: string[];
  private readonly server: Server;
  url = '';

  constructor(entityId: string, certificates: string[]) {
    this.entityId = entityId;
    this.certificates = certificates;
    this.server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/samlmetadata+xml');
      res.end(this.metadata());
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get metadataUrl(): string {
    return `${this.url}/metadata`;
  }

  get ssoUrl(): string {
    return `${this.url}/sso`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  metadata(): string {
    const keys = this.certificates
      .map(
        (pem) =>
          `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${body(pem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
      )
      .join('');
    return `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${this.entityId}">
<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${this.ssoUrl}"/>
</md:IDPSSODescriptor>
</md:EntityDescriptor>`;
  }
}

export function body(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/** The ID of the AuthnRequest in an HTTP-Redirect URL. */
export function authnRequestId(redirectUrl: string): string {
  const message = new URL(redirectUrl).searchParams.get('SAMLRequest')!;
  const xml = inflateRawSync(Buffer.from(message, 'base64')).toString('utf8');
  return /\sID="([^"]+)"/.exec(xml)![1]!;
}

export interface ResponseSpec {
  issuer: string;
  acsUrl: string;
  audience: string;
  key: KeyMaterial;
  inResponseTo?: string | undefined;
  nameId?: string;
  nameIdFormat?: string;
  attributes?: Record<string, string[]>;
  destination?: string;
  recipient?: string;
  /** Seconds to shift every time in the response (the IdP's clock is off). */
  clockOffsetSeconds?: number;
  sign?: 'assertion' | 'response' | 'none';
  signatureAlgorithm?: 'rsa-sha256' | 'rsa-sha1';
  status?: string;
  authnContext?: string;
  sessionNotOnOrAfterSeconds?: number;
  assertionId?: string;
  /** Seconds to shift IssueInstant alone. */
  issueInstantSeconds?: number;
  doctype?: boolean;
}

const NS =
  'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';

/** A SAML Response as an IdP sends it, signed for real; base64 as posted to the ACS. */
export function buildResponse(spec: ResponseSpec): string {
  const offset = (spec.clockOffsetSeconds ?? 0) * 1000;
  const at = (seconds: number) => new Date(Date.now() + offset + seconds * 1000).toISOString();
  const irt = spec.inResponseTo ? ` InResponseTo="${spec.inResponseTo}"` : '';
  const assertionId = spec.assertionId ?? `_a${randomBytes(12).toString('hex')}`;
  const attributes = Object.entries(spec.attributes ?? { email: [spec.nameId ?? 'alice@example.com'] })
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${name}">${values.map((v) => `<saml:AttributeValue>${v}</saml:AttributeValue>`).join('')}</saml:Attribute>`,
    )
    .join('');
  const assertion = `<saml:Assertion ID="${assertionId}" Version="2.0" IssueInstant="${at(spec.issueInstantSeconds ?? 0)}"><saml:Issuer>${spec.issuer}</saml:Issuer><saml:Subject><saml:NameID Format="${spec.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'}">${spec.nameId ?? 'alice@example.com'}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${at(300)}" Recipient="${spec.recipient ?? spec.acsUrl}"${irt}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${at(-5)}" NotOnOrAfter="${at(300)}"><saml:AudienceRestriction><saml:Audience>${spec.audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${at(0)}" SessionIndex="_s1" SessionNotOnOrAfter="${at(spec.sessionNotOnOrAfterSeconds ?? 8 * 3600)}"><saml:AuthnContext><saml:AuthnContextClassRef>${spec.authnContext ?? 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attributes}</saml:AttributeStatement></saml:Assertion>`;
  const status = spec.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success';
  let xml = `<samlp:Response ${NS} ID="_r${randomBytes(12).toString('hex')}" Version="2.0" IssueInstant="${at(spec.issueInstantSeconds ?? 0)}" Destination="${spec.destination ?? spec.acsUrl}"${irt}><saml:Issuer>${spec.issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${status}"/></samlp:Status>${assertion}</samlp:Response>`;
  const sign = spec.sign ?? 'assertion';
  if (sign !== 'none') xml = signXml(xml, sign, spec.key, spec.signatureAlgorithm ?? 'rsa-sha256');
  if (spec.doctype) xml = `<?xml version="1.0"?><!DOCTYPE samlp:Response [<!ENTITY x "x">]>${xml}`;
  return Buffer.from(xml).toString('base64');
}

function signXml(
  xml: string,
  what: 'assertion' | 'response',
  key: KeyMaterial,
  alg: 'rsa-sha256' | 'rsa-sha1',
): string {
  const element = what === 'assertion' ? 'Assertion' : 'Response';
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certificatePem,
    signatureAlgorithm:
      alg === 'rsa-sha1'
        ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'
        : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: `//*[local-name(.)='${element}']`,
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
    digestAlgorithm:
      alg === 'rsa-sha1'
        ? 'http://www.w3.org/2000/09/xmldsig#sha1'
        : 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, {
    location: { reference: `//*[local-name(.)='${element}']/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return sig.getSignedXml();
}
