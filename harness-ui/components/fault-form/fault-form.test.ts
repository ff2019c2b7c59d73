import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ComponentPage, componentPage } from '../../../test/ui/support/component-page.ts';
import { fieldsFromSchema, inputValue, type JsonSchema, readInput } from './schema-fields.ts';

/** The schemas come from zod through z.toJSONSchema, as GET /api/faults sends them. */
const schema = z.toJSONSchema(
  z.object({
    audience: z.string().describe('The audience to assert'),
    shiftSeconds: z.number().int().min(-86400).default(-3600),
    keyKind: z.enum(['expired', 'rogue', 'weak']),
    include: z.boolean().default(false),
    extra: z.array(z.string()).optional(),
    claims: z.record(z.string(), z.unknown()).optional(),
    acs: z.url().optional(),
  }),
  { io: 'input' },
) as JsonSchema;

describe('fieldsFromSchema', () => {
  it('maps each parameter to the input that fits it', () => {
    const fields = fieldsFromSchema(schema);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['audience', 'text', true],
      ['shiftSeconds', 'integer', false],
      ['keyKind', 'choice', true],
      ['include', 'boolean', false],
      ['extra', 'list', false],
      ['claims', 'json', false],
      ['acs', 'url', false],
    ]);
    expect(fields[0]!.description).toBe('The audience to assert');
    expect(fields[1]!.label).toBe('Shift seconds');
    expect(fields[2]!.choices).toEqual(['expired', 'rogue', 'weak']);
  });
});

describe('readInput', () => {
  const [audience, shift, , include, extra, claims, acs] = fieldsFromSchema(schema);

  it('reads values back, and names what is wrong', () => {
    expect(readInput(audience!, '')).toEqual({ error: 'Audience is required' });
    expect(readInput(shift!, '-7200')).toEqual({ value: -7200 });
    expect(readInput(shift!, '1.5')).toEqual({ error: 'Shift seconds must be a whole number' });
    expect(readInput(shift!, '-100000')).toEqual({ error: 'Shift seconds must be at least -86400' });
    expect(readInput(include!, true)).toEqual({ value: true });
    expect(readInput(extra!, 'a\nb, c')).toEqual({ value: ['a', 'b', 'c'] });
    expect(readInput(claims!, '{"x":')).toEqual({ error: 'Claims must be JSON' });
    expect(readInput(acs!, 'not a url')).toEqual({ error: 'Acs must be an absolute URL' });
  });

  it('shows defaults and lists in their inputs', () => {
    expect(inputValue(shift!, undefined)).toBe('-3600');
    expect(inputValue(extra!, ['a', 'b'])).toBe('a\nb');
  });
});

describe('<fault-form>', () => {
  let view: ComponentPage;
  beforeAll(async () => {
    view = await componentPage();
  });
  afterAll(() => view?.close());

  it('renders the parameters, says what is wrong as you type, and reports the values', async () => {
    await view.mount('<fault-form></fault-form>');
    await view.page.evaluate(
      (paramsSchema) => {
        const form = document.querySelector('fault-form')!;
        (window as unknown as { changes: unknown[] }).changes = [];
        form.addEventListener('fault-params-change', (e) =>
          (window as unknown as { changes: unknown[] }).changes.push({ params: e.params, errors: e.errors }),
        );
        form.fault = { name: 'x', protocol: 'saml', stage: 'model', summary: '', paramsSchema };
      },
      schema as unknown as Record<string, unknown>,
    );
    await view.page.getByLabel('Key kind').selectOption('rogue');
    await view.page.getByLabel('Shift seconds').fill('-100000');
    await view.page.getByRole('alert').getByText('Shift seconds must be at least -86400').waitFor();
    await view.page.getByLabel('Shift seconds').fill('-7200');
    await view.page.getByRole('textbox', { name: /^Audience/ }).fill('https://other.example');
    const last = await view.page.evaluate(() => (window as unknown as { changes: unknown[] }).changes.at(-1));
    expect(last).toEqual({
      params: { audience: 'https://other.example', shiftSeconds: -7200, keyKind: 'rogue' },
      errors: [],
    });
    expect(await view.page.getByText('The audience to assert').count()).toBe(1);
  });
});
