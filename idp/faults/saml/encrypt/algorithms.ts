import { z } from 'zod';
import { encryptionAlgorithms, keyTransportAlgorithms } from '../../../saml/algorithms.ts';
import { defineSamlFault } from '../../define.ts';

const keyTransports = Object.keys(keyTransportAlgorithms) as [keyof typeof keyTransportAlgorithms];
const contentAlgorithms = Object.keys(encryptionAlgorithms) as [keyof typeof encryptionAlgorithms];

/** Other XML Encryption algorithms than the SP asked for: the key transport, the content cipher, or both. */
export default defineSamlFault({
  name: 'saml.encryption-algorithms',
  stage: 'encrypt',
  summary:
    'Encrypts the assertion with another key transport (rsa-1_5, rsa-oaep-mgf1p, xmlenc11 rsa-oaep SHA-256) and/or content cipher (AES-CBC, AES-GCM)',
  params: z.object({
    keyTransport: z
      .enum(keyTransports)
      .optional()
      .describe(
        'How the content key is wrapped (rsa-oaep-sha256: xmlenc11#rsa-oaep, SHA-256 digest, MGF1-SHA-256)',
      ),
    data: z.enum(contentAlgorithms).optional().describe('The content cipher of the EncryptedData'),
  }),
  apply: (plan, { keyTransport, data }) => ({
    ...plan,
    keyTransport: keyTransport ?? plan.keyTransport,
    data: data ?? plan.data,
  }),
});
