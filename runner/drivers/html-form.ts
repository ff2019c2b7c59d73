export interface AutoPostForm {
  action: string;
  method: 'GET' | 'POST';
  fields: Record<string, string>;
}

/**
 * Finds the form a browser would submit by itself: an HTML page whose only form has
 * nothing but hidden fields (and buttons), as the SAML HTTP-POST binding and OIDC
 * form_post send. A page asking for input (a login form) is not auto-submitted.
 */
export function findAutoPostForm(html: string, pageUrl: string): AutoPostForm | undefined {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
  if (forms.length !== 1) return undefined;
  const [, formAttributes = '', body = ''] = forms[0]!;
  const attributes = parseAttributes(formAttributes);
  const fields: Record<string, string> = {};
  for (const [, inputAttributes = ''] of body.matchAll(/<input\b([^>]*)>/gi)) {
    const input = parseAttributes(inputAttributes);
    const type = (input.type ?? 'text').toLowerCase();
    if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset') continue;
    if (type !== 'hidden') return undefined;
    if (input.name !== undefined) fields[input.name] = input.value ?? '';
  }
  if (/<(textarea|select)\b/i.test(body) || Object.keys(fields).length === 0) return undefined;
  const method = (attributes.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
  return { action: new URL(attributes.action ?? pageUrl, pageUrl).href, method, fields };
}

function parseAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1]!.toLowerCase();
    out[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return out;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}
