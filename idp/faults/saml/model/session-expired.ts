import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { idpNow, instantAt, mapAssertions, requireAssertions } from '../edit-model.ts';

/** The IdP says the session it authenticated has already ended (AuthnStatement SessionNotOnOrAfter). */
export default defineSamlFault({
  name: 'saml.session-expired',
  stage: 'model',
  summary: 'Sets the AuthnStatement SessionNotOnOrAfter in the past',
  params: z.object({
    secondsAgo: z
      .number()
      .int()
      .positive()
      .default(120)
      .describe('How many seconds before the IssueInstant the IdP session ended'),
  }),
  apply: (model, { secondsAgo }) => {
    requireAssertions(model, 'saml.session-expired');
    const end = instantAt(idpNow(model) - secondsAgo * 1000);
    return mapAssertions(model, (a) => {
      if (!a.authnStatement) throw new Error('saml.session-expired: the assertion has no AuthnStatement');
      return { ...a, authnStatement: { ...a.authnStatement, sessionNotOnOrAfter: end } };
    });
  },
});
