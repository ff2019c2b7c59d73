import type { PersonaName } from '../../config/schema.ts';
import type { DirectoryUser } from '../directory/user.ts';

/** What a persona may read about the provider it shapes. */
export interface PersonaContext {
  providerId: string;
  tenantId: string | undefined;
  hostedDomain: string | undefined;
  groupsOverageThreshold: number;
}

export type AttributeValue = string | string[] | undefined;

export interface SamlAttributeRule {
  name: string;
  friendlyName?: string;
  value: (user: DirectoryUser, context: PersonaContext) => AttributeValue;
}

export interface OidcClaimRule {
  claim: string;
  /** Scope that releases the claim (oidc-provider's `claims` configuration). */
  scope: 'openid' | 'profile' | 'email' | 'groups';
  value: (user: DirectoryUser, context: PersonaContext) => unknown;
}

export interface TokenErrorBody {
  status: number;
  body: Record<string, unknown>;
}

export const attributeNameFormats = {
  uri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
  basic: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
  unspecified: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
} as const;

/**
 * How one real identity provider shapes what it sends. Pure data plus small value
 * functions: the SAML and OIDC code read these tables and never branch on a persona name.
 */
export interface Persona {
  name: PersonaName;
  title: string;
  description: string;
  saml:
    | {
        nameIdFormat: string;
        nameId: (user: DirectoryUser, context: PersonaContext) => string;
        /**
         * Seconds the IdP writes Conditions NotBefore before the IssueInstant (0: equal, no
         * back-dating). An IdP that back-dates hides an SP with no clock-skew allowance.
         */
        notBeforeSkewSeconds: number;
        /** NameFormat of each Attribute; undefined omits the XML attribute (as Entra does). */
        attributeNameFormat: string | undefined;
        attributes: SamlAttributeRule[];
      }
    | undefined;
  oidc:
    | {
        /** Appended to the provider's base path to form the issuer (Entra: `/<tenant>/v2.0`). */
        issuerPath: (context: PersonaContext) => string;
        /**
         * Tenant-independent aliases served beside the tenant's own issuer (Entra: `common`,
         * `organizations`): `<base path>/<alias>/v2.0/.well-known/openid-configuration` is the
         * tenant's discovery with the issuer path written for the tenant id `{tenantid}`,
         * literally; tokens keep the real tenant's iss and tid.
         */
        multiTenantAliases?: readonly string[];
        subject: (user: DirectoryUser, context: PersonaContext) => string;
        claims: OidcClaimRule[];
        /** Rewrites the finished claim set, for shapes no single rule can express (Entra groups overage). */
        finish?: (claims: Record<string, unknown>, user: DirectoryUser, context: PersonaContext) => void;
        /** The token endpoint's answer to a client whose secret has expired. */
        expiredSecretError: (clientId: string, now: Date, context: PersonaContext) => TokenErrorBody;
      }
    | undefined;
}
