import type { FaultListing } from '../../api/types.ts';

/**
 * Whether a fault answers the picker's search: every word of the query (case-insensitive)
 * is in its name or summary. An empty query matches every fault.
 *
 * @example matchesFault({ name: 'saml.audience', summary: 'Sets the AudienceRestriction…' }, 'audience saml') // true
 */
export function matchesFault(fault: Pick<FaultListing, 'name' | 'summary'>, query: string): boolean {
  const text = `${fault.name} ${fault.summary}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}
