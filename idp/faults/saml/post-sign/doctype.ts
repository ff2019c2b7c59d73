import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/**
 * A DOCTYPE with an entity declaration in front of the signed response. The signed
 * elements are untouched, so the signatures still verify: only an SP that refuses DTDs
 * notices. The entity is declared, not used, so a parser that ignores DTDs reads the
 * response as it was signed. Apply it last: the other post-sign faults refuse DTDs.
 */
export default defineSamlFault({
  name: 'saml.doctype',
  stage: 'post-sign',
  summary: 'Puts a DOCTYPE with an external entity (XXE) declaration in front of the signed response',
  params: z.object({
    entity: z
      .enum(['external', 'internal'])
      .default('external')
      .describe('external: a SYSTEM entity (XXE); internal: nested entities (billion laughs, unexpanded)'),
    systemId: z
      .string()
      .min(1)
      .default('file:///etc/hostname')
      .describe('The SYSTEM identifier of the external entity'),
  }),
  apply: (xml, { entity, systemId }) => {
    const body = xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
    const root = /^<([\w.-]+:)?Response\b/.exec(body);
    if (!root) throw new Error('saml.doctype: the signed XML does not start with a Response element');
    const name = `${root[1] ?? ''}Response`;
    const declarations =
      entity === 'external'
        ? `<!ENTITY xxe SYSTEM "${systemId.replaceAll('"', '%22')}">`
        : '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">';
    return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ${name} [${declarations}]>\n${body}`;
  },
});
