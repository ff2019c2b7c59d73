import type { LaxName } from '../lax.ts';
import { authnContextClassRef, type SamlCheck, type SamlEvidence } from './checks.ts';
import { attr, child, children, descendants, ns } from './xml.ts';

const TIME_ATTRIBUTES = ['IssueInstant', 'NotBefore', 'NotOnOrAfter', 'AuthnInstant', 'SessionNotOnOrAfter'];
const MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** One way to be over-strict: it refuses what a correct SP accepts, and runs only when its `strict-` switch is on. */
export interface OverStrictCheck extends SamlCheck {
  lax: Extract<LaxName, `strict-${string}`>;
}

function issuers(e: SamlEvidence) {
  return [...children(e.response, ns.assertion, 'Issuer'), ...children(e.assertion, ns.assertion, 'Issuer')];
}

/**
 * The over-strict checks: mistakes of real SPs that refuse valid responses. None runs
 * unless its switch is on (catalog proof of positive scenarios).
 */
export const overStrictChecks: OverStrictCheck[] = [
  {
    lax: 'strict-timestamps',
    run: (e) => {
      for (const el of [e.response, ...descendants(e.assertion, ns.assertion, '*'), e.assertion]) {
        for (const name of TIME_ATTRIBUTES) {
          const value = attr(el, name);
          if (value !== undefined && !MILLISECONDS.test(value)) {
            return `${el.localName} ${name} "${value}" does not parse as YYYY-MM-DDThh:mm:ss.sssZ`;
          }
        }
      }
      return undefined;
    },
  },
  {
    lax: 'strict-attribute-name-format',
    run: (e) => {
      const bare = children(e.assertion, ns.assertion, 'AttributeStatement')
        .flatMap((statement) => children(statement, ns.assertion, 'Attribute'))
        .find((a) => attr(a, 'NameFormat') === undefined);
      return bare ? `the attribute ${attr(bare, 'Name')} carries no NameFormat` : undefined;
    },
  },
  {
    lax: 'strict-issuer-format',
    run: (e) => {
      const bare = issuers(e).find((i) => attr(i, 'Format') === undefined);
      return bare ? `the ${bare.parentNode?.localName} Issuer carries no Format` : undefined;
    },
  },
  {
    lax: 'strict-authn-context-exact',
    run: (e) => {
      const classRef = authnContextClassRef(e.assertion);
      return classRef === e.settings.authnContext || !child(e.assertion, ns.assertion, 'AuthnStatement')
        ? undefined
        : `the IdP authenticated with ${classRef}, not exactly the requested ${e.settings.authnContext}`;
    },
  },
];
