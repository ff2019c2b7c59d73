import { z } from 'zod';
import { keyKindNames } from '../../../keys/kinds.ts';
import { defineSamlFault } from '../../define.ts';

export default defineSamlFault({
  name: 'saml.logout-signing-key',
  stage: 'logout',
  summary:
    'Signs the LogoutRequest or LogoutResponse with another key kind (rogue: one the SP never registered)',
  params: z.object({
    kind: z.enum(keyKindNames).default('rogue').describe('The key kind that signs the logout message'),
  }),
  apply: (plan, { kind }) => ({ ...plan, keyKind: kind }),
});
