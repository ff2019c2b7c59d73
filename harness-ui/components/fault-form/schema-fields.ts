/** A JSON Schema, as far as a parameter form reads it. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  description?: string;
  title?: string;
  default?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** One input of a fault's parameter form. */
export interface Field {
  name: string;
  label: string;
  kind: 'text' | 'url' | 'number' | 'integer' | 'boolean' | 'choice' | 'list' | 'json';
  required: boolean;
  description: string | undefined;
  choices: string[];
  default: unknown;
  min: number | undefined;
  max: number | undefined;
}

/** The inputs for an object schema's properties; anything the form cannot express becomes a JSON box. */
export function fieldsFromSchema(schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const choices = choicesOf(property);
    const type = primaryType(property);
    const kind: Field['kind'] = choices
      ? 'choice'
      : type === 'string'
        ? property.format === 'uri' || property.format === 'url'
          ? 'url'
          : 'text'
        : type === 'number'
          ? 'number'
          : type === 'integer'
            ? 'integer'
            : type === 'boolean'
              ? 'boolean'
              : type === 'array' && primaryType(property.items ?? {}) === 'string'
                ? 'list'
                : 'json';
    return {
      name,
      label: property.title ?? humanize(name),
      kind,
      required: required.has(name) && property.default === undefined,
      description: property.description,
      choices: choices ?? [],
      default: property.default,
      min: property.minimum,
      max: property.maximum,
    };
  });
}

/** The value an input shows for a parameter (a list one item per line, JSON pretty). */
export function inputValue(field: Field, value: unknown): string | boolean {
  const v = value === undefined ? field.default : value;
  if (field.kind === 'boolean') return v === true;
  if (v === undefined || v === null) return '';
  if (field.kind === 'list') return Array.isArray(v) ? v.join('\n') : String(v);
  if (field.kind === 'json') return JSON.stringify(v, null, 2);
  return String(v);
}

/** Reads one input back into a parameter value; an error says what is wrong with it. */
export function readInput(field: Field, raw: string | boolean): { value?: unknown; error?: string } {
  if (field.kind === 'boolean') return { value: raw === true };
  const text = String(raw).trim();
  if (text === '') return field.required ? { error: `${field.label} is required` } : {};
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (!Number.isFinite(n) || (field.kind === 'integer' && !Number.isInteger(n))) {
        return { error: `${field.label} must be a ${field.kind === 'integer' ? 'whole number' : 'number'}` };
      }
      if (field.min !== undefined && n < field.min)
        return { error: `${field.label} must be at least ${field.min}` };
      if (field.max !== undefined && n > field.max)
        return { error: `${field.label} must be at most ${field.max}` };
      return { value: n };
    }
    case 'list':
      return {
        value: text
          .split(/\n|,/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { error: `${field.label} must be JSON` };
      }
    case 'url':
      try {
        new URL(text);
        return { value: text };
      } catch {
        return { error: `${field.label} must be an absolute URL` };
      }
    default:
      return { value: text };
  }
}

function choicesOf(schema: JsonSchema): string[] | undefined {
  if (schema.enum?.every((e) => typeof e === 'string')) return schema.enum as string[];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length && options.every((o) => typeof o.const === 'string'))
    return options.map((o) => o.const as string);
  return undefined;
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  const options = schema.anyOf ?? schema.oneOf;
  const types = options?.map(primaryType).filter((t) => t && t !== 'null');
  return types && new Set(types).size === 1 ? types[0] : undefined;
}

function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
