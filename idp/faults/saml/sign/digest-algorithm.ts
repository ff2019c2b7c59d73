import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

export default defineSamlFault({
  name: 'saml.digest-algorithm',
  stage: 'sign',
  summary: 'Digests the signed element with another DigestMethod (e.g. SHA-1)',
  params: z.object({
    algorithm: z
      .enum(['sha1', 'sha256', 'sha512'])
      .default('sha1')
      .describe('DigestMethod of every reference'),
  }),
  apply: (plan, { algorithm }) => ({ ...plan, digestAlgorithm: algorithm }),
});
