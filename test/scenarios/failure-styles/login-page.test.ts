import { proveUnderFailureStyle } from '../support-style-proof.ts';

proveUnderFailureStyle('login-page');
