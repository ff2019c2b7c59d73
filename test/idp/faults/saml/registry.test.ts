import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { samlFaults } from '../../../../idp/faults/saml/index.ts';
import { responseXml } from '../../../../idp/saml/response/xml.ts';
import { bobModel, signedXml, stageContext } from './signed-response.ts';

/** Parameters each fault needs beyond its defaults (to do anything at all). */
const required: Record<string, Record<string, unknown>> = {
  'saml.acs-url': { url: 'https://elsewhere.test/acs' },
  'saml.nameid': { format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' },
  'saml.attribute': { remove: true },
  'saml.comment-injection': { victim: 'bob@' },
  'saml.attribute-name-format': { nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic' },
  'saml.encryption-algorithms': { data: 'aes128-cbc' },
  'saml.xml-edit': { select: '//saml:NameID', action: 'set-text', value: 'carol@example.com' },
  'saml.xml-edit-before-signing': { select: '//saml:NameID', action: 'remove' },
};

describe('the SAML fault registry', () => {
  it('names every fault saml.<what> once, with a one-line summary', () => {
    const names = samlFaults.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const fault of samlFaults) {
      expect(fault.name).toMatch(/^saml\.[a-z0-9-]+$/);
      expect(fault.protocol).toBe('saml');
      expect(fault.summary.length).toBeGreaterThan(10);
      expect(fault.summary).not.toContain('\n');
    }
  });

  it('describes every parameter for the UI form, and works from its defaults', () => {
    for (const fault of samlFaults) {
      const schema = z.toJSONSchema(fault.params, { io: 'input' }) as {
        properties?: Record<string, { description?: string }>;
      };
      for (const [param, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description, `${fault.name}.${param}`).toBeTruthy();
      }
      expect(fault.params.safeParse(required[fault.name] ?? {}).success, fault.name).toBe(true);
    }
  });

  it('leaves the value it is given as it was (pure transforms)', async () => {
    const model = bobModel();
    const values = {
      model,
      sign: {
        keyKind: 'current',
        signatureAlgorithm: 'rsa-sha256',
        digestAlgorithm: 'sha256',
        targets: 'both',
        keyInfo: { certificateKind: 'current' },
      },
      'pre-sign': responseXml(model),
      'post-sign': signedXml(model, 'both'),
      encrypt: { encrypt: true, recipient: 'sp', keyTransport: 'rsa-oaep-mgf1p', data: 'aes256-gcm' },
      deliver: {
        binding: 'HTTP-POST',
        url: 'https://sp.test/saml/acs',
        relayState: '/',
        posts: 1,
        xml: '<x/>',
      },
      logout: {
        kind: 'LogoutResponse',
        issuer: 'https://idp.test/saml',
        destination: 'https://sp.test/saml/slo',
        inResponseTo: '_request',
        keyKind: 'current',
      },
      metadata: { signingKinds: ['current'] },
    } as const;
    for (const fault of samlFaults) {
      const value = values[fault.stage as keyof typeof values];
      const before = structuredClone(value);
      const after = await fault.apply(value, fault.params.parse(required[fault.name] ?? {}), stageContext());
      expect(value, fault.name).toEqual(before);
      expect(after, fault.name).not.toEqual(before);
    }
  });
});
