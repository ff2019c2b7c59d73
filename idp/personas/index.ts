import type { PersonaName } from '../../config/schema.ts';
import { adfs } from './adfs.ts';
import { auth0 } from './auth0.ts';
import { entra } from './entra.ts';
import { generic } from './generic.ts';
import { google } from './google.ts';
import { okta } from './okta.ts';
import { onelogin } from './onelogin.ts';
import type { Persona } from './types.ts';

export const personas: Record<PersonaName, Persona> = { generic, entra, google, okta, onelogin, auth0, adfs };

export { claimUris } from './shared.ts';
export type {
  OidcClaimRule,
  Persona,
  PersonaContext,
  SamlAttributeRule,
  TokenErrorBody,
} from './types.ts';
export { attributeNameFormats } from './types.ts';
