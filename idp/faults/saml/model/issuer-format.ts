import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { editWhere } from '../edit-model.ts';

/** The Issuer's Format attribute left out (entity is then in effect: Core §2.2.5) or set to another. */
export default defineSamlFault({
  name: 'saml.issuer-format',
  stage: 'model',
  summary: 'Leaves the Format attribute off the Issuer (allowed) or writes another Format',
  params: z.object({
    format: z.string().min(1).optional().describe('The Format to write; absent leaves the attribute out'),
    where: z.enum(['both', 'response', 'assertion']).default('both').describe('Which Issuer changes'),
  }),
  apply: (model, { format, where }) => {
    const issuerFormat = format ?? null;
    return editWhere(model, where, {
      response: (m) => ({ ...m, issuerFormat }),
      assertion: (a) => ({ ...a, issuerFormat }),
    });
  },
});
