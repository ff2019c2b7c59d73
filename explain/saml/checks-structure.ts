import type { Element } from '@xmldom/xmldom';
import { ns } from '../../idp/saml/constants.ts';
import type { SamlCheckInput } from './model.ts';
import { childrenNS, label } from './parse.ts';

const core = 'SAML 2.0 Core';

/**
 * What the schema fixes and parsers disagree on: Version 2.0, one Issuer per element, one
 * Attribute element per Name. Each breach is a `saml.structure` problem whose `actual`
 * says which (`Version 1.1`, `2 Issuer elements`, `Attribute email repeated`), so the
 * reproduction can pick the fault.
 */
export function checkStructure(input: SamlCheckInput, elements: readonly Element[]): void {
  const { findings } = input;
  let problems = 0;
  for (const element of elements) {
    const where = label(element);
    const version = element.getAttribute('Version');
    if (version !== '2.0') {
      problems++;
      findings.problem(
        'saml.structure',
        `the ${element.localName} Version is ${version || '(missing)'}, not 2.0`,
        {
          where,
          expected: '2.0',
          actual: `Version ${version ?? ''}`.trim(),
          spec: `${core} §3.2.2, §2.3.3 (Version MUST be "2.0")`,
          fix: {
            side: 'idp',
            text: 'The IdP must speak SAML 2.0: Version="2.0" on the Response and Assertion.',
          },
        },
      );
    }
    const issuers = childrenNS(element, ns.assertion, 'Issuer').length;
    if (issuers > 1) {
      problems++;
      findings.problem(
        'saml.structure',
        `the ${element.localName} carries ${issuers} Issuer elements: the schema allows one, and SPs that read different ones disagree on who issued it`,
        { where, expected: '1 Issuer element', actual: `${issuers} Issuer elements`, spec: `${core} §2.3.3` },
      );
    }
    const names = childrenNS(element, ns.assertion, 'AttributeStatement')
      .flatMap((s) => childrenNS(s, ns.assertion, 'Attribute'))
      .map((a) => a.getAttribute('Name') ?? '');
    const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
    for (const name of repeated) {
      problems++;
      findings.problem(
        'saml.structure',
        `the attribute ${name} comes in more than one Attribute element: SP libraries differ on which one wins (first, last, merged), and python3-saml refuses it`,
        {
          where,
          actual: `Attribute ${name} repeated`,
          spec: `${core} §2.7.3.1; python3-saml allowRepeatAttributeName (default false)`,
          fix: { side: 'idp', text: `Send one Attribute "${name}" with every value as its AttributeValues.` },
        },
      );
    }
  }
  if (problems === 0 && elements.length > 0) {
    findings.ok('saml.structure', 'Version 2.0, one Issuer per element, no attribute Name repeated', {
      where: label(elements[0]!),
    });
  }
}
