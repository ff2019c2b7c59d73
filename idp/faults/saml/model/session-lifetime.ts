import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { idpNow, instantAt, mapAssertions, requireAssertions } from '../edit-model.ts';

/**
 * A short IdP session: the AuthnStatement's SessionNotOnOrAfter a few seconds after the
 * IssueInstant (the IdP ends the session soon: a deactivated user, a strict session policy).
 */
export default defineSamlFault({
  name: 'saml.session-lifetime',
  stage: 'model',
  summary: 'Sets the AuthnStatement SessionNotOnOrAfter a given number of seconds after the IssueInstant',
  params: z.object({
    seconds: z
      .number()
      .int()
      .positive()
      .max(3600)
      .default(3)
      .describe('Seconds from the IssueInstant until the IdP session ends'),
  }),
  apply: (model, { seconds }) => {
    requireAssertions(model, 'saml.session-lifetime');
    const end = instantAt(idpNow(model) + seconds * 1000);
    return mapAssertions(model, (a) => {
      if (!a.authnStatement) throw new Error('saml.session-lifetime: the assertion has no AuthnStatement');
      return { ...a, authnStatement: { ...a.authnStatement, sessionNotOnOrAfter: end } };
    });
  },
});
