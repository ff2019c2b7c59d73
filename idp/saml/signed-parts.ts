import { descendants, parseXml } from '../../lib/xml.ts';
import { ns } from './constants.ts';

/**
 * The elements of a SAML message that carry an enveloped `ds:Signature` (XMLDSig §4),
 * by local name, outermost first: `['Response', 'Assertion']`. Reads what actually went
 * out, so a fault that strips or moves a signature after signing shows here. A text
 * that does not parse has no signed parts.
 */
export function signedParts(...xmls: Array<string | undefined>): string[] {
  const parts: string[] = [];
  for (const xml of new Set(xmls)) {
    if (!xml) continue;
    let signatures: ReturnType<typeof descendants>;
    try {
      signatures = descendants(parseXml(xml, 'the traced message'), 'Signature');
    } catch {
      continue;
    }
    for (const signature of signatures) {
      if (signature.namespaceURI !== ns.dsig) continue;
      const parent = signature.parentNode as { localName?: string } | null;
      if (parent?.localName && !parts.includes(parent.localName)) parts.push(parent.localName);
    }
  }
  return parts;
}
