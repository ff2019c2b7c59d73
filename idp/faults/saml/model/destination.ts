import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/** The Response names another ACS URL than the one it is posted to, or none. */
export default defineSamlFault({
  name: 'saml.destination',
  stage: 'model',
  summary: 'Sets the Response Destination to another URL, or leaves it out',
  params: z.object({
    value: z
      .string()
      .min(1)
      .default('https://other-sp.invalid/saml/acs')
      .describe('The Destination to write'),
    remove: z.boolean().default(false).describe('Leave the Destination attribute out instead'),
  }),
  apply: (model, { value, remove }) => ({ ...model, destination: remove ? undefined : value }),
});
