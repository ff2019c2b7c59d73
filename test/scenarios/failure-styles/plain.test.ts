import { proveUnderFailureStyle } from '../support-style-proof.ts';

proveUnderFailureStyle('plain');
