import { z } from 'zod';
import type { AssertionModel } from '../../../saml/response/stages.ts';
import { defineSamlFault } from '../../define.ts';
import { attributeNames, mapAssertions, requireAssertions } from '../edit-model.ts';

/** Sets, removes or renames one attribute; several values make it multi-valued. */
export default defineSamlFault({
  name: 'saml.attribute',
  stage: 'model',
  summary: 'Sets, removes or renames an attribute of the assertion (several values: multi-valued)',
  params: z.object({
    name: z.string().min(1).default('email').describe('The attribute Name, as the persona writes it'),
    values: z
      .array(z.string())
      .optional()
      .describe('Values to set (added when the attribute is absent); several make it multi-valued'),
    remove: z.boolean().default(false).describe('Leave the attribute out'),
    renameTo: z.string().min(1).optional().describe('Send the attribute under this Name instead'),
  }),
  apply: (model, { name, values, remove, renameTo }) => {
    requireAssertions(model, 'saml.attribute');
    return mapAssertions(model, (a): AssertionModel => {
      const found = a.attributes.some((attr) => attr.name === name);
      if ((remove || renameTo) && !found) {
        throw new Error(
          `saml.attribute: the assertion has no attribute "${name}"; it has: ${attributeNames(a.attributes)}`,
        );
      }
      if (remove) return { ...a, attributes: a.attributes.filter((attr) => attr.name !== name) };
      let attributes = a.attributes.map((attr) =>
        attr.name === name
          ? { ...attr, name: renameTo ?? attr.name, values: values ? [...values] : [...attr.values] }
          : attr,
      );
      if (!found && values) {
        attributes = [
          ...attributes,
          { name: renameTo ?? name, nameFormat: a.attributes[0]?.nameFormat, values: [...values] },
        ];
      }
      if (!found && !values) {
        throw new Error(`saml.attribute: give values to add the attribute "${name}"`);
      }
      return { ...a, attributes };
    });
  },
});
