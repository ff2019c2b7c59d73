import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

/** An assertion with no Subject: no NameID and no bearer confirmation. */
export default defineSamlFault({
  name: 'saml.subject-missing',
  stage: 'model',
  summary: 'Leaves the Subject (NameID and SubjectConfirmation) out of the assertion',
  params: z.object({}),
  apply: (model) => {
    requireAssertions(model, 'saml.subject-missing');
    return mapAssertions(model, (a) => ({ ...a, subject: { nameId: undefined, confirmations: [] } }));
  },
});
