import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { attributeNames, mapAssertions, requireAssertions } from '../edit-model.ts';

/**
 * The same attribute Name in a second Attribute element with other values. Which one an
 * SP reads (first, last, both as one multi-valued attribute) differs between libraries.
 */
export default defineSamlFault({
  name: 'saml.attribute-duplicated',
  stage: 'model',
  summary: 'Repeats an attribute in a second Attribute element with the same Name and other values',
  params: z.object({
    name: z.string().min(1).default('email').describe('The attribute Name, as the persona writes it'),
    values: z
      .array(z.string())
      .min(1)
      .default(['someone-else@example.com'])
      .describe('Values of the second Attribute element'),
    first: z
      .boolean()
      .default(false)
      .describe('Write the second element before the original instead of after'),
  }),
  apply: (model, { name, values, first }) => {
    requireAssertions(model, 'saml.attribute-duplicated');
    return mapAssertions(model, (a) => {
      const at = a.attributes.findIndex((attr) => attr.name === name);
      if (at < 0) {
        throw new Error(
          `saml.attribute-duplicated: the assertion has no attribute "${name}"; it has: ${attributeNames(a.attributes)}`,
        );
      }
      const copy = { ...a.attributes[at]!, values: [...values] };
      const attributes = [...a.attributes];
      attributes.splice(first ? at : at + 1, 0, copy);
      return { ...a, attributes };
    });
  },
});
