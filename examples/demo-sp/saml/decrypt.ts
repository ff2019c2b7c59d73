import { promisify } from 'node:util';
import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import xmlenc from 'xml-encryption';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';
import { demoEncryptionKey } from './encryption-key.ts';
import type { IdpMetadata } from './metadata.ts';
import type { SamlSettings } from './settings.ts';
import { attr, child, children, descendants, ns, parseXml } from './xml.ts';

const XMLENC = 'http://www.w3.org/2001/04/xmlenc#';
const RSA_1_5 = 'http://www.w3.org/2001/04/xmlenc#rsa-1_5';
const RSA_OAEP_11 = 'http://www.w3.org/2009/xmlenc11#rsa-oaep';
const CBC = new Set([
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
]);
const GCM = new Set([
  'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  'http://www.w3.org/2009/xmlenc11#aes256-gcm',
]);

const decrypt = promisify(xmlenc.decrypt) as (xml: string, options: xmlenc.DecryptOptions) => Promise<string>;

/** The Response with its assertions in plaintext, ready for the signature step. */
export interface Decrypted {
  doc: Document;
  /** The SAMLResponse as the signature step reads it (base64 of `doc`). */
  base64: string;
}

/**
 * Encryption step, before the signature step. On a connection that requires encrypted
 * assertions a plaintext Assertion is refused. Each EncryptedAssertion's algorithms are
 * judged first (RSA v1.5 never; AES-CBC only when a Response signature that verifies
 * covers the ciphertext, so no padding oracle is reachable: XML Encryption 1.1 §6.5),
 * then it is decrypted and put back as an Assertion, whose own signature the signature
 * step then requires. The Response signature, checked here over the ciphertext, is
 * dropped with it.
 */
export async function decryptAssertions(
  sp: SpContext,
  settings: SamlSettings,
  doc: Document,
  base64: string,
  getMeta: () => Promise<IdpMetadata>,
): Promise<Decrypted> {
  const connection = settings.connection;
  const refuse = (reason: ConstructorParameters<typeof LoginRefused>[0], message: string, cause?: unknown) =>
    new LoginRefused(reason, message, { connection, cause });
  const response = doc.documentElement!;
  const encrypted = children(response, ns.assertion, 'EncryptedAssertion');
  const required = settings.config.encryptedAssertions === true;
  if (
    required &&
    children(response, ns.assertion, 'Assertion').length > 0 &&
    !sp.lax.has('encryption-required')
  ) {
    throw refuse(
      'encryption-required',
      `"${settings.config.displayName}" requires encrypted assertions; this one is plaintext`,
    );
  }
  if (encrypted.length === 0) return { doc, base64 };
  if (!required)
    throw refuse('response-invalid', 'the assertion is encrypted, but this connection has no decryption key');

  const responseSigned = await responseSignatureVerifies(sp, response, doc, getMeta, refuse);
  for (const wrapper of encrypted) {
    judgeAlgorithms(sp, wrapper, responseSigned, refuse);
    const data = descendants(wrapper, 'http://www.w3.org/2001/04/xmlenc#', 'EncryptedData')[0];
    if (!data) throw refuse('response-invalid', 'the EncryptedAssertion holds no EncryptedData');
    let plaintext: string;
    try {
      plaintext = await decrypt(wrapper.toString(), {
        key: demoEncryptionKey().privateKey,
        // The algorithm policy is judged above, with reasons and switches.
        disallowDecryptionWithInsecureAlgorithm: false,
        warnInsecureAlgorithm: false,
      } as xmlenc.DecryptOptions);
    } catch (error) {
      throw refuse(
        'response-invalid',
        `the assertion cannot be decrypted with this SP's key (encrypted to another certificate?): ${(error as Error).message}`,
        error,
      );
    }
    const assertion = parseXml(plaintext, 'decrypted assertion').documentElement!;
    if (assertion.namespaceURI !== ns.assertion || assertion.localName !== 'Assertion') {
      throw refuse(
        'response-invalid',
        `the EncryptedAssertion holds a ${assertion.tagName}, not an Assertion`,
      );
    }
    response.replaceChild(doc.importNode(assertion, true), wrapper);
  }
  const signature = child(response, ns.dsig, 'Signature');
  if (signature) response.removeChild(signature);
  return { doc, base64: Buffer.from(doc.toString()).toString('base64') };
}

function judgeAlgorithms(
  sp: SpContext,
  wrapper: Element,
  responseSigned: boolean,
  refuse: (reason: 'insecure-encryption' | 'strict-xmlenc-1.0' | 'strict-gcm-only', message: string) => Error,
): void {
  const methods = descendants(wrapper, XMLENC, 'EncryptionMethod');
  const transport = methods.find((m) => m.parentNode?.localName === 'EncryptedKey');
  const content = methods.find((m) => m.parentNode?.localName === 'EncryptedData');
  const transportUri = attr(transport, 'Algorithm') ?? '(none)';
  const contentUri = attr(content, 'Algorithm') ?? '(none)';
  if (transportUri === RSA_1_5 && !sp.lax.has('insecure-encryption')) {
    throw refuse(
      'insecure-encryption',
      'the content key is wrapped with RSA PKCS#1 v1.5 (rsa-1_5), open to Bleichenbacher-style attacks: refused',
    );
  }
  if (CBC.has(contentUri) && !responseSigned && !sp.lax.has('insecure-encryption')) {
    throw refuse(
      'insecure-encryption',
      `the assertion is encrypted with ${contentUri} and no verified Response signature covers the ciphertext (CBC padding oracle): refused`,
    );
  }
  if (sp.lax.has('strict-xmlenc-1.0') && (GCM.has(contentUri) || transportUri === RSA_OAEP_11)) {
    throw refuse(
      'strict-xmlenc-1.0',
      `over-strict: ${GCM.has(contentUri) ? contentUri : transportUri} is not an XML Encryption 1.0 algorithm`,
    );
  }
  if (sp.lax.has('strict-gcm-only') && CBC.has(contentUri)) {
    throw refuse(
      'strict-gcm-only',
      `over-strict: ${contentUri} refused although the Response signature covers it`,
    );
  }
}

/**
 * Whether the Response carries its own signature over itself (ciphertext included) that
 * verifies with a registered IdP certificate. One that is there but does not verify is
 * refused here, before anything is decrypted.
 */
async function responseSignatureVerifies(
  sp: SpContext,
  response: Element,
  doc: Document,
  getMeta: () => Promise<IdpMetadata>,
  refuse: (reason: 'signature-invalid', message: string) => Error,
): Promise<boolean> {
  const signature = child(response, ns.dsig, 'Signature');
  if (!signature) return false;
  const id = attr(response, 'ID');
  const uris = descendants(signature, ns.dsig, 'Reference').map((r) => attr(r, 'URI'));
  if (!id || uris.length !== 1 || uris[0] !== `#${id}`) return false;
  const xml = doc.toString();
  for (const cert of (await getMeta()).signingCertificates) {
    try {
      const verifier = new SignedXml({ publicCert: cert });
      verifier.loadSignature(signature as never);
      if (verifier.checkSignature(xml)) return true;
    } catch {
      // try the next registered certificate
    }
  }
  if (sp.lax.has('signature-required')) return false;
  throw refuse('signature-invalid', 'the Response signature over the encrypted assertion does not verify');
}
