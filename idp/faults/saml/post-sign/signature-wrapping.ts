import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { editSignedXml } from '../edit-xml.ts';
import { type XswVariant, xswVariants } from '../xsw.ts';

/** XML Signature wrapping: the signature stays valid, a forged assertion sits where a careless SP reads. */
export default defineSamlFault({
  name: 'saml.signature-wrapping',
  stage: 'post-sign',
  summary: 'Wraps the signed content (XSW1-8) and adds a forged assertion naming another identity',
  params: z.object({
    variant: z
      .number()
      .int()
      .min(1)
      .max(8)
      .default(3)
      .describe(
        'XSW1-2 wrap the Response signature (the Response must be signed); XSW3-8 wrap an Assertion signature',
      ),
    identity: z
      .string()
      .min(1)
      .default('alice@example.com')
      .describe('The identity the forged assertion names (NameID and email attributes)'),
  }),
  apply: (xml, { variant, identity }) =>
    editSignedXml(xml, (doc, response) => xswVariants[variant as XswVariant](doc, response, identity)),
});
