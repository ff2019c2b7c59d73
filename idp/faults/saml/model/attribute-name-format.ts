import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

/** The NameFormat of the assertion's attributes left out (unspecified is then in effect: Core §2.7.3.1) or changed. */
export default defineSamlFault({
  name: 'saml.attribute-name-format',
  stage: 'model',
  summary: 'Leaves the NameFormat off every Attribute (allowed: unspecified) or writes another one',
  params: z.object({
    nameFormat: z
      .string()
      .min(1)
      .optional()
      .describe('The NameFormat URI to write; absent leaves the attribute out'),
  }),
  apply: (model, { nameFormat }) => {
    requireAssertions(model, 'saml.attribute-name-format');
    return mapAssertions(model, (a) => ({
      ...a,
      attributes: a.attributes.map((attr) => ({ ...attr, nameFormat })),
    }));
  },
});
