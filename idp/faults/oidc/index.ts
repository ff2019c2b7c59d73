import type { AnyFault } from '../types.ts';

/** OIDC faults, one file each, grouped by stage. */
export const oidcFaults: AnyFault[] = [];
