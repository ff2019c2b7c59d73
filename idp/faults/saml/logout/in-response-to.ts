import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

export default defineSamlFault({
  name: 'saml.logout-in-response-to',
  stage: 'logout',
  summary: 'Sets the LogoutResponse InResponseTo to an ID the SP never sent, or leaves it out',
  params: z.object({
    value: z.string().min(1).default('_never-sent-logout-request').describe('The InResponseTo to write'),
    remove: z.boolean().default(false).describe('Leave the InResponseTo attribute out instead'),
  }),
  apply: (plan, { value, remove }) =>
    plan.kind === 'LogoutResponse' ? { ...plan, inResponseTo: remove ? undefined : value } : plan,
});
