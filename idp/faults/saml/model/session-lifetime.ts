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
    earlierBySeconds: z.coerce
      .number()
      .int()
      .min(0)
      .max(86_400)
      .default(0)
      .describe(
        "Seconds to write SessionNotOnOrAfter earlier than that: the SP's declared clock skew ({{target.clockSkewSeconds}}), so that an SP which adds its skew allowance to the session end still ends it `seconds` after the login",
      ),
  }),
  apply: (model, { seconds, earlierBySeconds }) => {
    requireAssertions(model, 'saml.session-lifetime');
    const end = instantAt(idpNow(model) + (seconds - earlierBySeconds) * 1000);
    return mapAssertions(model, (a) => {
      if (!a.authnStatement) throw new Error('saml.session-lifetime: the assertion has no AuthnStatement');
      return { ...a, authnStatement: { ...a.authnStatement, sessionNotOnOrAfter: end } };
    });
  },
});
