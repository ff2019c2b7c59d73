import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

/** Wrong, missing or several audiences in the AudienceRestriction. */
export default defineSamlFault({
  name: 'saml.audience',
  stage: 'model',
  summary: 'Sets the AudienceRestriction to other audiences (an empty list removes it)',
  params: z.object({
    audiences: z
      .array(z.string().min(1))
      .default(['https://other-sp.invalid/saml/metadata'])
      .describe('Audiences to assert; an empty list leaves out the AudienceRestriction'),
    keepSp: z
      .boolean()
      .default(false)
      .describe("Also keep this SP's own entityID in the restriction (several audiences)"),
  }),
  apply: (model, { audiences, keepSp }, context) => {
    requireAssertions(model, 'saml.audience');
    const wanted = keepSp ? [...audiences, context.sp.entityId] : [...audiences];
    return mapAssertions(model, (a) => ({
      ...a,
      conditions: {
        notBefore: a.conditions?.notBefore,
        notOnOrAfter: a.conditions?.notOnOrAfter,
        audiences: wanted,
      },
    }));
  },
});
