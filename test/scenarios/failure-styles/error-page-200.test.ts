import { proveUnderFailureStyle } from '../support-style-proof.ts';

proveUnderFailureStyle('error-page-200');
