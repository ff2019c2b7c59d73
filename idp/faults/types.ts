import type { z } from 'zod';
import type { OidcStage, SamlStage, StageContext } from '../flows.ts';

/**
 * A named, pure transform of one stage's value. `params` is the schema of its
 * parameters (the UI renders a form from it); `summary` is the one line the UI and the
 * reports show.
 */
export interface FaultDefinition<Params = unknown, Value = unknown> {
  name: string;
  protocol: 'saml' | 'oidc';
  stage: SamlStage | OidcStage;
  summary: string;
  params: z.ZodType<Params>;
  apply(value: Value, params: Params, context: StageContext): Value | Promise<Value>;
}

/** Any fault, whatever its parameter and value types (the registry's element type). */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds faults of every stage's value type.
export type AnyFault = FaultDefinition<any, any>;

/** Stages whose requests carry no flow cookie: a flow using them must run alone on its provider. */
export const providerWideStages: ReadonlySet<string> = new Set([
  'oidc.jwks',
  'oidc.discovery',
  'saml.metadata',
]);
