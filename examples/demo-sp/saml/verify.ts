import { SAML, SamlStatusError } from '@node-saml/node-saml';
import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import type { LaxName } from '../lax.ts';
import { type CertificateVerdict, judgeCertificate, tryJudgeCertificate } from './certificates.ts';
import { laxSignatureReadings } from './lax-signatures.ts';
import type { IdpMetadata } from './metadata.ts';
import { toPem } from './metadata.ts';
import type { SamlSettings } from './settings.ts';
import { children, descendants, ns, parseXml, text } from './xml.ts';

const SHA1_URIS = new Set([
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'http://www.w3.org/2000/09/xmldsig#dsa-sha1',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1',
  'http://www.w3.org/2000/09/xmldsig#sha1',
  'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
]);

/** The assertion this SP will read, and how it got it. */
export interface VerifiedAssertion {
  assertion: Element;
  /** verified: from what node-saml verified; the others only under a lax switch. */
  how:
    | 'verified'
    | 'unsigned (lax signature-required)'
    | 'first in document (lax signature-wrapping)'
    | 'outermost Response (lax response-wrapping)'
    | `received document (lax ${string})`;
}

/**
 * Signature step. node-saml verifies the Response or Assertion signature against the
 * certificates this SP trusts and hands back only the signed assertion; around it, the
 * checks node-saml does not make: pinned certificates that are expired or weak are not
 * trusted, KeyInfo certificates are never trusted, SHA-1 is refused, and an unknown key
 * triggers one metadata refresh (rotation).
 */
