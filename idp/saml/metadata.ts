import { samlNameIdFormats } from '../../config/schema.ts';
import { escapeXml } from '../../lib/xml.ts';
import { bindings, ns } from './constants.ts';

export interface IdpMetadataInput {
  entityId: string;
  /** Base URL of the provider's endpoints (`<server>/saml/<id>`). */
  endpointBase: string;
  /** Base64 DER of the signing certificates (two during a rollover). */
  signingCertificates: string[];
  /** Base64 DER of the encryption certificate (the same key by default). */
  encryptionCertificate: string;
  wantAuthnRequestsSigned: boolean;
  /** The provider's default format first. */
  nameIdFormats: string[];
}

/** The IdP's metadata: an EntityDescriptor with one IDPSSODescriptor. */
export function idpMetadataXml(input: IdpMetadataInput): string {
  const keyDescriptor = (use: 'signing' | 'encryption', body: string) =>
    el(
      'md:KeyDescriptor',
      { use },
      el('ds:KeyInfo', { 'xmlns:ds': ns.dsig }, el('ds:X509Data', {}, el('ds:X509Certificate', {}, body))),
    );
  const service = (name: string, path: string) =>
    [bindings.redirect, bindings.post].map((binding) =>
      el(`md:${name}`, { Binding: binding, Location: `${input.endpointBase}/${path}` }),
    );
  const formats = [...new Set([...input.nameIdFormats, ...Object.values(samlNameIdFormats)])];
  const xml = el(
    'md:EntityDescriptor',
    { 'xmlns:md': ns.metadata, entityID: input.entityId },
    el(
      'md:IDPSSODescriptor',
      {
        WantAuthnRequestsSigned: String(input.wantAuthnRequestsSigned),
        protocolSupportEnumeration: ns.protocol,
      },
      ...input.signingCertificates.map((body) => keyDescriptor('signing', body)),
      keyDescriptor('encryption', input.encryptionCertificate),
      ...service('SingleLogoutService', 'slo'),
      ...formats.map((f) => el('md:NameIDFormat', {}, f)),
      ...service('SingleSignOnService', 'sso'),
    ),
  );
  // Metadata is not signed, so it can be indented for the people who read it.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${indented(xml, 0).join('\n')}\n`;
}

/** An element of the metadata: its children are elements or text (escaped when written). */
interface MetadataElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<MetadataElement | string>;
}

function el(name: string, attributes: Record<string, string>, ...children: Array<MetadataElement | string>) {
  return { name, attributes, children };
}

/** Two spaces a level; an element holding only text keeps it on its line. */
function indented(element: MetadataElement, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(element.attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const open = `${pad}<${element.name}${attrs}`;
  if (element.children.length === 0) return [`${open}/>`];
  if (element.children.every((c) => typeof c === 'string')) {
    return [`${open}>${element.children.map((c) => escapeXml(c as string)).join('')}</${element.name}>`];
  }
  return [
    `${open}>`,
    ...element.children.flatMap((c) =>
      typeof c === 'string' ? [`${pad}  ${escapeXml(c)}`] : indented(c, depth + 1),
    ),
    `${pad}</${element.name}>`,
  ];
}
