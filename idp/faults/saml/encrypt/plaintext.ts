import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/** The assertion goes out in plaintext to an SP that asked for it encrypted (still signed as usual). */
export default defineSamlFault({
  name: 'saml.encryption-skipped',
  stage: 'encrypt',
  summary: 'Sends the assertion unencrypted to an SP that asks for encrypted assertions',
  params: z.object({}),
  apply: (plan) => ({ ...plan, encrypt: false }),
});
