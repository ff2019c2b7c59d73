import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

export default defineSamlFault({
  name: 'saml.signature-algorithm',
  stage: 'sign',
  summary: 'Signs with another SignatureMethod (e.g. RSA-SHA1)',
  params: z.object({
    algorithm: z
      .enum(['rsa-sha1', 'rsa-sha256', 'rsa-sha512'])
      .default('rsa-sha1')
      .describe('SignatureMethod of every signature'),
  }),
  apply: (plan, { algorithm }) => ({ ...plan, signatureAlgorithm: algorithm }),
});
