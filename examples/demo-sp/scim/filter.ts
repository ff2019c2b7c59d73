import SCIMMY from 'scimmy';

/**
 * Attribute paths whose values compare case-sensitively (RFC 7643 §2.4, caseExact true):
 * ids and references. Every other string attribute of User and Group is case-insensitive
 * (userName, emails.value, displayName ...).
 */
const caseExact = new Set([
  'id',
  'externalid',
  'meta.location',
  'meta.version',
  'members.value',
  'groups.value',
]);

/**
 * Applies a parsed SCIM filter (scimmy's `Filter`) to resources. scimmy compares strings
 * exactly; SCIM says most attributes are caseExact=false, so unless `caseSensitive`,
 * both the resources and the filter's values are folded to lower case first (except the
 * caseExact paths above), and the originals of the matches are returned.
 */
export function matchFilter<T extends object>(
  filter: SCIMMY.Types.Filter,
  resources: readonly T[],
  caseSensitive: boolean,
): T[] {
  if (caseSensitive) return filter.match([...resources]) as T[];
  const folded = resources.map((r) => fold(r, '') as T);
  const foldedFilter = new SCIMMY.Types.Filter(
    [...filter].map((expression) => foldExpression(expression, '')),
  );
  const matched = new Set(foldedFilter.match(folded));
  return resources.filter((_, i) => matched.has(folded[i]!));
}

function fold(value: unknown, path: string): unknown {
  if (typeof value === 'string')
    return caseExact.has(path) || path.endsWith('$ref') ? value : value.toLowerCase();
  if (Array.isArray(value)) return value.map((v) => fold(v, path));
  if (value instanceof Date) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        fold(v, path ? `${path}.${k.toLowerCase()}` : k.toLowerCase()),
      ]),
    );
  }
  return value;
}

/** The filter's expression objects (`{ userName: ['eq', 'x'] }`, nested for complex attributes). */
function foldExpression(node: unknown, path: string): unknown {
  if (Array.isArray(node)) {
    if (node.every(Array.isArray)) return node.map((n) => foldExpression(n, path));
    const last = node.at(-1);
    if (typeof last === 'string' && node.length >= 2 && !caseExact.has(path)) {
      return [...node.slice(0, -1), last.toLowerCase()];
    }
    return node;
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        foldExpression(v, path ? `${path}.${k.toLowerCase()}` : k.toLowerCase()),
      ]),
    );
  }
  return node;
}
