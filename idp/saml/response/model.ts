import { randomBytes } from 'node:crypto';
import { samlNameIdFormats } from '../../../config/schema.ts';
import { stableToken } from '../../directory/stable-id.ts';
import type { DirectoryUser } from '../../directory/user.ts';
import type { Persona, PersonaContext } from '../../personas/types.ts';
import { authnContextClasses, confirmationMethods, statusCodes } from '../constants.ts';
import type { AuthnRequestInfo } from '../messages.ts';
import type { ServiceProvider } from '../sps/types.ts';
import { instant, samlId } from '../xml-writer.ts';
import type { AttributeModel, NameIdModel, ResponseModel } from './stages.ts';

export type ResponseOutcome =
  | { kind: 'success'; user: DirectoryUser; sessionIndex: string }
  /** The user pressed Cancel: Responder + AuthnFailed (or `subCode`), no assertion. */
  | { kind: 'failed'; message: string; subCode?: string | undefined };

/** Everything the model is built from. */
export interface ModelInput {
  /** The IdP's entityID. */
  issuer: string;
  persona: Persona;
  personaContext: PersonaContext;
  /** Provider default NameID format (config), if any. */
  providerNameIdFormat: string | undefined;
  assertionLifetimeSeconds: number;
  sessionLifetimeSeconds: number;
  sp: ServiceProvider;
  acsUrl: string;
  /** The AuthnRequest answered; undefined for IdP-initiated login. */
  request: AuthnRequestInfo | undefined;
  outcome: ResponseOutcome;
  now: number;
}

/** The Response as plain data, from the user, the persona, the SP and the request. */
export function buildResponseModel(input: ModelInput): ResponseModel {
  const { now, request, sp, outcome } = input;
  const issueInstant = instant(now);
  const response: ResponseModel = {
    id: samlId(),
    issueInstant,
    destination: input.acsUrl,
    inResponseTo: request?.id,
    issuer: input.issuer,
    status: { code: statusCodes.success },
    assertions: [],
  };
  if (outcome.kind === 'failed') {
    return {
      ...response,
      status: {
        code: statusCodes.responder,
        subCode: outcome.subCode ?? statusCodes.authnFailed,
        message: outcome.message,
      },
    };
  }
  const notOnOrAfter = instant(now + input.assertionLifetimeSeconds * 1000);
  response.assertions.push({
    id: samlId(),
    issueInstant,
    issuer: input.issuer,
    subject: {
      nameId: nameIdFor(input, outcome.user),
      confirmations: [
        {
          method: confirmationMethods.bearer,
          recipient: input.acsUrl,
          inResponseTo: request?.id,
          notBefore: undefined,
          notOnOrAfter,
        },
      ],
    },
    conditions: {
      // The persona's habit: some IdPs back-date NotBefore, ADFS and Entra write the IssueInstant.
      notBefore: instant(now - (input.persona.saml?.notBeforeSkewSeconds ?? 0) * 1000),
      notOnOrAfter,
      audiences: [sp.entityId],
    },
    authnStatement: {
      authnInstant: issueInstant,
      sessionIndex: outcome.sessionIndex,
      sessionNotOnOrAfter: instant(now + input.sessionLifetimeSeconds * 1000),
      classRef: request?.authnContextClassRefs[0] ?? authnContextClasses.passwordProtectedTransport,
    },
    attributes: attributesFor(input, outcome.user),
  });
  return response;
}

/** The NameID format: the request's NameIDPolicy, else the SP's, the provider's, the persona's. */
export function chooseNameIdFormat(
  input: Pick<ModelInput, 'request' | 'sp' | 'providerNameIdFormat' | 'persona'>,
): string {
  const requested = input.request?.nameIdFormat;
  if (requested && requested !== samlNameIdFormats.unspecified) return requested;
  return (
    input.sp.nameIdFormat ??
    input.providerNameIdFormat ??
    input.persona.saml?.nameIdFormat ??
    samlNameIdFormats.unspecified
  );
}

function nameIdFor(input: ModelInput, user: DirectoryUser): NameIdModel {
  const format = chooseNameIdFormat(input);
  const saml = input.persona.saml;
  const personaValue = saml ? saml.nameId(user, input.personaContext) : user.nameId;
  let value: string;
  if (format === saml?.nameIdFormat) value = personaValue;
  else if (format === samlNameIdFormats.emailAddress) value = user.email;
  else if (format === samlNameIdFormats.persistent) {
    // Pairwise: stable for this user at this SP, different at another SP.
    value = stableToken(input.personaContext.providerId, user.id, `persistent:${input.sp.entityId}`, 32);
  } else if (format === samlNameIdFormats.transient) value = samlId();
  else value = personaValue;
  return {
    value,
    format,
    spNameQualifier: format === samlNameIdFormats.persistent ? input.sp.entityId : undefined,
  };
}

/** The persona's attribute table, then the user's own attributes (which win on a name clash). */
function attributesFor(input: ModelInput, user: DirectoryUser): AttributeModel[] {
  const saml = input.persona.saml;
  const nameFormat = saml?.attributeNameFormat;
  const out = new Map<string, AttributeModel>();
  for (const rule of saml?.attributes ?? []) {
    const values = toValues(rule.value(user, input.personaContext));
    if (values.length === 0) continue;
    out.set(rule.name, { name: rule.name, nameFormat, friendlyName: rule.friendlyName, values });
  }
  for (const [name, value] of Object.entries(user.attributes)) {
    const values = toValues(value);
    if (values.length > 0) out.set(name, { name, nameFormat, values });
  }
  return [...out.values()];
}

function toValues(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** An opaque session index for one login. */
export function newSessionIndex(): string {
  return `_session_${randomBytes(16).toString('hex')}`;
}
