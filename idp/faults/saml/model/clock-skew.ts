import { z } from 'zod';
import type { AssertionModel } from '../../../saml/response/stages.ts';
import { defineSamlFault } from '../../define.ts';
import { shifted } from '../edit-model.ts';

/** Every instant the IdP writes, as an IdP whose clock is off by some seconds writes it. */
export default defineSamlFault({
  name: 'saml.clock-skew',
  stage: 'model',
  summary: 'Shifts every instant of the response, as an IdP whose clock is ahead (or behind) writes them',
  params: z.object({
    seconds: z
      .number()
      .int()
      .default(180)
      .describe("The IdP clock's offset in seconds: positive is ahead of the SP, negative behind"),
  }),
  apply: (model, { seconds }) => {
    const shift = <T extends string | undefined>(value: T) => shifted(value, seconds);
    const assertion = (a: AssertionModel): AssertionModel => ({
      ...a,
      issueInstant: shift(a.issueInstant),
      subject: {
        ...a.subject,
        confirmations: a.subject.confirmations.map((c) => ({
          ...c,
          notBefore: shift(c.notBefore),
          notOnOrAfter: shift(c.notOnOrAfter),
        })),
      },
      conditions: a.conditions && {
        ...a.conditions,
        notBefore: shift(a.conditions.notBefore),
        notOnOrAfter: shift(a.conditions.notOnOrAfter),
      },
      authnStatement: a.authnStatement && {
        ...a.authnStatement,
        authnInstant: shift(a.authnStatement.authnInstant),
        sessionNotOnOrAfter: shift(a.authnStatement.sessionNotOnOrAfter),
      },
    });
    return { ...model, issueInstant: shift(model.issueInstant), assertions: model.assertions.map(assertion) };
  },
});
