import { z } from 'zod';
import type { ResponseModel } from '../../../saml/response/stages.ts';
import { defineSamlFault } from '../../define.ts';

/**
 * An instant written with `digits` fractional digits: 0 drops the fraction, more than 3
 * pads the milliseconds with digits of the same instant (ADFS writes 7).
 */
export function withPrecision(value: string, digits: number): string {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(value);
  if (!match) return value;
  const fraction = (match[2] ?? '').padEnd(digits, '0').slice(0, digits);
  return digits === 0 ? `${match[1]}Z` : `${match[1]}.${fraction}Z`;
}

/** Every instant of the model (Response, assertions, conditions, confirmations, session) at one precision. */
function everyInstant(model: ResponseModel, at: (value: string) => string): ResponseModel {
  const opt = (value: string | undefined) => (value === undefined ? value : at(value));
  return {
    ...model,
    issueInstant: at(model.issueInstant),
    assertions: model.assertions.map((a) => ({
      ...a,
      issueInstant: at(a.issueInstant),
      subject: {
        ...a.subject,
        confirmations: a.subject.confirmations.map((c) => ({
          ...c,
          notBefore: opt(c.notBefore),
          notOnOrAfter: opt(c.notOnOrAfter),
        })),
      },
      conditions: a.conditions && {
        ...a.conditions,
        notBefore: opt(a.conditions.notBefore),
        notOnOrAfter: opt(a.conditions.notOnOrAfter),
      },
      authnStatement: a.authnStatement && {
        ...a.authnStatement,
        authnInstant: at(a.authnStatement.authnInstant),
        sessionNotOnOrAfter: opt(a.authnStatement.sessionNotOnOrAfter),
      },
    })),
  };
}

/** Instants with another fractional precision: each still a valid UTC xs:dateTime (Core §1.3.3). */
export default defineSamlFault({
  name: 'saml.time-precision',
  stage: 'model',
  summary: 'Writes every instant with 0 to 9 fractional-second digits (the IdP default is 3)',
  params: z.object({
    digits: z.number().int().min(0).max(9).default(7).describe('Fractional-second digits (ADFS writes 7)'),
  }),
  apply: (model, { digits }) => everyInstant(model, (value) => withPrecision(value, digits)),
});
