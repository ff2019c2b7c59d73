import { randomBytes } from 'node:crypto';
import { escapeXml } from '../../lib/xml.ts';

/** XML text that is already well-formed (built by `el` or `text`). */
export type XmlPart = string | undefined | false;

/**
 * Writes one element. Attributes whose value is undefined are left out; children are
 * XML text from `el` or `text`, so nothing that reaches the output is unescaped.
 */
export function el(
  name: string,
  attributes: Record<string, string | undefined>,
  ...children: XmlPart[]
): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value!)}"`)
    .join('');
  const content = children.filter((c): c is string => typeof c === 'string').join('');
  return content ? `<${name}${attrs}>${content}</${name}>` : `<${name}${attrs}/>`;
}

export function text(value: string): string {
  return escapeXml(value);
}

/** A SAML ID: an NCName (starts with a letter or underscore), 160 random bits. */
export function samlId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/** xs:dateTime in UTC with millisecond precision, as SAML writes instants. */
export function instant(ms: number): string {
  return new Date(ms).toISOString();
}
