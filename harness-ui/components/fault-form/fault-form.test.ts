import { describe, expect, it } from 'vitest';
import { fieldsFromSchema, inputValue, readInput } from './schema-fields.ts';
import { schema } from './test-schema.ts';

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
