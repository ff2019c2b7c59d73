import type { ConfigInput } from '../../config/schema.ts';

/** What `ZooSp.harnessConfig` returns: the harness side that fits one specimen. */
export type ZooHarnessConfig = Pick<ConfigInput, 'providers' | 'users' | 'targets'>;

/**
 * The zoo's test users: alice is the subject of every scenario, bob the victim (a second
 * account the SP knows). The stranger role is made up by the runner for each scenario.
 */
export function zooUsers(): NonNullable<ConfigInput['users']> {
  return {
    alice: { email: 'alice@example.com', givenName: 'Alice', familyName: 'Admin', groups: ['admins'] },
    bob: { email: 'bob@example.com', givenName: 'Bob', familyName: 'Builder', groups: ['engineering'] },
  };
}

/** The probe every specimen answers: `/me` shows the logged-in user's email. */
function probe(spUrl: string) {
  return { url: `${spUrl}/me`, contains: '{{user.email}}' };
}

/**
 * A SAML specimen: one `generic` provider that knows the SP by its entityID and ACS URL,
 * and one target whose `saml` connection logs in at `<spUrl>/login`. The provider signs
 * both the Response and the Assertion (the harness's default), which every library accepts.
 */
export function samlZooConfig(options: {
  id: string;
  displayName: string;
  spUrl: string;
  provider: string;
  /** Whether the SP has `/logout` (default true). */
  logout?: boolean;
  entityId: string;
  acsUrl: string;
}): ZooHarnessConfig {
  const spUrl = options.spUrl.replace(/\/$/, '');
  return {
    providers: {
      [options.provider]: {
        protocol: 'saml',
        persona: 'generic',
        displayName: `${options.displayName} (zoo)`,
        sps: { [options.id]: { entityId: options.entityId, acsUrls: [options.acsUrl] } },
      },
    },
    users: zooUsers(),
    targets: {
      [options.id]: {
        displayName: options.displayName,
        connections: {
          saml: {
            provider: options.provider,
            sp: options.id,
            loginUrl: `${spUrl}/login`,
            ...(options.logout === false ? {} : { logoutUrl: `${spUrl}/logout` }),
            user: 'alice',
          },
        },
        probe: probe(spUrl),
      },
    },
  };
}

/**
 * An OIDC specimen: one `generic` provider (issuer `<harness>/oidc/<provider>`) with the
 * SP registered as a confidential client, and one target whose `oidc` connection logs in
 * at `<spUrl>/login`.
 */
export function oidcZooConfig(options: {
  id: string;
  displayName: string;
  spUrl: string;
  provider: string;
  /** Whether the SP has `/logout` (default true). */
  logout?: boolean;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): ZooHarnessConfig {
  const spUrl = options.spUrl.replace(/\/$/, '');
  return {
    providers: {
      [options.provider]: {
        protocol: 'oidc',
        persona: 'generic',
        displayName: `${options.displayName} (zoo)`,
        clients: {
          [options.clientId]: {
            clientSecret: options.clientSecret,
            redirectUris: [options.redirectUri],
            postLogoutRedirectUris: [`${spUrl}/`],
          },
        },
      },
    },
    users: zooUsers(),
    targets: {
      [options.id]: {
        displayName: options.displayName,
        connections: {
          oidc: {
            provider: options.provider,
            client: options.clientId,
            loginUrl: `${spUrl}/login`,
            ...(options.logout === false ? {} : { logoutUrl: `${spUrl}/logout` }),
            user: 'alice',
          },
        },
        probe: probe(spUrl),
      },
    },
  };
}
