import { createVerify } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Document, Element } from '@xmldom/xmldom';
import type { SignedXml } from 'xml-crypto';
import { childElements } from '../../lib/xml.ts';
import { signatureAlgorithmByUri, signatureAlgorithms } from './algorithms.ts';
import type { RedirectSignature } from './bindings/incoming.ts';
import { ns } from './constants.ts';

const require = createRequire(import.meta.url);
let signedXmlClass: typeof SignedXml | undefined;

/** xml-crypto (with its own copy of xmldom), loaded when a first enveloped signature arrives. */
function loadSignedXml(): typeof SignedXml {
  signedXmlClass ??= (require('xml-crypto') as typeof import('xml-crypto')).SignedXml;
  return signedXmlClass;
}

/** What checking a message's signature found. */
export type SignatureCheck =
  | { state: 'unsigned' }
  | { state: 'valid'; how: 'enveloped' | 'redirect' }
  | { state: 'invalid'; how: 'enveloped' | 'redirect'; reason: string };

/**
 * Checks the signature of an incoming message against the sender's certificates: the
 * detached query signature of HTTP-Redirect, or the enveloped ds:Signature of the root
 * element (HTTP-POST). An enveloped signature counts only when its one reference is
 * the root element itself, so a signed fragment cannot vouch for a forged message.
 */
export function checkMessageSignature(
  message: { xml: string; doc: Document; redirectSignature: RedirectSignature | undefined },
  certificates: string[],
): SignatureCheck {
  if (message.redirectSignature) return checkRedirect(message.redirectSignature, certificates);
  const root = message.doc.documentElement as Element;
  const signatures = childElements(root, 'Signature').filter((e) => e.namespaceURI === ns.dsig);
  if (signatures.length === 0) return { state: 'unsigned' };
  if (signatures.length > 1)
    return { state: 'invalid', how: 'enveloped', reason: 'the message has more than one Signature' };
  return checkEnveloped(message.xml, root, signatures[0]!, certificates);
}

function checkRedirect(signature: RedirectSignature, certificates: string[]): SignatureCheck {
  const name = signatureAlgorithmByUri(signature.sigAlg);
  if (!name) {
    return {
      state: 'invalid',
      how: 'redirect',
      reason: `SigAlg "${signature.sigAlg}" is not supported; known: ${Object.values(signatureAlgorithms)
        .map((a) => a.uri)
        .join(', ')}`,
    };
  }
  if (!signature.signature)
    return { state: 'invalid', how: 'redirect', reason: 'SigAlg is present but Signature is not' };
  const value = Buffer.from(signature.signature, 'base64');
  const hash = signatureAlgorithms[name].hash.toUpperCase();
  const ok = certificates.some((pem) => {
    try {
      return createVerify(`RSA-${hash}`).update(signature.signedContent).verify(pem, value);
    } catch {
      return false;
    }
  });
  return ok
    ? { state: 'valid', how: 'redirect' }
    : {
        state: 'invalid',
        how: 'redirect',
        reason: 'the query signature does not verify with the SP certificate',
      };
}

function checkEnveloped(
  xml: string,
  root: Element,
  signature: Element,
  certificates: string[],
): SignatureCheck {
  const id = root.getAttribute('ID');
  let lastReason = 'the signature does not verify with the SP certificate';
  const SignedXmlClass = loadSignedXml();
  for (const pem of certificates) {
    const verifier = new SignedXmlClass({ publicCert: pem });
    try {
      verifier.loadSignature(signature as unknown as globalThis.Node);
      const references = verifier.getReferences();
      if (references.length !== 1 || (references[0]!.uri !== `#${id}` && references[0]!.uri !== '')) {
        return {
          state: 'invalid',
          how: 'enveloped',
          reason: `the signature must reference the message itself (#${id}), it references ${references.map((r) => r.uri || '""').join(', ')}`,
        };
      }
      if (verifier.checkSignature(xml)) return { state: 'valid', how: 'enveloped' };
    } catch (error) {
      lastReason = `the signature does not verify: ${(error as Error).message}`;
    }
  }
  return { state: 'invalid', how: 'enveloped', reason: lastReason };
}
