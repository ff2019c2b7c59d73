import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/** Another RelayState than the SP sent (or none): where the SP sends the user after login. */
export default defineSamlFault({
  name: 'saml.relay-state',
  stage: 'deliver',
  summary: 'Returns another RelayState than the SP sent (e.g. an outside URL), or none',
  params: z.object({
    value: z
      .string()
      .refine(
        (v) => !/^\s*(javascript|data|vbscript|blob|file)\s*:/i.test(v),
        'expected no script or data URL',
      )
      .default('https://attacker.invalid/phish')
      .describe('RelayState to send back'),
    remove: z.boolean().default(false).describe('Send no RelayState'),
  }),
  apply: (plan, { value, remove }) => ({ ...plan, relayState: remove ? undefined : value }),
});
