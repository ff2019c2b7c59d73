import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { assertionsOf, editSignedXml, forgeIdentity } from '../edit-xml.ts';

/** Content changed after signing: the signatures are left as they were, so they no longer match. */
export default defineSamlFault({
  name: 'saml.tamper',
  stage: 'post-sign',
  summary: 'Changes the asserted identity in the signed XML without re-signing',
  params: z.object({
    identity: z
      .string()
      .min(1)
      .default('alice@example.com')
      .describe('The identity written into the NameID and email attributes after signing'),
  }),
  apply: (xml, { identity }) =>
    editSignedXml(xml, (_doc, response) => {
      const assertions = assertionsOf(response);
      if (assertions.length === 0) throw new Error('saml.tamper: the response has no assertion to change');
      for (const assertion of assertions) forgeIdentity(assertion, identity);
    }),
});
