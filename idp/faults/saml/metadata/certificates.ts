import { z } from 'zod';
import { keyKindNames } from '../../../keys/kinds.ts';
import { defineSamlFault } from '../../define.ts';

/** A certificate rollover as metadata shows it: old and new side by side, then the new one alone. */
export default defineSamlFault({
  name: 'saml.metadata-certificates',
  stage: 'metadata',
  summary:
    'Publishes other signing certificates in the IdP metadata (a rollover: current and next, then next)',
  params: z.object({
    kinds: z
      .array(z.enum(keyKindNames))
      .min(1)
      .default(['current', 'next'])
      .describe('Key kinds whose certificates the metadata lists for signing, in order'),
  }),
  apply: (plan, { kinds }) => ({ ...plan, signingKinds: [...kinds] }),
});
