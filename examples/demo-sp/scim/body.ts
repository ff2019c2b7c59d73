import SCIMMY from 'scimmy';

/** Attributes whose values are booleans in the User and Group schemas (RFC 7643 §4). */
const booleanNames = new Set(['active', 'primary']);

/**
 * The strict SP's leniency towards Entra ID: "True"/"False" strings where a boolean is
 * due (its PATCH values, documented in Microsoft's SCIM known issues) become booleans,
 * in resource bodies and in PATCH operations (`path: "active"`, or a value object).
 */
export function normalizeBooleans(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const operations = (body as { Operations?: unknown }).Operations;
  if (Array.isArray(operations)) {
    return {
      ...(body as object),
      Operations: operations.map((operation) => {
        if (!operation || typeof operation !== 'object') return operation;
        const { path, value } = operation as { path?: unknown; value?: unknown };
        const last = typeof path === 'string' ? path.split(/[.:]/).at(-1)!.toLowerCase() : undefined;
        if (last && booleanNames.has(last)) return { ...operation, value: asBoolean(value) };
        return { ...operation, value: deep(value) };
      }),
    };
  }
  return deep(body);
}

function deep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, booleanNames.has(k.toLowerCase()) ? asBoolean(v) : deep(v)]),
    );
  }
  return value;
}

function asBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

/** Top-level attributes of a User or Group body that its schema (extensions included) does not define. */
export function unknownAttributes(kind: 'Users' | 'Groups', body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const definition = (kind === 'Users' ? SCIMMY.Schemas.User : SCIMMY.Schemas.Group).definition;
  const known = new Set(['schemas', 'id', 'externalid', 'meta']);
  for (const attribute of definition.attributes) {
    const name = (attribute as { name?: string; id?: string }).name ?? '';
    known.add(name.toLowerCase());
    const urn = (attribute as { id?: string }).id;
    if (urn) known.add(urn.toLowerCase());
  }
  return Object.keys(body).filter((k) => !known.has(k.toLowerCase()));
}
