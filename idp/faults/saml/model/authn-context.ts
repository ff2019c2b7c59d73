import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

/** The IdP says it authenticated the user with another method than the one requested. */
export default defineSamlFault({
  name: 'saml.authn-context',
  stage: 'model',
  summary: 'Sets the AuthnContextClassRef (e.g. weaker than the SP requested)',
  params: z.object({
    classRef: z
      .string()
      .min(1)
      .default('urn:oasis:names:tc:SAML:2.0:ac:classes:Password')
      .describe(
        'AuthnContextClassRef to write (Password over plain HTTP is weaker than PasswordProtectedTransport)',
      ),
  }),
  apply: (model, { classRef }) => {
    requireAssertions(model, 'saml.authn-context');
    return mapAssertions(model, (a) => {
      if (!a.authnStatement) throw new Error('saml.authn-context: the assertion has no AuthnStatement');
      return { ...a, authnStatement: { ...a.authnStatement, classRef } };
    });
  },
});
