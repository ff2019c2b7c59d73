import type { AnyFault } from '../types.ts';

/** SAML faults, one file each, grouped by stage: model -> sign -> post-sign -> deliver. */
export const samlFaults: AnyFault[] = [];
