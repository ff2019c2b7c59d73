import { defineScimScenario } from '../define.ts';

export default defineScimScenario({
  id: 'scim.client.rate-limit',
  title: 'A burst of requests: every one lands, retried after 429 as Retry-After says',
  kind: 'provisioning',
  steps: [{ do: 'burst', requests: 80 }],
  tags: ['scim', 'client'],
  why: 'An initial import sends many requests at once. An SP may throttle with 429 and Retry-After; the IdP must wait that long and retry, and nothing may be lost.',
  refs: ['RFC 6585 §4', 'RFC 9110 §10.2.3'],
  timeoutMs: 60_000,
});
