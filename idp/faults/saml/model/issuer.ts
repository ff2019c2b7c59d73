import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions } from '../edit-model.ts';

/** Another IdP's entityID (or none) as the Issuer of the Response, the Assertion, or both. */
export default defineSamlFault({
  name: 'saml.issuer',
  stage: 'model',
  summary: 'Sets the Issuer of the Response and/or Assertion to another entityID, or leaves it out',
  params: z.object({
    value: z
      .string()
      .min(1)
      .default('https://unknown-idp.invalid/saml/metadata')
      .describe('The Issuer to write'),
    remove: z.boolean().default(false).describe('Leave the Issuer element out instead'),
    where: z.enum(['both', 'response', 'assertion']).default('both').describe('Which Issuer changes'),
  }),
  apply: (model, { value, remove, where }) => {
    const issuer = remove ? undefined : value;
    const response = where === 'assertion' ? model : { ...model, issuer };
    if (where === 'response') return response;
    return mapAssertions(response, (a) => ({ ...a, issuer }));
  },
});
