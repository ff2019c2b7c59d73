import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.frontchannel-logout.iss',
  stage: 'frontchannel-logout',
  summary: 'Sends the front-channel logout with another iss, or none',
  params: z.object({
    value: z
      .string()
      .min(1)
      .default('https://attacker.example/')
      .describe('The iss to send instead of the issuer'),
    remove: z.boolean().default(false).describe('Leave the iss parameter out instead'),
  }),
  apply: (params, { value, remove }) => ({ ...params, iss: remove ? undefined : value }),
});
