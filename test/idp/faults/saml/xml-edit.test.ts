import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileHooks, resolveFaults } from '../../../../idp/faults/compile.ts';
import { faultRegistry } from '../../../../idp/faults/index.ts';
import { type FaultRef, FLOW_COOKIE } from '../../../../idp/flows.ts';
import { startTestIdp, type TestIdp } from '../../../support/idp.ts';
import { autoPostForm, type Page, SamlTestSp } from '../../../support/saml-sp.ts';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** saml.xml-edit and saml.xml-edit-before-signing, through a composed flow and a node-saml SP. */
describe('the XML-edit faults', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        idp: {
          protocol: 'saml',
          sps: { app: { entityId: 'https://app.test/metadata', acsUrls: ['https://app.test/acs'] } },
        },
      },
      users: { bob: { email: 'bob@example.com' } },
    });
  });
  afterAll(() => idp.stop());

  /** Logs bob in through a flow with these faults; returns the SP and the IdP's answer. */
  async function loginWith(faults: FaultRef[]): Promise<{ sp: SamlTestSp; page: Page; flowId: string }> {
    const hooks = compileHooks(resolveFaults(faults, faultRegistry, 'saml'));
    const flow = idp.context.flows.create(
      { providerId: 'idp', user: idp.context.directory.get('bob')!, faults },
      hooks,
    );
    const sp = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://app.test/metadata',
      acsUrl: 'https://app.test/acs',
    });
    sp.browser.cookies.set(FLOW_COOKIE, flow.id);
    return { sp, page: await sp.startLogin(), flowId: flow.id };
  }
  const delivered = (page: Page) =>
    Buffer.from(autoPostForm(page).fields.SAMLResponse!, 'base64').toString('utf8');

  it('before signing: the edit is covered by the signatures, so a strict SP reads it', async () => {
    const { sp, page } = await loginWith([
      {
        fault: 'saml.xml-edit-before-signing',
        params: {
          select: '//saml:Assertion/saml:Subject/saml:NameID',
          action: 'set-text',
          value: 'carol@example.com',
        },
      },
    ]);
    const { profile } = await sp.consume(page);
    expect(profile.nameID).toBe('carol@example.com');
  });

  it('after signing: the same edit breaks the signatures', async () => {
    const { sp, page } = await loginWith([
      {
        fault: 'saml.xml-edit',
        params: { select: '//saml:NameID', action: 'set-text', value: 'carol@example.com' },
      },
    ]);
    expect(delivered(page)).toContain('>carol@example.com</saml:NameID>');
    await expect(sp.consume(page)).rejects.toThrow(/signature/i);
  });

  it('duplicates, moves, wraps and inserts, in the order the scenario lists them', async () => {
    const { page } = await loginWith([
      // a copy of the signed assertion after it, under another ID
      { fault: 'saml.xml-edit', params: { select: '/samlp:Response/saml:Assertion', action: 'duplicate' } },
      {
        fault: 'saml.xml-edit',
        params: {
          select: '(/samlp:Response/saml:Assertion)[2]',
          action: 'set-attribute',
          name: 'ID',
          value: '_copy',
        },
      },
      // its signature goes, and the copy moves before the Status
      {
        fault: 'saml.xml-edit',
        params: { select: "//saml:Assertion[@ID='_copy']/ds:Signature", action: 'remove' },
      },
      {
        fault: 'saml.xml-edit',
        params: {
          select: "//saml:Assertion[@ID='_copy']",
          action: 'move',
          to: '/samlp:Response/samlp:Status',
          position: 'before',
        },
      },
      // then it is wrapped in Extensions, and a comment and an xsi:type are added
      {
        fault: 'saml.xml-edit',
        params: { select: "//saml:Assertion[@ID='_copy']", action: 'wrap', xml: '<samlp:Extensions/>' },
      },
      {
        fault: 'saml.xml-edit',
        params: {
          select: '//samlp:Extensions',
          action: 'insert',
          xml: '<!--wrapped-->',
          position: 'inside-first',
        },
      },
      {
        fault: 'saml.xml-edit',
        params: {
          select: "//saml:Assertion[@ID='_copy']//saml:AttributeValue",
          action: 'set-attribute',
          name: 'xsi:type',
          value: 'xs:string',
        },
      },
      {
        fault: 'saml.xml-edit',
        params: { select: "//saml:Assertion[@ID='_copy']/@Version", action: 'remove' },
      },
    ]);
    const xml = delivered(page);
    const doc = new (await import('@xmldom/xmldom')).DOMParser().parseFromString(xml, 'text/xml');
    const response = doc.documentElement!;
    const children = Array.from(response.childNodes)
      .filter((n) => n.nodeType === 1)
      .map((n) => (n as unknown as Element).localName);
    expect(children).toEqual(['Issuer', 'Signature', 'Extensions', 'Status', 'Assertion']);
    const copy = Array.from(doc.getElementsByTagNameNS(SAML, 'Assertion')).find(
      (a) => a.getAttribute('ID') === '_copy',
    )!;
    expect(copy.parentNode!.firstChild!.nodeType).toBe(8);
    expect(copy.hasAttribute('Version')).toBe(false);
    expect(copy.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature').length).toBe(0);
    expect(xml).toMatch(/xsi:type="xs:string"/);
    expect(xml).toMatch(/xmlns:xsi="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance"/);
  });

  it('refuses a bad XPath, a missing parameter and bad raw XML before the flow starts, naming the parameter', () => {
    const check = (params: Record<string, unknown>) => () =>
      resolveFaults([{ fault: 'saml.xml-edit', params }], faultRegistry, 'saml');
    expect(check({ select: '//saml:NameID[', action: 'remove' })).toThrow(
      /"saml\.xml-edit": select: not a valid XPath/,
    );
    expect(check({ select: '//foo:NameID', action: 'remove' })).toThrow(
      /select: uses the undeclared prefix "foo:"; known prefixes: samlp, saml/,
    );
    // A prefix after a step that matches nothing is caught too (evaluation would never reach it).
    expect(check({ select: '/samlp:Response/foo:Assertion/saml:NameID', action: 'remove' })).toThrow(
      /undeclared prefix "foo:"/,
    );
    expect(
      check({ select: "//saml:Assertion/child::saml:Subject[@x='a:b']", action: 'remove' }),
    ).not.toThrow();
    expect(check({ select: '//saml:NameID', action: 'set-attribute', name: 'x' })).toThrow(
      /value: action "set-attribute" needs value/,
    );
    expect(check({ select: '//saml:NameID', action: 'insert', xml: '<saml:Open>' })).toThrow(
      /xml: not well-formed XML/,
    );
    expect(check({ select: '//saml:NameID', action: 'wrap', xml: '<a/><b/>' })).toThrow(
      /xml: wrap needs exactly one element/,
    );
    expect(check({ select: '//saml:NameID', action: 'move' })).toThrow(/to: action "move" needs to/);
  });

  it('an XPath that matches nothing fails the login with an error naming the parameter, and the IdP keeps serving', async () => {
    const { flowId, page } = await loginWith([
      { fault: 'saml.xml-edit', params: { select: '//saml:EncryptedID', action: 'remove' } },
    ]);
    expect(page.status).toBe(500);
    const [error] = idp.context.trace.list({ flowId }).filter((e) => e.kind === 'error');
    expect(error?.error).toBe(
      'fault "saml.xml-edit" failed at stage post-sign: Error: select: "//saml:EncryptedID" matches nothing in the signed response',
    );
    const { sp, page: next } = await loginWith([]);
    expect((await sp.consume(next)).profile.nameID).toBe('bob@example.com');
  });
});
