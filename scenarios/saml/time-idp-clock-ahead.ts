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
  // IssueInstant is the instant furthest ahead (NotBefore is back-dated by most personas).
  expect: { withinSkew: { field: 'IdP clock (IssueInstant)', direction: 'future', seconds: 180 } },
  tags: ['time'],
  why: "Every instant is three minutes ahead of the SP's clock: IssueInstant, NotBefore, the whole window. An SP allowing less skew refuses until the clocks agree (check NTP on both sides); one allowing more accepts.",
  refs: ['SAML 2.0 Core §1.3.3', 'SAML 2.0 Core §2.5.1.2'],
  caughtBy: ['clock-skew'],
});
