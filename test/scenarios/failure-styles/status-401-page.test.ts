import { proveUnderFailureStyle } from '../support-style-proof.ts';

proveUnderFailureStyle('status-401-page');
