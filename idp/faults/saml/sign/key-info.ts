import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { certificateKind } from './key-kinds.ts';

/** What the signature's KeyInfo says, independent of the key that really signs. */
export default defineSamlFault({
  name: 'saml.key-info',
  stage: 'sign',
  summary: "Puts another kind's certificate in the signature KeyInfo, or no KeyInfo",
  params: z.object({
    certificate: z
      .union([certificateKind, z.literal('none')])
      .default('rogue')
      .describe('Key kind whose certificate KeyInfo carries, or "none" for no KeyInfo'),
    also: z
      .array(certificateKind)
      .default([])
      .describe(
        'Key kinds whose certificates follow it in the same X509Data (e.g. the signing key when the first is the registered one)',
      ),
  }),
  apply: (plan, { certificate, also }) => ({
    ...plan,
    keyInfo: certificate === 'none' ? 'none' : { certificateKind: certificate, alsoKinds: also },
  }),
});