export async function verifySignature(
  sp: SpContext,
  settings: SamlSettings,
  base64: string,
  doc: Document,
  getMeta: (refresh: boolean) => Promise<IdpMetadata>,
): Promise<{ verified: VerifiedAssertion; meta: IdpMetadata }> {
  const now = sp.now();
  const response = doc.documentElement!;
  const signatures = signatureElements(response);
  const refuse = (reason: ConstructorParameters<typeof LoginRefused>[0], message: string, cause?: unknown) =>
    new LoginRefused(reason, message, { connection: settings.connection, cause });

  if (!sp.lax.has('weak-crypto')) {
    for (const sig of signatures) {
      for (const el of [
        ...descendants(sig, ns.dsig, 'SignatureMethod'),
        ...descendants(sig, ns.dsig, 'DigestMethod'),
      ]) {
        const algorithm = el.getAttribute('Algorithm') ?? '';
        if (SHA1_URIS.has(algorithm))
          throw refuse('weak-crypto', `the response is signed with SHA-1 (${algorithm})`);
      }
    }
  }

  const keyInfoCerts = signatures
    .flatMap((sig) => descendants(sig, ns.dsig, 'X509Certificate'))
    .map((el) => text(el))
    .filter((b): b is string => Boolean(b))
    .map(toPem);

  let meta = await getMeta(false);
  let outcome = await tryNodeSaml(settings, base64, trustedCertificates(sp, meta, keyInfoCerts, now));
  if (outcome.kind === 'signature' && !sp.lax.has('signature-wrapping')) {
    const fresh = await getMeta(true);
    if (fresh.signingCertificates.join() !== meta.signingCertificates.join()) {
      meta = fresh;
      outcome = await tryNodeSaml(settings, base64, trustedCertificates(sp, meta, keyInfoCerts, now));
    }
  }

  if (sp.lax.has('signature-wrapping')) {
    if (!anySignatureVerifies(doc, trustedCertificates(sp, meta, keyInfoCerts, now))) {
      throw refuse('signature-invalid', 'no signature in the response verifies with the IdP certificate');
    }
    const first = descendants(doc, ns.assertion, 'Assertion')[0];
    if (!first) throw refuse('response-invalid', 'the response has no assertion');
    return { verified: { assertion: first, how: 'first in document (lax signature-wrapping)' }, meta };
  }

  if (sp.lax.has('response-wrapping') && outcome.kind === 'signature') {
    const own = children(response, ns.assertion, 'Assertion')[0];
    if (own && anySignatureVerifies(doc, trustedCertificates(sp, meta, keyInfoCerts, now))) {
      return { verified: { assertion: own, how: 'outermost Response (lax response-wrapping)' }, meta };
    }
  }

  for (const [name, reading] of Object.entries(laxSignatureReadings)) {
    if (!sp.lax.has(name as LaxName) || !reading.refusedAs.some((kind) => kind === outcome.kind)) continue;
    const assertion = reading.read(doc, response, trustedCertificates(sp, meta, keyInfoCerts, now));
    if (assertion) return { verified: { assertion, how: `received document (lax ${name})` }, meta };
  }

  if (outcome.kind === 'ok') {
    checkKeyInfoCertificates(sp, settings, meta, keyInfoCerts, now);
    if (!sp.lax.has('invalid-inner-signature')) {
      const certs = trustedCertificates(sp, meta, keyInfoCerts, now);
      const xml = doc.toString();
      const broken = signatures.find((sig) => !signatureVerifies(xml, sig, certs));
      if (broken) {
        throw refuse(
          'invalid-inner-signature',
          `the ${(broken.parentNode as Element).localName}'s own signature does not verify, although another signature covers it`,
        );
      }
    }
    const assertionDoc = parseXml(outcome.assertionXml, 'signed assertion');
    return { verified: { assertion: assertionDoc.documentElement!, how: 'verified' }, meta };
  }
  if (outcome.kind === 'status') {
    throw refuse('idp-error', `the IdP refused the login: ${outcome.message}`, outcome.error);
  }
  if (outcome.kind === 'multiple') {
    throw refuse('multiple-assertions', 'the response carries more than one assertion');
  }
  if (outcome.kind === 'other') {
    throw refuse('response-invalid', `the SAML response is invalid: ${outcome.message}`, outcome.error);
  }

  // No trusted certificate verified a signature. Say why as precisely as we can.
  const registered = meta.signingCertificates.map((pem) => tryJudgeCertificate(pem, now)).filter(isDefined);
  if (registered.some((c) => c.expiry || c.weakness)) {
    const withAll = await tryNodeSaml(
      settings,
      base64,
      registered.map((c) => c.pem),
    );
    if (withAll.kind === 'ok') {
      const bad = registered.find((c) => c.expiry) ?? registered.find((c) => c.weakness)!;
      throw bad.expiry
        ? refuse(
            'certificate-expiry',
            `the IdP signing certificate ${bad.subject} is ${bad.expiry} (valid to ${bad.validTo})`,
          )
        : refuse('weak-crypto', `the IdP signing certificate has ${bad.weakness}`);
    }
  }
  if (sp.lax.has('signature-required')) {
    const first = children(response, ns.assertion, 'Assertion')[0];
    if (!first) throw refuse('response-invalid', 'the response has no assertion');
    return { verified: { assertion: first, how: 'unsigned (lax signature-required)' }, meta };
  }
  if (signatures.length === 0) {
    throw refuse('signature-required', 'neither the Response nor the Assertion is signed');
  }
  if (keyInfoCerts.some((pem) => !meta.signingCertificates.includes(pem))) {
    throw refuse(
      'signature-invalid',
      'the signature does not verify with the registered IdP certificate (the certificate in KeyInfo is not the registered one and is not trusted)',
    );
  }
  throw refuse('signature-invalid', `the signature does not verify: ${outcome.message}`);
}

type NodeSamlOutcome =
  | { kind: 'ok'; assertionXml: string }
  | { kind: 'signature' | 'status' | 'multiple' | 'other'; message: string; error?: unknown };

