import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

export default defineSamlFault({
  name: 'saml.logout-issuer',
  stage: 'logout',
  summary: 'Sets the Issuer of the LogoutRequest or LogoutResponse to another entity, or leaves it out',
  params: z.object({
    value: z.string().min(1).default('https://other-idp.invalid/saml').describe('The Issuer to write'),
    remove: z.boolean().default(false).describe('Leave the Issuer element out instead'),
  }),
  apply: (plan, { value, remove }) => ({ ...plan, issuer: remove ? undefined : value }),
});
