import type { Element } from '@xmldom/xmldom';
import xmlEncryption from 'xml-encryption';
import { ns } from '../../idp/saml/constants.ts';
import { describeError } from '../../lib/errors.ts';
import { serializeXml } from '../../lib/xml.ts';
import { childNS } from './parse.ts';

/**
 * Decrypts an EncryptedAssertion with the SP's private key (PEM). Returns the
 * assertion's XML, or throws an Error saying why it cannot be decrypted.
 */
export function decryptAssertion(encrypted: Element, key: string): Promise<string> {
  const data = childNS(encrypted, ns.xenc, 'EncryptedData');
  if (!data) return Promise.reject(new Error('the EncryptedAssertion holds no xenc:EncryptedData'));
  // EncryptedKey may sit beside EncryptedData (SAML Core §6.2) instead of in its KeyInfo.
  const copy = data.cloneNode(true) as Element;
  const sibling = childNS(encrypted, ns.xenc, 'EncryptedKey');
  if (sibling && !copy.getElementsByTagNameNS(ns.xenc, 'EncryptedKey').length) {
    let keyInfo = childNS(copy, ns.dsig, 'KeyInfo');
    if (!keyInfo) {
      keyInfo = copy.ownerDocument!.createElementNS(ns.dsig, 'ds:KeyInfo');
      copy.insertBefore(keyInfo, childNS(copy, ns.xenc, 'CipherData') ?? null);
    }
    keyInfo.appendChild(sibling.cloneNode(true));
  }
  return new Promise((resolve, reject) => {
    try {
      xmlEncryption.decrypt(
        serializeXml(copy),
        { key, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false },
        (error, result) => {
          if (error) reject(new Error(describeError(error)));
          else resolve(result);
        },
      );
    } catch (error) {
      reject(new Error(describeError(error)));
    }
  });
}