async function tryNodeSaml(
  settings: SamlSettings,
  base64: string,
  certs: string[],
): Promise<NodeSamlOutcome> {
  if (certs.length === 0) return { kind: 'signature', message: 'no trusted IdP certificate' };
  const saml = new SAML({
    callbackUrl: settings.acsUrl,
    issuer: settings.spEntityId,
    idpCert: certs,
    // The policy checks (audience, times) run in this SP's own table, with reason codes
    // and lax switches; node-saml's copies would only blur which check refused.
    audience: false,
    acceptedClockSkewMs: -1,
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    validateInResponseTo: 'never' as never,
  });
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: base64 });
    const xml = profile?.getAssertionXml?.();
    if (!xml) return { kind: 'other', message: 'no assertion in the response' };
    return { kind: 'ok', assertionXml: xml };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SamlStatusError) return { kind: 'status', message, error };
    if (/multiple assertions/i.test(message)) return { kind: 'multiple', message, error };
    if (/signature|ID cannot refer|Referenced node/i.test(message))
      return { kind: 'signature', message, error };
    return { kind: 'other', message, error };
  }
}

/**
 * Registered certificates that are valid now and strong enough, plus (only with the
 * keyinfo-trust switch) whatever certificate the message itself carries.
 */
function trustedCertificates(sp: SpContext, meta: IdpMetadata, keyInfo: string[], now: number): string[] {
  const trusted = meta.signingCertificates.filter((pem) => {
    const verdict = tryJudgeCertificate(pem, now);
    if (!verdict) return false;
    if (verdict.expiry && !sp.lax.has('certificate-expiry')) return false;
    if (verdict.weakness && !sp.lax.has('weak-crypto')) return false;
    return true;
  });
  if (sp.lax.has('keyinfo-trust')) trusted.push(...keyInfo);
  else if (sp.lax.has('keyinfo-chain') && keyInfo.some((pem) => meta.signingCertificates.includes(pem))) {
    trusted.push(...keyInfo);
  }
  return trusted;
}

/**
 * A KeyInfo certificate for the same key as a registered one is the IdP's own
 * certificate for that key: if it is expired or weak, the IdP is signing under a
 * certificate that is no longer (or not yet) valid.
 */
function checkKeyInfoCertificates(
  sp: SpContext,
  settings: SamlSettings,
  meta: IdpMetadata,
  keyInfo: string[],
  now: number,
): void {
  const registeredKeys = new Set(
    meta.signingCertificates.map((pem) => tryJudgeCertificate(pem, now)?.publicKeyDer).filter(isDefined),
  );
  for (const pem of keyInfo) {
    let verdict: CertificateVerdict;
    try {
      verdict = judgeCertificate(pem, now);
    } catch {
      continue;
    }
    if (!registeredKeys.has(verdict.publicKeyDer)) continue;
    if (verdict.expiry && !sp.lax.has('certificate-expiry')) {
      throw new LoginRefused(
        'certificate-expiry',
        `the IdP signed under a certificate (${verdict.subject}) that is ${verdict.expiry} (valid to ${verdict.validTo})`,
        { connection: settings.connection },
      );
    }
    if (verdict.weakness && !sp.lax.has('weak-crypto')) {
      throw new LoginRefused('weak-crypto', `the IdP signing certificate has ${verdict.weakness}`, {
        connection: settings.connection,
      });
    }
  }
}

/** The naive check of a wrapping-vulnerable SP: does any signature anywhere verify? */
function anySignatureVerifies(doc: Document, certs: string[]): boolean {
  const xml = doc.toString();
  return descendants(doc, ns.dsig, 'Signature').some((signature) => signatureVerifies(xml, signature, certs));
}

/** Whether one signature of the document (serialized as `xml`) verifies with one of the certificates. */
function signatureVerifies(xml: string, signature: Element, certs: string[]): boolean {
  return certs.some((cert) => {
    try {
      const sig = new SignedXml({ publicCert: cert });
      sig.loadSignature(signature as never);
      return sig.checkSignature(xml);
    } catch {
      return false;
    }
  });
}

/** ds:Signature children of the Response and of its assertions. */
function signatureElements(response: Element): Element[] {
  const holders = [response, ...children(response, ns.assertion, 'Assertion')];
  return holders.flatMap((el) => children(el, ns.dsig, 'Signature'));
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
