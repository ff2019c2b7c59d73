import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

/**
 * The CVE-2017-11427 family with a processing instruction instead of a comment. Comments
 * can be added after signing because canonicalization drops them; a PI is kept, so it
 * has to be there before signing: the IdP signs `victim<?pi?>suffix` as one NameID. An SP
 * that reads only the first text node sees `victim`; a correct one sees `victimsuffix`.
 *
 * The harness canonicalizes the PI as the spec says (`<?target data?>`). xml-crypto 6
 * writes a PI as its data text instead, so SPs built on it (node-saml) find the signature
 * does not verify and refuse for that reason.
 */
export default defineSamlFault({
  name: 'saml.nameid-processing-instruction',
  stage: 'model',
  summary: 'Signs a NameID "victim<?pi?>suffix": an SP reading only the first text node sees the victim',
  params: z.object({
    victim: z
      .string()
      .min(1)
      .default('alice@example.com')
      .describe('The identity an SP that reads only the first text node sees'),
    suffix: z
      .string()
      .min(1)
      .default('.evil.example')
      .describe('Text after the processing instruction; the full NameID is victim + suffix'),
    target: z
      .string()
      .regex(/^(?![xX][mM][lL])[A-Za-z_][\w.-]*$/, 'expected an XML name that does not start with "xml"')
      .default('sso-harness')
      .describe('The processing instruction target'),
    data: z.string().min(1).default('split').describe('The processing instruction data'),
  }),
  apply: (model, { victim, suffix, target, data }) => {
    requireAssertions(model, 'saml.nameid-processing-instruction');
    return mapAssertions(model, (a) => {
      if (!a.subject.nameId)
        throw new Error('saml.nameid-processing-instruction: the assertion has no NameID');
      return {
        ...a,
        subject: {
          ...a.subject,
          nameId: {
            ...a.subject.nameId,
            value: `${victim}${suffix}`,
            processingInstruction: { offset: victim.length, target, data },
          },
        },
      };
    });
  },
});
