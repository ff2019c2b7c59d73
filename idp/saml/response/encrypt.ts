import { X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import type { Element } from '@xmldom/xmldom';
import type xmlenc from 'xml-encryption';
import { childElements, parseXml, serializeXml } from '../../../lib/xml.ts';
import { IdpError } from '../../errors.ts';
import { type EncryptionAlgorithmName, encryptionAlgorithms, keyTransportAlgorithm } from '../algorithms.ts';
import { ns } from '../constants.ts';

type Encrypt = (content: string, options: xmlenc.EncryptOptions) => Promise<string>;
let encryptFunction: Promise<Encrypt> | undefined;

/** xml-encryption, loaded when a first SP asks for encrypted assertions. */
function loadEncrypt(): Promise<Encrypt> {
  encryptFunction ??= import('xml-encryption').then(
    (module) => promisify((module.default ?? module).encrypt) as Encrypt,
  );
  return encryptFunction;
}

/**
 * Replaces every Assertion of the Response with an EncryptedAssertion for the SP's
 * certificate: the chosen AES mode for the content, RSA-OAEP for the key.
 */
export async function encryptAssertions(
  xml: string,
  options: { certificate: string; algorithm: EncryptionAlgorithmName },
): Promise<string> {
  let doc: ReturnType<typeof parseXml>;
  try {
    doc = parseXml(xml, 'the signed response');
  } catch (error) {
    throw new IdpError('INTERNAL', 500, `cannot encrypt the assertion: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const root = doc.documentElement as Element;
  const publicKey = new X509Certificate(options.certificate).publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const encrypt = await loadEncrypt();
  for (const assertion of childElements(root, 'Assertion').filter((e) => e.namespaceURI === ns.assertion)) {
    const encrypted = await encrypt(serializeXml(assertion), {
      rsa_pub: publicKey,
      pem: options.certificate,
      encryptionAlgorithm: encryptionAlgorithms[options.algorithm],
      keyEncryptionAlgorithm: keyTransportAlgorithm,
      // CBC is weaker than GCM, but some SPs only decrypt CBC: allowed because configured.
      disallowEncryptionWithInsecureAlgorithm: false,
      warnInsecureAlgorithm: false,
    } as xmlenc.EncryptOptions);
    const wrapper = parseXml(
      `<saml:EncryptedAssertion xmlns:saml="${ns.assertion}">${encrypted}</saml:EncryptedAssertion>`,
      'the encrypted assertion',
    ).documentElement!;
    root.replaceChild(doc.importNode(wrapper, true), assertion);
  }
  return serializeXml(doc);
}
