import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.frontchannel-logout.sid',
  stage: 'frontchannel-logout',
  summary: 'Sends the front-channel logout with another sid, or none',
  params: z.object({
    value: z
      .string()
      .min(1)
      .default('sid-of-another-session')
      .describe("The sid to send instead of the login's (default: one no session has)"),
    remove: z.boolean().default(false).describe('Leave the sid parameter out instead'),
  }),
  apply: (params, { value, remove }) => ({ ...params, sid: remove ? undefined : value }),
});
