import type { Document, Element } from '@xmldom/xmldom';
import { ns } from '../idp/saml/constants.ts';
import type { PersonalKind } from '../lib/mask-personal.ts';
import { elementsNS } from './saml/parse.ts';

/** Attribute names whose values are groups or roles, not people: left unmasked. */
const NOT_PERSONAL = /(^|[/:.])(groups?|roles?|memberof|tenantid|groups\.link|authnmethodsreferences)$/i;

/** Claims that name or identify a person. */
const PERSONAL_CLAIMS: Record<string, PersonalKind> = {
  sub: 'id',
  oid: 'id',
  email: 'email',
  upn: 'email',
  unique_name: 'email',
  preferred_username: 'email',
  name: 'name',
  given_name: 'name',
  family_name: 'name',
  middle_name: 'name',
  nickname: 'name',
  login_hint: 'email',
};

/** The personal values of a SAML message: NameIDs and person attributes. */
export function personalInSaml(doc: Document): Array<[string, PersonalKind]> {
  const out: Array<[string, PersonalKind]> = [];
  for (const nameId of elementsNS(doc, ns.assertion, 'NameID')) {
    const value = nameId.textContent?.trim();
    if (value) out.push([value, 'id']);
    for (let node = nameId.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3 && node.nodeValue?.trim()) out.push([node.nodeValue.trim(), 'id']);
    }
  }
  for (const attribute of elementsNS(doc, ns.assertion, 'Attribute')) {
    const name = attribute.getAttribute('Name') ?? '';
    if (NOT_PERSONAL.test(name)) continue;
    for (const value of elementsNS(attribute as Element, ns.assertion, 'AttributeValue')) {
      const text = value.textContent?.trim();
      if (text) out.push([text, /name/i.test(name) ? 'name' : 'id']);
    }
  }
  return out;
}

/** The personal values of JWT claims or OIDC parameters. */
export function personalInClaims(claims: Record<string, unknown>): Array<[string, PersonalKind]> {
  const out: Array<[string, PersonalKind]> = [];
  for (const [claim, kind] of Object.entries(PERSONAL_CLAIMS)) {
    const value = claims[claim];
    if (typeof value === 'string' && value) out.push([value, kind]);
  }
  return out;
}
