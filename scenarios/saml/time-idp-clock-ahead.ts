import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.idp-clock-ahead',
  title: 'IdP clock 3 minutes ahead',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.clock-skew',
      params: {
        seconds: 180,
      },
    },
  ],
  expect: 'reject',
  tags: ['time'],
  why: "Every instant is three minutes ahead of the SP's clock: IssueInstant, NotBefore, the whole window. Three minutes is beyond the demo SP's 60 s allowance, so the login fails until the clocks agree (check NTP on both sides).",
  refs: ['SAML 2.0 Core §1.3.3', 'SAML 2.0 Core §2.5.1.2'],
  caughtBy: ['clock-skew'],
});
