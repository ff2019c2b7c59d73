import { oidcFaults } from './oidc/index.ts';
import { samlFaults } from './saml/index.ts';
import type { AnyFault } from './types.ts';

/** Every fault the harness knows, by name: one file per fault, grouped by protocol and stage. */
const all: AnyFault[] = [...samlFaults, ...oidcFaults];

export const faultRegistry: Readonly<Record<string, AnyFault>> = Object.fromEntries(
  all.map((f) => [f.name, f]),
);

export type { ResolvedFault } from './compile.ts';
export { compileHooks, needsExclusiveProvider, resolveFaults } from './compile.ts';
export { defineOidcFault, defineSamlFault } from './define.ts';
export type { FaultErrorCode } from './errors.ts';
export { FaultError } from './errors.ts';
export type { AnyFault, FaultDefinition } from './types.ts';
