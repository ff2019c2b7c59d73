import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../scenarios/schema.ts';
import { type Demo, startDemo } from '../support/demo.ts';

/**
 * A fault that fails at the IdP (here an XPath that matches nothing): the request did reach
 * the IdP, so the result must quote the fault's error, not say the login never reached it.
 */
describe('a scenario whose fault fails at the IdP', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  }, 60_000);
  afterAll(() => demo?.close());

  it('is an error that quotes what the fault could not do', async () => {
    const scenario = scenarioSchema.parse({
      id: 'custom.xml-edit.no-match',
      title: 'An XML edit whose XPath matches nothing',
      protocol: 'saml',
      faults: [
        { fault: 'saml.xml-edit', params: { select: '//saml:Subject/saml:NoSuch', action: 'remove' } },
      ],
      expect: 'reject',
      why: 'A test of how a failed fault is reported.',
    });
    const [result] = (await demo.run([scenario])).results;
    expect(result?.verdict).toBe('error');
    expect(result?.reason).toMatch(/^the IdP could not build its answer with this scenario's faults: /);
    expect(result?.reason).toContain('"//saml:Subject/saml:NoSuch" matches nothing');
    expect(result?.reason).not.toContain('never reached the IdP');
  });
});
