import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

export default defineSamlFault({
  name: 'saml.logout-destination',
  stage: 'logout',
  summary: 'Sets the Destination of the LogoutRequest or LogoutResponse to another URL, or leaves it out',
  params: z.object({
    value: z
      .string()
      .min(1)
      .default('https://other-sp.invalid/saml/slo')
      .describe('The Destination to write'),
    remove: z.boolean().default(false).describe('Leave the Destination attribute out instead'),
  }),
  apply: (plan, { value, remove }) => ({ ...plan, destination: remove ? undefined : value }),
});
