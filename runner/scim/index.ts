export { conformanceRegistry } from './conformance.ts';
export type { ScimExecuteOptions } from './execute.ts';
export { executeScimJob } from './execute.ts';
export type { PlanScimOptions, ScimJob } from './plan.ts';
export { planScimJobs } from './plan.ts';
