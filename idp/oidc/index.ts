import type { OidcProviderConfig } from '../../config/schema.ts';
import type { ProviderFactory } from '../context.ts';
import { IdpError } from '../errors.ts';

/** Placeholder until the OIDC provider lands (issue 3). */
export const createOidcProvider: ProviderFactory<OidcProviderConfig> = async (id, config, context) => ({
  id,
  protocol: 'oidc',
  config,
  middleware: async () => {
    throw new IdpError('NOT_FOUND', 501, 'the OIDC provider is not built yet');
  },
  info: async () => ({
    id,
    protocol: 'oidc',
    displayName: config.displayName ?? id,
    persona: config.persona,
    disabled: config.disabled,
    entityId: `${context.baseUrl}/oidc/${id}`,
    metadataUrl: `${context.baseUrl}/oidc/${id}/.well-known/openid-configuration`,
    baseUrl: `${context.baseUrl}/oidc/${id}`,
    certificates: [],
    relyingParties: Object.keys(config.clients),
  }),
});
