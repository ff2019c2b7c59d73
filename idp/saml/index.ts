import type { Context } from 'koa';
import type { SamlProviderConfig } from '../../config/schema.ts';
import type { ProviderEndpoint, ProviderFactory } from '../context.ts';
import { summarizeCertificate } from '../keys/certificate.ts';
import { dispatch } from './endpoints/index.ts';
import { providerHandle } from './handle.ts';
import { SamlProvider } from './provider.ts';

/**
 * Builds one SAML 2.0 identity provider, served under `/saml/<id>/`: metadata,
 * certificate.pem, sso (HTTP-Redirect and HTTP-POST), login, idp-init, slo and logout.
 * Its SPs are loaded (metadata files and URLs read) before it serves; its keys are made on
 * first use.
 *
 * @example
 * const provider = await createSamlProvider('mock-saml', config.providers['mock-saml'], context);
 * await provider.saml?.putSp('app', { entityId: 'https://app.example', acsUrls: ['https://app.example/acs'] });
 */
export const createSamlProvider: ProviderFactory<SamlProviderConfig> = async (id, config, context) => {
  const provider = new SamlProvider(id, config, context);
  await provider.sps.load(config.sps);
  return {
    id,
    protocol: 'saml',
    config,
    displayName: provider.displayName,
    entityId: provider.entityId,
    metadataUrl: `${provider.base}/metadata`,
    saml: providerHandle(provider),
    middleware: (ctx: Context) => dispatch(provider, ctx),
    info: async () => {
      const key = await provider.signingKey();
      const summary = summarizeCertificate(key.certificatePem!);
      return {
        id,
        protocol: 'saml',
        displayName: provider.displayName,
        persona: config.persona,
        disabled: config.disabled,
        entityId: provider.entityId,
        metadataUrl: `${provider.base}/metadata`,
        baseUrl: provider.base,
        certificates: [
          { ...summary, kind: 'current', use: 'signing' },
          { ...summary, kind: 'current', use: 'encryption' },
        ],
        relyingParties: provider.sps.names(),
        endpoints: samlEndpointList(provider.base, provider.sps.names()),
      };
    },
  };
};

/** The URLs of a SAML provider as its metadata and the SAML bindings spec (§3.4, §3.5) name them. */
function samlEndpointList(base: string, sps: string[]): ProviderEndpoint[] {
  return [
    { name: 'Metadata', url: `${base}/metadata`, binding: 'GET' },
    { name: 'SingleSignOnService', url: `${base}/sso`, binding: 'HTTP-Redirect' },
    { name: 'SingleSignOnService', url: `${base}/sso`, binding: 'HTTP-POST' },
    { name: 'SingleLogoutService', url: `${base}/slo`, binding: 'HTTP-Redirect' },
    { name: 'SingleLogoutService', url: `${base}/slo`, binding: 'HTTP-POST' },
    ...sps.map((sp) => ({
      name: 'IdP-initiated login',
      url: `${base}/idp-init?sp=${encodeURIComponent(sp)}`,
      binding: 'GET',
      note: `an unsolicited Response to ${sp}`,
    })),
    { name: 'IdP-initiated logout', url: `${base}/logout`, binding: 'GET' },
    { name: 'Signing certificate', url: `${base}/certificate.pem`, binding: 'GET' },
  ];
}

export type { SamlProviderHandle } from './handle.ts';
export type {
  AssertionModel,
  AttributeModel,
  DeliveryPlan,
  ResponseModel,
  SamlStageContext,
  SamlStageValues,
  SigningPlan,
} from './response/stages.ts';
export { parseSpMetadata } from './sps/metadata.ts';
export type { SpProblem } from './sps/registry.ts';
export type { AcsEndpoint, ServiceProvider, SloEndpoint, SpMetadata } from './sps/types.ts';
