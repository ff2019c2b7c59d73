import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { editWhere, withRawAttributes } from '../edit-model.ts';

/** A Version other than 2.0 on the Response and/or Assertion (Core §3.2.2, §2.3.3: MUST be "2.0"). */
export default defineSamlFault({
  name: 'saml.version',
  stage: 'model',
  summary: 'Writes another Version than "2.0" on the Response and/or Assertion (or none)',
  params: z.object({
    version: z.string().default('1.1').describe('The Version attribute to write'),
    remove: z.boolean().default(false).describe('Leave the Version attribute out instead'),
    where: z.enum(['both', 'response', 'assertion']).default('both').describe('Which element changes'),
  }),
  apply: (model, { version, remove, where }) => {
    const raw = { Version: remove ? null : version };
    return editWhere(model, where, {
      response: (m) => withRawAttributes(m, raw),
      assertion: (a) => withRawAttributes(a, raw),
    });
  },
});
