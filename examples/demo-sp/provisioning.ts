import type { UserConfig as HarnessUser, PersonaName } from '../../config/schema.ts';
import { stableUuid } from '../../idp/directory/stable-id.ts';
import { userFromConfig } from '../../idp/directory/user.ts';
import { personas } from '../../idp/personas/index.ts';
import type { ConnectionConfig } from './config.ts';

/**
 * The immutable ID a harness provider will assert for one of its users, as an IdP's
 * provisioning (SCIM) would tell the SP up front: Entra's oid, Google's numeric sub, an
 * Auth0 user id. With it, the SP matches on the subject from the first login and never
 * has to trust an email to link an account.
 */
export function harnessSubject(
  providerId: string,
  persona: PersonaName,
  userId: string,
  user: Partial<HarnessUser> & { email: string },
  connection: ConnectionConfig,
): string {
  if (connection.matchBy === 'oid') return stableUuid(providerId, userId, 'oid');
  const oidc = personas[persona].oidc;
  if (!oidc) throw new Error(`the ${persona} persona has no OIDC subject`);
  const directoryUser = userFromConfig(userId, {
    groups: [],
    roles: [],
    attributes: {},
    disabled: false,
    emailVerified: true,
    ...user,
  } as HarnessUser);
  return oidc.subject(directoryUser, {
    providerId,
    tenantId: connection.protocol === 'oidc' ? connection.tenantId : undefined,
    hostedDomain: connection.protocol === 'oidc' ? connection.hostedDomain : undefined,
    groupsOverageThreshold: 200,
  });
}
