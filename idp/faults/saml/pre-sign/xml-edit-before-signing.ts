import { defineSamlFault } from '../../define.ts';
import { applyXmlEdit, xmlEditParams } from '../xml-edit.ts';

/**
 * As saml.xml-edit, on the response XML before it is signed: the signatures cover the
 * edit. The IdP signs by the IDs of its model, so an edit that changes an ID leaves that
 * element unsigned (or fails to sign it).
 */
export default defineSamlFault({
  name: 'saml.xml-edit-before-signing',
  stage: 'pre-sign',
  summary: 'Edits the response XML by XPath before it is signed (the signatures cover the edit)',
  params: xmlEditParams,
  apply: (xml, params) => applyXmlEdit(xml, params, 'the unsigned response'),
});
