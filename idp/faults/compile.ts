import { formatPath } from '../../config/load.ts';
import type { FaultRef, FlowHooks, StageContext } from '../flows.ts';
import { FaultError } from './errors.ts';
import { type AnyFault, providerWideStages } from './types.ts';

export interface ResolvedFault {
  definition: AnyFault;
  params: unknown;
}

/**
 * Checks a scenario's faults against the registry: every name known, every parameter
 * valid, every fault of the scenario's protocol. Errors name the fault and the known ones.
 */
export function resolveFaults(
  refs: readonly FaultRef[],
  registry: Readonly<Record<string, AnyFault>>,
  protocol?: 'saml' | 'oidc',
): ResolvedFault[] {
  return refs.map((ref, index) => {
    const definition = Object.hasOwn(registry, ref.fault) ? registry[ref.fault] : undefined;
    if (!definition) {
      const known = Object.keys(registry)
        .filter((name) => !protocol || registry[name]?.protocol === protocol)
        .sort();
      throw new FaultError(
        'FAULT_UNKNOWN',
        `faults[${index}]: unknown fault "${ref.fault}"; known${protocol ? ` ${protocol}` : ''} faults: ${known.join(', ') || '(none)'}`,
      );
    }
    if (protocol && definition.protocol !== protocol) {
      throw new FaultError(
        'FAULT_PROTOCOL_MISMATCH',
        `faults[${index}]: "${ref.fault}" is a ${definition.protocol} fault, but the scenario is ${protocol}`,
      );
    }
    const parsed = definition.params.safeParse(ref.params ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((i) => `${formatPath(i.path) || 'params'}: ${i.message}`)
        .join('; ');
      throw new FaultError('FAULT_PARAMS_INVALID', `faults[${index}] "${ref.fault}": ${problems}`);
    }
    return { definition, params: parsed.data };
  });
}

/** Whether these faults act on answers that carry no flow cookie (discovery, JWKS). */
export function needsExclusiveProvider(faults: readonly ResolvedFault[]): boolean {
  return faults.some((f) => providerWideStages.has(`${f.definition.protocol}.${f.definition.stage}`));
}

/**
 * Turns resolved faults into the hooks a flow hands to the IdP; faults run in the
 * scenario's order. `extra` joins every stage context (the target's connections, for
 * faults that deliver to another connection).
 */
export function compileHooks(
  faults: readonly ResolvedFault[],
  extra: Record<string, unknown> = {},
): FlowHooks {
  const byStage = new Map<string, ResolvedFault[]>();
  for (const fault of faults) {
    const key = `${fault.definition.protocol}.${fault.definition.stage}`;
    byStage.set(key, [...(byStage.get(key) ?? []), fault]);
  }
  return {
    has: (protocol, stage) => byStage.has(`${protocol}.${stage}`),
    async apply<T>(protocol: 'saml' | 'oidc', stage: string, value: T, context: StageContext): Promise<T> {
      let current = value;
      for (const { definition, params } of byStage.get(`${protocol}.${stage}`) ?? []) {
        try {
          current = (await definition.apply(current, params, { ...extra, ...context })) as T;
        } catch (error) {
          throw new FaultError(
            'FAULT_FAILED',
            `fault "${definition.name}" failed at stage ${stage}: ${String(error)}`,
            error,
          );
        }
      }
      return current;
    },
  } as FlowHooks;
}
