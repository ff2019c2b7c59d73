import { filter as compile, type Filter, parse } from 'scim2-parse-filter';
import { scimError } from './directory.ts';

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
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) with scim2-parse-filter; a filter that does not
 * parse is a 400 invalidFilter. (scimmy 1.3.5's own parser refuses nested groups and
 * drops `not (...)`, so filters are not left to it.)
 */
export function parseFilter(expression: string): Filter {
  try {
    return parse(expression);
  } catch (error) {
    throw scimError(400, 'invalidFilter', `the filter does not parse: ${(error as Error).message}`);
  }
}

/**
 * The resources a filter selects. Comparison is case-insensitive for caseExact=false
 * attributes unless `caseSensitive` (a lax switch): both the resources and the filter's
 * string values are folded to lower case first, and the originals of the matches returned.
 */
export function matchFilter<T extends object>(
  expression: string,
  resources: readonly T[],
  caseSensitive: boolean,
): T[] {
  const ast = parseFilter(expression);
  if (caseSensitive) return resources.filter(compile(ast));
  const test = compile(foldFilter(ast, ''));
  return resources.filter((r) => test(fold(JSON.parse(JSON.stringify(r)), '')));
}

function fold(value: unknown, path: string): unknown {
  if (typeof value === 'string')
    return caseExact.has(path) || path.endsWith('$ref') ? value : value.toLowerCase();
  if (Array.isArray(value)) return value.map((v) => fold(v, path));
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

function foldFilter(node: Filter, prefix: string): Filter {
  switch (node.op) {
    case 'and':
    case 'or':
      return { ...node, filters: node.filters.map((f) => foldFilter(f, prefix)) };
    case 'not':
      return { ...node, filter: foldFilter(node.filter, prefix) };
    case '[]':
      return { ...node, valFilter: foldFilter(node.valFilter, join(prefix, node.attrPath)) };
    case 'pr':
      return node;
    default: {
      const path = join(prefix, node.attrPath);
      return typeof node.compValue === 'string' && !caseExact.has(path)
        ? { ...node, compValue: node.compValue.toLowerCase() }
        : node;
    }
  }
}

function join(prefix: string, attrPath: string): string {
  const path = attrPath.toLowerCase().replace(/^urn:[^ ]*:/, '');
  return prefix ? `${prefix}.${path}` : path;
}
