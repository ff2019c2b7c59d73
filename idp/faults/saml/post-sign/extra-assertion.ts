import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { assertionsOf, editSignedXml, forgedAssertion } from '../edit-xml.ts';

/** Two assertions, only one of them signed: the unsigned one names another identity. */
export default defineSamlFault({
  name: 'saml.extra-assertion',
  stage: 'post-sign',
  summary: 'Adds an unsigned second assertion naming another identity next to the signed one',
  params: z.object({
    identity: z
      .string()
      .min(1)
      .default('alice@example.com')
      .describe('The identity the unsigned assertion names'),
    position: z
      .enum(['before', 'after'])
      .default('before')
      .describe('Whether the unsigned assertion comes before or after the signed one'),
  }),
  apply: (xml, { identity, position }) =>
    editSignedXml(xml, (_doc, response) => {
      const original = assertionsOf(response)[0];
      if (!original) throw new Error('saml.extra-assertion: the response has no assertion to copy');
      const extra = forgedAssertion(original, identity);
      if (position === 'before') response.insertBefore(extra, original);
      else response.insertBefore(extra, original.nextSibling);
    }),
});
