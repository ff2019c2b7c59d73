import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

const methods = {
  'holder-of-key': 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key',
  'sender-vouches': 'urn:oasis:names:tc:SAML:2.0:cm:sender-vouches',
  bearer: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
} as const;

/** The SubjectConfirmation says how else the subject is confirmed: not by bearing the assertion. */
export default defineSamlFault({
  name: 'saml.subject-confirmation-method',
  stage: 'model',
  summary:
    'Sets the SubjectConfirmation Method (holder-of-key, sender-vouches, or any URI) instead of bearer',
  params: z.object({
    method: z
      .string()
      .min(1)
      .default('sender-vouches')
      .describe(`A short name (${Object.keys(methods).join(', ')}) or a Method URI`),
  }),
  apply: (model, { method }) => {
    requireAssertions(model, 'saml.subject-confirmation-method');
    const uri = Object.hasOwn(methods, method) ? methods[method as keyof typeof methods] : method;
    return mapAssertions(model, (a) => ({
      ...a,
      subject: { ...a.subject, confirmations: a.subject.confirmations.map((c) => ({ ...c, method: uri })) },
    }));
  },
});
