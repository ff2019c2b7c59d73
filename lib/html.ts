/** HTML that is already safe to insert (built by `html` or trusted by the caller). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Interpolation = string | number | boolean | SafeHtml | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template that escapes every interpolation that is not SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A whole page in the harness's plain style: readable without CSS or JavaScript. */
export function page(
  title: string,
  body: SafeHtml,
  options: { status?: 'ok' | 'error'; scripts?: readonly string[] } = {},
): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.4rem; }
  .error { border-left: 4px solid #b3261e; padding: .5rem 1rem; background: color-mix(in srgb, #b3261e 8%, transparent); }
  .note { color: GrayText; font-size: .9rem; }
  fieldset { border: 1px solid #8886; border-radius: 6px; margin: 1rem 0; }
  label { display: block; margin: .4rem 0; }
  input[type=email], input[type=text], textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .3rem; }
  button { font: inherit; padding: .4rem 1rem; margin-right: .5rem; }
  code { font-size: .9em; }
</style>
${(options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>\n`).join('')}</head>
<body${options.status === 'error' ? ' class="error-page"' : ''}>
${body.value}
</body>
</html>
`;
}
