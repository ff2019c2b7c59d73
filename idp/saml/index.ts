import type { SamlProviderConfig } from '../../config/schema.ts';
import type { ProviderFactory } from '../context.ts';
import { IdpError } from '../errors.ts';

/** Placeholder until the SAML IdP lands (issue 2). */
export const createSamlProvider: ProviderFactory<SamlProviderConfig> = async (id, config, context) => ({
  id,
  protocol: 'saml',
  config,
  middleware: async () => {
    throw new IdpError('NOT_FOUND', 501, 'the SAML provider is not built yet');
  },
  info: async () => ({
    id,
    protocol: 'saml',
    displayName: config.displayName ?? id,
    persona: config.persona,
    disabled: config.disabled,
    entityId: config.entityId ?? `${context.baseUrl}/saml/${id}`,
    metadataUrl: `${context.baseUrl}/saml/${id}/metadata`,
    baseUrl: `${context.baseUrl}/saml/${id}`,
    certificates: [],
    relyingParties: Object.keys(config.sps),
  }),
});
