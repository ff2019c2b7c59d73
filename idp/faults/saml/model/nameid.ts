import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

/** A NameID with another value or format, or no NameID at all (the Subject keeps its confirmation). */
export default defineSamlFault({
  name: 'saml.nameid',
  stage: 'model',
  summary: 'Changes the NameID value or Format, or leaves the NameID out',
  params: z.object({
    value: z.string().min(1).optional().describe('NameID value to assert; absent keeps the value'),
    format: z
      .string()
      .min(1)
      .optional()
      .describe('NameID Format URI to write (e.g. the transient format); absent keeps the format'),
    remove: z.boolean().default(false).describe('Leave the NameID out (the Subject keeps its confirmation)'),
  }),
  apply: (model, { value, format, remove }) => {
    requireAssertions(model, 'saml.nameid');
    return mapAssertions(model, (a) => {
      const current = a.subject.nameId;
      if (remove) return { ...a, subject: { ...a.subject, nameId: undefined } };
      if (!current) throw new Error('saml.nameid: the assertion has no NameID to change');
      return {
        ...a,
        subject: {
          ...a.subject,
          nameId: {
            ...current,
            value: value ?? current.value,
            format: format ?? current.format,
            // A pairwise qualifier belongs to the persistent format only.
            spNameQualifier: format && format !== current.format ? undefined : current.spNameQualifier,
          },
        },
      };
    });
  },
});
