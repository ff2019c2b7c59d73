import type { ConnectionConfig, ProviderConfig, ScimDialectName } from '../../config/schema.ts';
import type { ScimAuth, ScimEndpoint } from './client.ts';
import { defaultDialect } from './dialects/index.ts';
import { ScimClientError } from './errors.ts';

/** Where one provider provisions one SP, and how: the endpoint and the dialect. */
export interface ScimTarget {
  endpoint: ScimEndpoint;
  dialect: ScimDialectName;
}

/**
 * The SCIM endpoint of a provider, or of one target connection of it: the connection's
 * `scim.baseUrl` and credentials win over the provider's; the dialect and the limits
 * are always the provider's. Throws SCIM_NOT_CONFIGURED when neither names a base URL.
 */
export function scimTargetOf(
  providerId: string,
  provider: ProviderConfig,
  connection?: Pick<ConnectionConfig, 'scim'>,
): ScimTarget {
  const own = provider.scim;
  const override = connection?.scim;
  const baseUrl = override?.baseUrl ?? own?.baseUrl;
  if (!baseUrl) {
    throw new ScimClientError(
      'SCIM_NOT_CONFIGURED',
      `provider "${providerId}" has no SCIM endpoint: set providers.${providerId}.scim.baseUrl (or the target connection's scim.baseUrl)`,
    );
  }
  const credentials = override?.baseUrl ? override : (own ?? {});
  const auth: ScimAuth = credentials.token
    ? { kind: 'bearer', token: credentials.token }
    : credentials.basic
      ? { kind: 'basic', ...credentials.basic }
      : { kind: 'none' };
  return {
    endpoint: {
      baseUrl,
      auth,
      timeoutMs: own?.timeoutMs ?? 10_000,
      maxResponseBytes: own?.maxResponseBytes ?? 1024 * 1024,
      retries: own?.retries ?? 3,
    },
    dialect: own?.dialect ?? defaultDialect(provider.persona),
  };
}
