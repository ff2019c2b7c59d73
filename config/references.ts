import type { Config } from './schema.ts';

/** A record's own entry: names from outside must not find `constructor` or `__proto__`. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Names that one part of the config uses and another must define. */
export function checkReferences(config: Config): string[] {
  const problems: string[] = [];
  const providerIds = Object.keys(config.providers);
  const known = (list: string[]) => (list.length ? list.map((n) => `"${n}"`).join(', ') : '(none)');

  for (const [userId, user] of Object.entries(config.users)) {
    user.providers?.forEach((p, i) => {
      if (!own(config.providers, p)) {
        problems.push(
          `users.${userId}.providers[${i}]: unknown provider "${p}"; known: ${known(providerIds)}`,
        );
      }
    });
  }
  for (const [providerId, provider] of Object.entries(config.providers)) {
    if (typeof provider.auto === 'string') {
      const user = config.users[provider.auto];
      if (!user) {
        problems.push(
          `providers.${providerId}.auto: unknown user "${provider.auto}"; known: ${known(Object.keys(config.users))}`,
        );
      } else if (user.providers && !user.providers.includes(providerId)) {
        problems.push(
          `providers.${providerId}.auto: user "${provider.auto}" may only log in through ${user.providers.join(', ')}`,
        );
      }
    }
    if (provider.protocol === 'oidc' && provider.persona === 'adfs') {
      problems.push(
        `providers.${providerId}.persona: "adfs" is a SAML persona; use it with protocol "saml", or pick another persona for OIDC`,
      );
    }
  }
  for (const [targetId, target] of Object.entries(config.targets)) {
    for (const [name, connection] of Object.entries(target.connections)) {
      const where = `targets.${targetId}.connections.${name}`;
      const userIds = Object.keys(config.users);
      if (connection.user && !own(config.users, connection.user)) {
        problems.push(`${where}.user: unknown user "${connection.user}"; known: ${known(userIds)}`);
      }
      const provider = own(config.providers, connection.provider);
      if (!provider) {
        problems.push(
          `${where}.provider: unknown provider "${connection.provider}"; known: ${known(providerIds)}`,
        );
        continue;
      }
      if (provider.protocol === 'saml' && connection.sp && !own(provider.sps, connection.sp)) {
        problems.push(
          `${where}.sp: provider "${connection.provider}" has no SP "${connection.sp}"; known: ${known(Object.keys(provider.sps))}`,
        );
      }
      if (provider.protocol === 'oidc' && connection.client && !own(provider.clients, connection.client)) {
        problems.push(
          `${where}.client: provider "${connection.provider}" has no client "${connection.client}"; known: ${known(Object.keys(provider.clients))}`,
        );
      }
    }
    const victim = target.roles.victim;
    if (victim && !own(config.users, victim)) {
      problems.push(
        `targets.${targetId}.roles.victim: unknown user "${victim}"; known: ${known(Object.keys(config.users))}`,
      );
    }
  }
  return problems;
}
