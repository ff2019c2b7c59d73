import type { Element } from '@xmldom/xmldom';
import { z } from 'zod';
import { escapeXml, parseXml, serializeXml } from '../../../../lib/xml.ts';
import { defineSamlFault } from '../../define.ts';
import { selectNodes, xpathProblem } from '../xml-edit.ts';

const MARK = 'sso-harness-duplicate';

/**
 * The same attribute twice in one start tag, which XML forbids (well-formedness constraint
 * "Unique Att Spec"). Written into the text after signing, since no DOM can hold it. Parsers
 * that repair instead of refusing keep the first or the last value: a parser differential.
 */
export default defineSamlFault({
  name: 'saml.duplicate-attribute',
  stage: 'post-sign',
  summary: 'Repeats an attribute of the selected elements with another value (not well-formed XML)',
  params: z
    .object({
      select: z
        .string()
        .min(1)
        .default('/samlp:Response')
        .describe('XPath of the elements (prefixes samlp, saml, ds, xenc, xs, xsi)'),
      name: z
        .string()
        .min(1)
        .default('Destination')
        .describe('The attribute to repeat; the elements must have it'),
      value: z
        .string()
        .default('https://attacker.example/acs')
        .describe('The value of the repeated attribute, written after the original'),
    })
    .superRefine((params, ctx) => {
      const problem = xpathProblem(params.select);
      if (problem) ctx.addIssue({ code: 'custom', path: ['select'], message: problem });
    }),
  apply: (xml, { select, name, value }) => {
    const doc = parseXml(xml, 'the signed response');
    const elements = selectNodes(doc, select, 'select', 'the signed response');
    elements.forEach((node, index) => {
      const element = node as Element;
      if (node.nodeType !== 1 || !element.hasAttribute(name)) {
        throw new Error(`name: a selected element has no attribute "${name}" to repeat`);
      }
      element.setAttribute(MARK, String(index));
    });
    let out = serializeXml(doc);
    for (let index = 0; index < elements.length; index++) {
      out = out.replace(` ${MARK}="${index}"`, ` ${name}="${escapeXml(value)}"`);
    }
    return out;
  },
});
