import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';

/** The runner's logout steps, started without what they log out: an error that says what is missing. */
describe('back- and front-channel logout steps without a flow', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let issuer: string;
  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        op: {
          protocol: 'oidc',
          persona: 'generic',
          clients: { app: { clientSecret: 's', redirectUris: ['https://app.example/cb'] } },
        },
      },
      users: { alice: { email: 'alice@example.com' } },
    });
    issuer = (await idp.providers.get('op')!.info()).entityId;
  });
  afterAll(() => idp?.stop());

  it.each([
    ['backchannel', 'back-channel'],
    ['frontchannel', 'front-channel'],
  ])('%s: 400 naming the missing flow, and the IdP keeps serving', async (path, name) => {
    const base = `${idp.url}/oidc/op`;
    const answer = await fetch(`${base}/harness/${path}-logout`, { headers: { accept: 'application/json' } });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain(
      `a ${name} logout is sent for a flow, and this request has none`,
    );
    expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);
  });
});
