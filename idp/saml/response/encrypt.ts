import { X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import type { Element } from '@xmldom/xmldom';
import type xmlenc from 'xml-encryption';
import { childElements, parseXml, serializeXml } from '../../../lib/xml.ts';
import { IdpError } from '../../errors.ts';
import {
  defaultKeyTransport,
  type EncryptionAlgorithmName,
  encryptionAlgorithms,
  type KeyTransportAlgorithmName,
  keyTransportAlgorithms,
} from '../algorithms.ts';
import { ns } from '../constants.ts';
import type { ServiceProvider } from '../sps/types.ts';
import type { EncryptionPlan } from './stages.ts';

type Encrypt = (content: string, options: xmlenc.EncryptOptions) => Promise<string>;
let encryptFunction: Promise<Encrypt> | undefined;

/** xml-encryption, loaded when a first SP asks for encrypted assertions. */
function loadEncrypt(): Promise<Encrypt> {
  encryptFunction ??= import('xml-encryption').then(
    (module) => promisify((module.default ?? module).encrypt) as Encrypt,
  );
  return encryptFunction;
}

/** The plan of a correct IdP: encrypt when the SP asks for it, to its certificate, RSA-OAEP and its content algorithm. */
export function defaultEncryptionPlan(sp: ServiceProvider): EncryptionPlan {
  return {
    encrypt: sp.encryptAssertion && sp.encryptionCertificate !== undefined,
    recipient: 'sp',
    keyTransport: defaultKeyTransport,
    data: sp.encryptionAlgorithm,
  };
}

/**
 * Replaces every Assertion of the Response with an EncryptedAssertion for `certificate`:
 * the `data` AES mode for the content, `keyTransport` for the content key.
 */
export async function encryptAssertions(
  xml: string,
  options: { certificate: string; data: EncryptionAlgorithmName; keyTransport?: KeyTransportAlgorithmName },
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
  const transport: { uri: string; digest?: string; mgf?: string } =
    keyTransportAlgorithms[options.keyTransport ?? defaultKeyTransport];
  const encrypt = await loadEncrypt();
  for (const assertion of childElements(root, 'Assertion').filter((e) => e.namespaceURI === ns.assertion)) {
    const encrypted = await encrypt(serializeXml(assertion), {
      rsa_pub: publicKey,
      pem: options.certificate,
      encryptionAlgorithm: encryptionAlgorithms[options.data],
      keyEncryptionAlgorithm: transport.uri,
      ...(transport.digest ? { keyEncryptionDigest: transport.digest } : {}),
      ...(transport.mgf ? { keyEncryptionMgf: transport.mgf } : {}),
      // CBC and RSA v1.5 are weaker, but some SPs only decrypt those (and faults send them on purpose).
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
