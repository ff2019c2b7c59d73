import { proveUnderFailureStyle } from '../support-style-proof.ts';

proveUnderFailureStyle('redirect-to-idp');
