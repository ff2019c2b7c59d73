import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/** A Transform outside SAML's profile of XML Signature in every Reference. */
export default defineSamlFault({
  name: 'saml.signature-transform',
  stage: 'sign',
  summary: 'Adds an XSLT or XPath-filter Transform to every signature Reference (SAML allows neither)',
  params: z.object({
    transform: z
      .enum(['xslt', 'xpath-filter'])
      .default('xslt')
      .describe(
        'xslt: an identity stylesheet; xpath-filter: an XPath 1.0 filter keeping all but signatures (both leave the digest unchanged)',
      ),
  }),
  apply: (plan, { transform }) => ({ ...plan, extraTransform: transform }),
});
