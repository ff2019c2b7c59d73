import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { certificateKind } from './key-kinds.ts';

/** Signs with another kind from the key factory; KeyInfo carries that kind's certificate, as a real IdP's would. */
export default defineSamlFault({
  name: 'saml.signing-key',
  stage: 'sign',
  summary: 'Signs with another key kind (expired, not-yet-valid, next, rogue, weak, sha1 certificate)',
  params: z.object({
    kind: certificateKind
      .default('expired')
      .describe(
        'expired / not-yet-valid / sha1: the registered key in another certificate; next: the key after a rotation; rogue: another key with the same subject; weak: a 1024-bit key',
      ),
  }),
  apply: (plan, { kind }) => ({ ...plan, keyKind: kind, keyInfo: { certificateKind: kind } }),
});
