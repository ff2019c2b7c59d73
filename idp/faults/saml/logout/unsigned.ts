import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/** The IdP's LogoutRequest or LogoutResponse goes out without any signature. */
export default defineSamlFault({
  name: 'saml.logout-unsigned',
  stage: 'logout',
  summary: 'Sends the LogoutRequest or LogoutResponse unsigned (no XML signature, no query signature)',
  params: z.object({}),
  apply: (plan) => ({ ...plan, keyKind: undefined }),
});
