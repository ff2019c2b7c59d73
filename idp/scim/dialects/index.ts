import type { PersonaName, ScimDialectName } from '../../../config/schema.ts';
import { ScimClientError } from '../errors.ts';
import { entra } from './entra.ts';
import { okta } from './okta.ts';
import { onelogin } from './onelogin.ts';
import { rfc } from './rfc.ts';
import type { ScimDialect } from './types.ts';

export const scimDialects: Record<ScimDialectName, ScimDialect> = { rfc, entra, okta, onelogin };

/** The dialect by name; an unknown name lists the known ones. */
export function scimDialect(name: string): ScimDialect {
  if (Object.hasOwn(scimDialects, name)) return scimDialects[name as ScimDialectName];
  throw new ScimClientError(
    'SCIM_DIALECT_UNKNOWN',
    `unknown SCIM dialect "${name}"; known: ${Object.keys(scimDialects).join(', ')}`,
  );
}

/** The dialect a provider speaks when its config names none: its persona's, else the RFC. */
export function defaultDialect(persona: PersonaName): ScimDialectName {
  return persona === 'entra' || persona === 'okta' || persona === 'onelogin' ? persona : 'rfc';
}

export type { ScimDialect, ScimQuirk } from './types.ts';
