import { defineSamlFault } from '../../define.ts';
import { applyXmlEdit, xmlEditParams } from '../xml-edit.ts';

/**
 * A generic edit of the signed XML (set or remove an attribute or text, remove,
 * duplicate, move, wrap, insert), by XPath. Several in a scenario run in order.
 */
export default defineSamlFault({
  name: 'saml.xml-edit',
  stage: 'post-sign',
  summary: 'Edits the signed XML by XPath: attribute, text, remove, duplicate, move, wrap or insert raw XML',
  params: xmlEditParams,
  apply: (xml, params) => applyXmlEdit(xml, params, 'the signed response'),
});
