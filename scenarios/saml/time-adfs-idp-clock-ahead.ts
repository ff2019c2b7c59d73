import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.adfs-idp-clock-ahead-5s',
  title: 'ADFS with its clock 5 seconds ahead (NotBefore = IssueInstant)',
  protocol: 'saml',
  requires: { persona: 'adfs' },
  faults: [{ fault: 'saml.clock-skew', params: { seconds: 5 } }],
  expect: {
    withinSkew: {
      field: 'IdP clock ahead (ADFS: NotBefore = IssueInstant)',
      direction: 'future',
      seconds: 5,
    },
  },
  tags: ['time', 'persona'],
  why: "ADFS does not back-date NotBefore (its NotBeforeSkew defaults to 0), so an IdP clock only seconds ahead puts NotBefore in the SP's future. An IdP that back-dates hides an SP that allows no clock skew at all; with ADFS such an SP fails logins whenever the clocks drift apart by a second. A correct SP with any sane allowance accepts.",
  refs: [
    'SAML 2.0 Core §2.5.1.2 (NotBefore)',
    'Microsoft: Set-AdfsRelyingPartyTrust -NotBeforeSkew (minutes, default 0)',
  ],
});
