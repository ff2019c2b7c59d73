import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultRegistry } from '../../idp/faults/index.ts';
import relocated from '../../scenarios/saml/signature-relocated-into-subject.ts';
import { validateScenarios } from '../../scenarios/validate.ts';
import { type Demo, startDemo } from '../support/demo.ts';
import { captureLogin, explainSaml, findingsOf } from './support.ts';

/**
 * A signature moved inside the element it signs (CVE-2025-54419): explain names where it
 * sits and what it signs, and its reproduction makes the harness send the same defect.
 */
describe('explain: a signature relocated into the Subject', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo?.close());

  it('is named as misplaced, not as "not signed" or wrapping, and its reproduction sends the same defect', async () => {
    const explanation = await explainSaml(demo, 'saml', await captureLogin(demo, 'saml', relocated.faults));
    const lines = findingsOf(explanation).join('\n');
    const placement = explanation.checks.find(
      (c) => c.id === 'saml.signature.placement' && c.status === 'problem',
    );
    expect(placement, lines).toMatchObject({
      where: 'Signature in Subject',
      expected: '/samlp:Response/saml:Assertion/ds:Signature',
      actual: 'after /samlp:Response/saml:Assertion/saml:Subject/saml:NameID',
    });
    expect(placement!.text).toMatch(/^the signature over Assertion \S+ sits inside Subject .*must .*refuse/);
    const problems = explanation.checks.filter((c) => c.status === 'problem').map((c) => c.id);
    expect(problems, lines).toEqual(['saml.signature.placement']);
    // The same move as the catalog scenario's, so --reproduce sends the defect the capture shows.
    expect(explanation.reproduction?.scenario?.faults).toEqual(relocated.faults);

    const again = await explainSaml(
      demo,
      'saml',
      await captureLogin(demo, 'saml', explanation.reproduction!.scenario!.faults),
    );
    expect(again.checks.filter((c) => c.status === 'problem')).toEqual([
      expect.objectContaining({ id: 'saml.signature.placement', actual: placement!.actual }),
    ]);

    // As `explain --reproduce` runs it: the strict demo SP refuses the same move.
    const [scenario] = validateScenarios(
      [{ ...explanation.reproduction!.scenario!, connection: 'saml' }],
      faultRegistry,
      'the reproduction',
    );
    const record = await demo.run([scenario!]);
    expect(record.results[0]?.reproduction?.outcome, record.results[0]?.reason).toBe('reproduced');
  });
});
