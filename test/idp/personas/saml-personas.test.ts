import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonaName } from '../../../config/schema.ts';
import { attributeOf, descendants, parseXml } from '../../../lib/xml.ts';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import { SamlTestSp } from '../../support/saml-sp.ts';

const ms = 'http://schemas.microsoft.com';
const xmlsoap = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const formats = {
  email: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
};

/** What each persona must send for the same user, checked by node-saml and in the XML. */
const expected: Record<
  PersonaName,
  {
    format: string;
    nameId: RegExp;
    attributes: string[];
    nameFormat: string | undefined;
    /** Seconds Conditions NotBefore lies before the Assertion IssueInstant (the persona's habit). */
    notBeforeSkew: number;
  }
> = {
  generic: {
    format: formats.email,
    nameId: /^alice@example\.com$/,
    attributes: ['email', 'givenName', 'familyName', 'displayName', 'externalId', 'groups', 'roles'],
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    notBeforeSkew: 30,
  },
  entra: {
    format: formats.email,
    nameId: /^alice@example\.com$/,
    attributes: [
      `${ms}/identity/claims/tenantid`,
      `${ms}/identity/claims/objectidentifier`,
      `${ms}/identity/claims/displayname`,
      `${xmlsoap}/givenname`,
      `${xmlsoap}/surname`,
      `${xmlsoap}/emailaddress`,
      `${xmlsoap}/name`,
      `${ms}/ws/2008/06/identity/claims/groups`,
      `${ms}/ws/2008/06/identity/claims/role`,
    ],
    nameFormat: undefined,
    notBeforeSkew: 0,
  },
  google: {
    format: formats.email,
    nameId: /^alice@example\.com$/,
    attributes: ['email', 'firstName', 'lastName'],
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
    notBeforeSkew: 30,
  },
  okta: {
    format: formats.unspecified,
    nameId: /^alice@example\.com$/,
    attributes: ['firstName', 'lastName', 'email', 'groups'],
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
    notBeforeSkew: 30,
  },
  onelogin: {
    format: formats.email,
    nameId: /^alice@example\.com$/,
    attributes: ['User.email', 'User.FirstName', 'User.LastName', 'memberOf'],
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    notBeforeSkew: 30,
  },
  auth0: {
    format: formats.unspecified,
    nameId: /^auth0\|[0-9a-f]{24}$/,
    attributes: [
      `${xmlsoap}/nameidentifier`,
      `${xmlsoap}/emailaddress`,
      `${xmlsoap}/name`,
      `${xmlsoap}/givenname`,
      `${xmlsoap}/surname`,
      `${xmlsoap}/upn`,
      'http://schemas.auth0.com/email_verified',
      'http://schemas.auth0.com/groups',
    ],
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
    notBeforeSkew: 0,
  },
  adfs: {
    format: formats.unspecified,
    nameId: /^alice@example\.com$/,
    attributes: [
      `${xmlsoap}/upn`,
      `${xmlsoap}/emailaddress`,
      `${xmlsoap}/givenname`,
      `${xmlsoap}/surname`,
      `${xmlsoap}/name`,
      `${ms}/ws/2008/06/identity/claims/role`,
    ],
    nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
    notBeforeSkew: 0,
  },
};

describe('SAML personas', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startTestIdp({
      providers: Object.fromEntries(
        Object.keys(expected).map((persona) => [
          persona,
          {
            protocol: 'saml' as const,
            persona: persona as PersonaName,
            sps: { app: { entityId: 'https://app.test/metadata', acsUrls: ['https://app.test/acs'] } },
          },
        ]),
      ),
      users: {
        alice: {
          email: 'alice@example.com',
          givenName: 'Alice',
          familyName: 'Admin',
          externalId: 'E-1001',
          groups: ['admins', 'engineering'],
          roles: ['owner'],
        },
      },
    });
  });
  afterAll(() => idp.stop());
  const spFor = (providerId: string) => ({
    idpUrl: idp.url,
    providerId,
    entityId: 'https://app.test/metadata',
    acsUrl: 'https://app.test/acs',
    // No NameIDPolicy: the persona's own format shows.
    saml: { identifierFormat: null },
  });

  for (const [persona, want] of Object.entries(expected)) {
    it(`${persona} sends its NameID format and attribute names`, async () => {
      const sp = await SamlTestSp.create(spFor(persona));
      const { profile, xml } = await sp.login({ user: 'alice' });
      expect(profile.nameIDFormat).toBe(want.format);
      expect(profile.nameID).toMatch(want.nameId);
      const attributes = descendants(parseXml(xml), 'Attribute');
      expect(attributes.map((a) => a.getAttribute('Name'))).toEqual(want.attributes);
      for (const attribute of attributes) expect(attributeOf(attribute, 'NameFormat')).toBe(want.nameFormat);
      const assertion = descendants(parseXml(xml), 'Assertion')[0]!;
      const conditions = descendants(assertion, 'Conditions')[0]!;
      const issued = Date.parse(attributeOf(assertion, 'IssueInstant')!);
      expect(issued - Date.parse(attributeOf(conditions, 'NotBefore')!)).toBe(want.notBeforeSkew * 1000);
      // node-saml reads them as the profile's keys, multi-valued ones as arrays.
      for (const name of want.attributes) expect(profile).toHaveProperty([name]);
      const groupsClaim = want.attributes.find(
        (n) => /groups|role|memberOf/.test(n) && !n.endsWith('email_verified'),
      );
      if (groupsClaim)
        expect(Array.isArray(profile[groupsClaim]) || typeof profile[groupsClaim] === 'string').toBe(true);
    });
  }

  it('entra sends the objectidentifier as a stable GUID, adfs sends groups and roles as role claims', async () => {
    const entra = await (await SamlTestSp.create(spFor('entra'))).login({
      user: 'alice',
    });
    const again = await (await SamlTestSp.create(spFor('entra'))).login({
      user: 'alice',
    });
    const oid = `${ms}/identity/claims/objectidentifier`;
    expect(entra.profile[oid]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(again.profile[oid]).toBe(entra.profile[oid]);
    const adfs = await (await SamlTestSp.create(spFor('adfs'))).login({
      user: 'alice',
    });
    expect(adfs.profile[`${ms}/ws/2008/06/identity/claims/role`]).toEqual(['admins', 'engineering', 'owner']);
  });

  it("honours the request's NameIDPolicy over the persona's default format", async () => {
    const persistent = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
    const sp = await SamlTestSp.create({ ...spFor('okta'), saml: { identifierFormat: persistent } });
    const { profile } = await sp.login({ user: 'alice' });
    expect(profile.nameIDFormat).toBe(persistent);
    expect(profile.nameID).not.toContain('@');
    const again = await (
      await SamlTestSp.create({ ...spFor('okta'), saml: { identifierFormat: persistent } })
    ).login({
      user: 'alice',
    });
    expect(again.profile.nameID).toBe(profile.nameID);
  });
});
