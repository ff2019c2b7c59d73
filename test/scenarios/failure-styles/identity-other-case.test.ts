import { proveUnderFailureStyle } from '../support-style-proof.ts';

proveUnderFailureStyle('identity-other-case');
