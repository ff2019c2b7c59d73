import type { SamlProviderConfig } from '../../../config/schema.ts';
import type { IdpContext } from '../../context.ts';
import { IdpError } from '../../errors.ts';
import type { FlowHooks } from '../../flows.ts';
import type { ServiceProvider } from '../sps/types.ts';
import { defaultDeliveryPlan } from './deliver.ts';
import { defaultEncryptionPlan, encryptAssertions } from './encrypt.ts';
import { buildResponseModel, type ModelInput } from './model.ts';
import { defaultSigningPlan, signResponseXml, signsAssertions, signsResponse } from './sign.ts';
import type { DeliveryPlan, EncryptionPlan, ResponseModel, SamlStageContext, SigningPlan } from './stages.ts';
import { responseXml } from './xml.ts';

/** One response to build: who for, from what, and the flow's hooks. */
export interface ResponseJob {
  context: IdpContext;
  providerId: string;
  provider: SamlProviderConfig;
  sp: ServiceProvider;
  model: ModelInput;
  relayState: string | undefined;
  hooks: FlowHooks;
  flowId: string | undefined;
}

/** What the pipeline made, stage by stage (the trace and tests read it). */
export interface ResponseState {
  job: ResponseJob;
  stage: SamlStageContext;
  model?: ResponseModel;
  plan?: SigningPlan;
  /** The signed XML after the post-sign hook. */
  signed?: string;
  encryption?: EncryptionPlan;
  /**
   * The elements the signer signed, by local name, outermost first, while the XML going
   * out is the signer's own (undefined once a fault or encryption changed it: then the
   * trace reads the signatures from the XML itself).
   */
  signedByPlan?: string[];
  /** The XML that goes out (encrypted when the SP wants it). */
  xml?: string;
  delivery?: DeliveryPlan;
}

type Step = (state: ResponseState) => Promise<void>;

const encrypting = (job: ResponseJob) =>
  job.sp.encryptAssertion && job.sp.encryptionCertificate !== undefined;

/** The certificate the plan encrypts to: the SP's, or one of the IdP's own key kinds (a fault). */
async function recipientCertificate(job: ResponseJob, plan: EncryptionPlan): Promise<string> {
  if (plan.recipient === 'sp') return job.sp.encryptionCertificate!;
  const { certificatePem } = await job.context.keys.get(job.providerId, plan.recipient.keyKind);
  if (!certificatePem) {
    throw new IdpError(
      'INTERNAL',
      500,
      `the key kind "${plan.recipient.keyKind}" has no RSA certificate to encrypt to`,
    );
  }
  return certificatePem;
}

/**
 * The SAML response, step by step. Each hookable step builds the correct value, hands it
 * to the flow's hooks (faults) and uses what comes back.
 *
 * When the SP asks for encrypted assertions, the response signature is made after
 * encryption (over the EncryptedAssertion, as SPs verify it), so `sign` signs the
 * assertions and `encrypt` adds the response signature, whether or not its plan (a
 * fault may say plaintext) encrypts.
 */
export const responseSteps: ReadonlyArray<readonly [name: string, step: Step]> = [
  [
    'model',
    async (s) => {
      s.model = await s.job.hooks.apply('saml', 'model', buildResponseModel(s.job.model), s.stage);
    },
  ],
  [
    'sign',
    async (s) => {
      const { job } = s;
      s.plan = await job.hooks.apply('saml', 'sign', defaultSigningPlan(job.provider, job.sp), {
        ...s.stage,
        model: s.model,
      });
      const unsigned = await job.hooks.apply('saml', 'pre-sign', responseXml(s.model!), {
        ...s.stage,
        model: s.model,
        plan: s.plan,
      });
      s.signed = await signResponseXml(unsigned, s.model!, s.plan, {
        keys: job.context.keys,
        providerId: job.providerId,
        parts: encrypting(job) ? 'assertions' : 'all',
      });
      s.signedByPlan = [
        ...(signsResponse(s.plan) ? ['Response'] : []),
        ...(signsAssertions(s.plan) && s.model!.assertions.length ? ['Assertion'] : []),
      ];
    },
  ],
  [
    'post-sign',
    async (s) => {
      const signed = s.signed;
      s.signed = await s.job.hooks.apply('saml', 'post-sign', s.signed!, {
        ...s.stage,
        model: s.model,
        plan: s.plan,
      });
      if (s.signed !== signed) s.signedByPlan = undefined;
    },
  ],
  [
    'encrypt',
    async (s) => {
      const { job } = s;
      s.encryption = await job.hooks.apply('saml', 'encrypt', defaultEncryptionPlan(job.sp), {
        ...s.stage,
        model: s.model,
        plan: s.plan,
      });
      if (!encrypting(job)) {
        // The response is signed already: encrypting now would break its signature.
        if (s.encryption.encrypt) {
          throw new IdpError(
            'INTERNAL',
            500,
            `SP "${job.sp.name}" does not ask for encrypted assertions (encryptAssertion and an encryptionCertificate), so they cannot be encrypted for it`,
          );
        }
        s.xml = s.signed;
        return;
      }
      s.signedByPlan = undefined;
      const xml = s.encryption.encrypt
        ? await encryptAssertions(s.signed!, {
            certificate: await recipientCertificate(job, s.encryption),
            keyTransport: s.encryption.keyTransport,
            data: s.encryption.data,
          })
        : s.signed!;
      s.xml = signsResponse(s.plan!)
        ? await signResponseXml(xml, s.model!, s.plan!, {
            keys: job.context.keys,
            providerId: job.providerId,
            parts: 'response',
          })
        : xml;
    },
  ],
  [
    'deliver',
    async (s) => {
      const { job } = s;
      const plan = defaultDeliveryPlan({ acsUrl: job.model.acsUrl, relayState: job.relayState, xml: s.xml! });
      s.delivery = await job.hooks.apply('saml', 'deliver', plan, { ...s.stage, model: s.model });
      if (s.delivery.xml !== s.xml) s.signedByPlan = undefined;
    },
  ],
];

/** The ACS URLs the config gives an SP of a provider (none for SPs known only by metadata). */
function configuredAcsUrls(context: IdpContext, providerId: string, spName: string): string[] {
  const provider = context.config.providers[providerId];
  if (provider?.protocol !== 'saml') return [];
  return [...(provider.sps[spName]?.acsUrls ?? [])];
}

/** Runs every step in order and returns what they made. */
export async function buildResponse(job: ResponseJob): Promise<Required<ResponseState>> {
  const state: ResponseState = {
    job,
    stage: {
      providerId: job.providerId,
      flowId: job.flowId ?? '',
      sp: job.sp,
      request: job.model.request,
      acsUrls: (providerId, spName) => configuredAcsUrls(job.context, providerId, spName),
    },
  };
  for (const [, step] of responseSteps) await step(state);
  return state as Required<ResponseState>;
}

export type { ModelInput, ResponseOutcome } from './model.ts';
export { chooseNameIdFormat, newSessionIndex } from './model.ts';
export type {
  AssertionModel,
  AttributeModel,
  DeliveryPlan,
  EncryptionPlan,
  RawAttributes,
  ResponseModel,
  SamlStageContext,
  SamlStageValues,
  SigningPlan,
} from './stages.ts';
