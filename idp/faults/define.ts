import type { z } from 'zod';
import type { OidcStage, SamlStage } from '../flows.ts';
import type { OidcStageContexts, OidcStageValues } from '../oidc/stages.ts';
import type { SamlStageContext, SamlStageValues } from '../saml/response/stages.ts';
import type { FaultDefinition } from './types.ts';

interface FaultSpec<Stage, Params, Value, Context> {
  name: string;
  stage: Stage;
  /** One line for the UI and the reports: what the fault changes. */
  summary: string;
  params: z.ZodType<Params>;
  apply(value: Value, params: Params, context: Context): Value | Promise<Value>;
}

/**
 * A SAML fault: a pure transform of one response stage's value.
 *
 * @example
 * export default defineSamlFault({
 *   name: 'saml.audience',
 *   stage: 'model',
 *   summary: 'Sets the AudienceRestriction to other audiences',
 *   params: z.object({ audiences: z.array(z.string()) }),
 *   apply: (model, { audiences }) => ({ ...model, assertions: model.assertions.map(...) }),
 * });
 */
export function defineSamlFault<S extends SamlStage, P>(
  spec: FaultSpec<S, P, SamlStageValues[S], SamlStageContext>,
): FaultDefinition<P, SamlStageValues[S]> {
  return { ...spec, protocol: 'saml', apply: spec.apply as FaultDefinition<P, SamlStageValues[S]>['apply'] };
}

/** An OIDC fault: a pure transform of one stage's value (claims, id-token, token-response, ...). */
export function defineOidcFault<S extends OidcStage, P>(
  spec: FaultSpec<S, P, OidcStageValues[S], OidcStageContexts[S]>,
): FaultDefinition<P, OidcStageValues[S]> {
  return { ...spec, protocol: 'oidc', apply: spec.apply as FaultDefinition<P, OidcStageValues[S]>['apply'] };
}
