import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/** A valid Response signature around assertions whose own signatures do not verify. */
export default defineSamlFault({
  name: 'saml.assertion-signature-invalid',
  stage: 'sign',
  summary: "Signs Response and Assertion, spoiling the Assertion's signature before the Response is signed",
  params: z.object({}),
  apply: (plan) => ({ ...plan, targets: 'both', spoilAssertionSignatures: true }),
});
