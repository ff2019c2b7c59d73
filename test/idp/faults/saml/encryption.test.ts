import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import xmlenc from 'xml-encryption';
import { type KeyTransportAlgorithmName, keyTransportAlgorithms } from '../../../../idp/saml/algorithms.ts';
import { encryptAssertions } from '../../../../idp/saml/response/encrypt.ts';
import { responseXml } from '../../../../idp/saml/response/xml.ts';
import type { ScenarioResult } from '../../../../runner/types.ts';
import { scenarioSchema } from '../../../../scenarios/schema.ts';
import { type Demo, startDemo } from '../../../support/demo.ts';
import { makeSpKeys } from '../../../support/saml-sp.ts';
import { bobModel } from './signed-response.ts';

const decrypt = promisify(xmlenc.decrypt) as (xml: string, options: xmlenc.DecryptOptions) => Promise<string>;
const sp = makeSpKeys('encryption-test-sp');

describe('encrypted assertions (the encrypt stage)', () => {
  it.each(Object.keys(keyTransportAlgorithms) as KeyTransportAlgorithmName[])(
    'wraps the content key with %s, and a real decryptor opens it with the SP key',
    async (keyTransport) => {
      const xml = await encryptAssertions(responseXml(bobModel()), {
        certificate: sp.certificate,
        keyTransport,
        data: 'aes128-gcm',
      });
      expect(xml).toContain(`Algorithm="${keyTransportAlgorithms[keyTransport].uri}"`);
      expect(xml).not.toContain('bob@example.com');
      if (keyTransport === 'rsa-oaep-sha256') {
        expect(xml).toContain('Algorithm="http://www.w3.org/2009/xmlenc11#mgf1sha256"');
        expect(xml).toContain('Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"');
      }
      const encrypted = xml.slice(xml.indexOf('<saml:EncryptedAssertion'), xml.indexOf('</samlp:Response>'));
      const plain = await decrypt(encrypted, {
        key: sp.privateKey,
        disallowDecryptionWithInsecureAlgorithm: false,
        warnInsecureAlgorithm: false,
      } as xmlenc.DecryptOptions);
      expect(plain).toContain('bob@example.com');
    },
  );
});

/**
 * Two refusals no lax switch can turn into a login, so they are not catalog scenarios
 * (the catalog proof needs a switch that makes each negative one fail): an assertion
 * encrypted to another certificate, and a Success response without an assertion. The
 * strict demo SP must refuse both, for the right reason.
 */
describe('refusals the demo SP makes without a switch to prove them', () => {
  let demo: Demo;
  const results = new Map<string, ScenarioResult>();
  beforeAll(async () => {
    demo = await startDemo();
    const scenarios = [
      {
        id: 'local.encryption.wrong-certificate',
        requires: { tag: 'encrypted' },
        faults: [{ fault: 'saml.encryption-certificate', params: { keyKind: 'rogue' } }],
      },
      {
        id: 'local.structure.success-without-assertion',
        faults: [{ fault: 'saml.element-missing', params: { element: 'Assertion' } }],
      },
    ].map((s) =>
      scenarioSchema.parse({ ...s, title: s.id, protocol: 'saml', expect: 'reject', why: 'test' }),
    );
    for (const result of (await demo.run(scenarios)).results) results.set(result.scenarioId, result);
  }, 120_000);
  afterAll(async () => demo?.close());

  const answered = (id: string) => JSON.stringify(results.get(id)?.http ?? []);

  it('refuses an assertion encrypted to a certificate that is not its own', () => {
    expect(results.get('local.encryption.wrong-certificate')?.verdict).toBe('pass');
    expect(answered('local.encryption.wrong-certificate')).toContain('cannot be decrypted');
  });

  it('refuses a Success response that carries no assertion', () => {
    expect(results.get('local.structure.success-without-assertion')?.verdict).toBe('pass');
    expect(answered('local.structure.success-without-assertion')).toContain('response-invalid');
  });
});
