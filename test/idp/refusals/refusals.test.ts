import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_COOKIE } from '../../../idp/flows.ts';
import { chromiumArgs, findChromium } from '../../../runner/drivers/find-chromium.ts';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import { textOf } from '../../support/oidc-rp.ts';

/**
 * An SP's request the IdP refuses (unknown SP or client, unregistered ACS or redirect_uri)
 * gets the persona's error page, its status and code, and a 'refusal' trace entry of the flow.
 */
const SP = 'https://app.example/metadata';
const ACS = 'https://app.example/saml/acs';
const CALLBACK = 'https://app.example/cb/';
const CASED = 'https://app.example/Auth/Callback';

const personas = ['entra', 'google', 'okta', 'onelogin', 'adfs', 'generic'] as const;
/** AD FS is a SAML persona here: its OAuth codes (MSIS9223, MSIS9224) have no OIDC provider to show them. */
const hasOidc = (persona: string) => persona !== 'adfs';
/** Status and code of each persona's page: [unknown SP, unregistered ACS, redirect URI mismatch]. */
const expected: Record<(typeof personas)[number], Record<string, [number, string]>> = {
  entra: { sp: [400, 'AADSTS700016'], acs: [400, 'AADSTS50011'], uri: [400, 'AADSTS50011'] },
  google: {
    sp: [403, 'app_not_configured_for_user'],
    acs: [400, 'app_not_configured_for_user'],
    uri: [400, 'redirect_uri_mismatch'],
  },
  okta: { sp: [404, 'E0000007'], acs: [400, '400_SAML'], uri: [400, 'invalid_request'] },
  onelogin: { sp: [404, 'not_found'], acs: [400, 'invalid_acs_url'], uri: [400, 'invalid_request'] },
  adfs: { sp: [400, 'MSIS7007'], acs: [400, 'Event 261'], uri: [400, 'MSIS9224'] },
  generic: { sp: [403, 'UNKNOWN_SP'], acs: [400, 'ACS_NOT_REGISTERED'], uri: [400, 'invalid_redirect_uri'] },
};

describe('the IdP refuses the SP request the way the persona does', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  const issuers: Record<string, string> = {};

  beforeAll(async () => {
    const providers: Record<string, unknown> = {};
    for (const persona of personas) {
      providers[`${persona}-saml`] = {
        protocol: 'saml',
        persona,
        sps: { app: { entityId: SP, acsUrls: [ACS] } },
      };
      if (!hasOidc(persona)) continue;
      providers[`${persona}-oidc`] = {
        protocol: 'oidc',
        persona,
        clients: { app: { clientSecret: 'app-secret', redirectUris: [CALLBACK, CASED] } },
      };
    }
    idp = await startTestIdp({ providers, users: { alice: { email: 'alice@example.com' } } } as never);
    for (const persona of personas.filter(hasOidc)) {
      issuers[persona] = (await idp.providers.get(`${persona}-oidc`)!.info()).entityId;
    }
  });
  afterAll(() => idp.stop());

  /** A GET with a flow cookie; the page as text and the flow's refusal entry. */
  async function refused(providerId: string, url: string) {
    const flow = idp.context.flows.create({ providerId, faults: [] });
    const response = await fetch(url, {
      headers: { accept: 'text/html', cookie: `${FLOW_COOKIE}=${flow.id}` },
      redirect: 'manual',
    });
    const text = textOf(await response.text());
    const entry = idp.context.trace.list({ flowId: flow.id }).find((e) => e.kind === 'refusal');
    idp.context.flows.remove(flow.id);
    return { status: response.status, text, entry, flowId: flow.id };
  }

  const authnRequest = (persona: string, issuer: string, acs: string) => {
    const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${Math.random().toString(16).slice(2)}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${acs}"><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`;
    return `${idp.url}/saml/${persona}-saml/sso?SAMLRequest=${encodeURIComponent(deflateRawSync(xml).toString('base64'))}`;
  };
  const authorize = (persona: string, redirectUri: string) =>
    `${issuers[persona]}/authorize?client_id=app&response_type=code&scope=openid&state=s1&redirect_uri=${encodeURIComponent(redirectUri)}`;

  describe.each(personas)('%s', (persona) => {
    it('SAML: an AuthnRequest from an unknown Issuer', async () => {
      const [status, code] = expected[persona].sp!;
      const answer = await refused(
        `${persona}-saml`,
        authnRequest(persona, 'https://stranger.example/sp', ACS),
      );
      expect(answer.status).toBe(status);
      expect(answer.text).toContain(code);
      expect(answer.text).toContain('the SP "https://stranger.example/sp" is not registered');
      expect(answer.entry).toMatchObject({
        protocol: 'saml',
        provider: `${persona}-saml`,
        flowId: answer.flowId,
      });
      expect(answer.entry!.error).toMatch(new RegExp(`^${code}: the SP "https://stranger.example/sp"`));
    });

    it('SAML: an AuthnRequest with an unregistered ACS URL', async () => {
      const [status, code] = expected[persona].acs!;
      const answer = await refused(`${persona}-saml`, authnRequest(persona, SP, 'https://evil.example/acs'));
      expect(answer.status).toBe(status);
      expect(answer.text).toContain(code);
      expect(answer.entry!.error).toBe(
        `${code}: the AssertionConsumerServiceURL https://evil.example/acs is not registered for SP ${SP}; registered: ${ACS}`,
      );
    });

    it('SAML: an ACS URL that differs only by a trailing slash is named as such', async () => {
      const answer = await refused(`${persona}-saml`, authnRequest(persona, SP, `${ACS}/`));
      expect(answer.entry!.error).toContain(
        `the registered ACS URL is ${ACS} — the request sent ${ACS}/: they differ only by a trailing slash`,
      );
      expect(answer.text).toContain('they differ only by a trailing slash');
    });

    it.runIf(hasOidc(persona))('OIDC: an unknown redirect_uri', async () => {
      const [status, code] = expected[persona].uri!;
      const answer = await refused(`${persona}-oidc`, authorize(persona, 'https://evil.example/cb'));
      expect(answer.status).toBe(status);
      expect(answer.text).toContain(code);
      expect(answer.text).toContain(`Redirect URIs registered for app: ${CALLBACK}, ${CASED}`);
      expect(answer.entry).toMatchObject({
        protocol: 'oidc',
        provider: `${persona}-oidc`,
        flowId: answer.flowId,
      });
      expect(answer.entry!.error).toMatch(new RegExp(`^${code}: redirect_uri did not match`));
      expect(answer.entry!.error).toContain('the request sent https://evil.example/cb');
      expect(answer.entry!.error).not.toContain('they differ only');
    });

    it.runIf(hasOidc(persona))('OIDC: a redirect_uri that differs only by a trailing slash', async () => {
      const answer = await refused(`${persona}-oidc`, authorize(persona, 'https://app.example/cb'));
      expect(answer.status).toBe(expected[persona].uri![0]);
      expect(answer.entry!.error).toContain(
        `the registered redirect URI is ${CALLBACK} — the request sent https://app.example/cb: they differ only by a trailing slash`,
      );
    });

    it.runIf(hasOidc(persona))('OIDC: a redirect_uri that differs only in letter case', async () => {
      const answer = await refused(`${persona}-oidc`, authorize(persona, CASED.toLowerCase()));
      expect(answer.entry!.error).toContain(
        `the registered redirect URI is ${CASED} — the request sent ${CASED.toLowerCase()}: they differ only in letter case`,
      );
      expect(answer.text).toContain('they differ only in letter case');
    });

    it.runIf(hasOidc(persona))('OIDC: an unknown client_id', async () => {
      const answer = await refused(
        `${persona}-oidc`,
        `${issuers[persona]}/authorize?client_id=nope&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(CALLBACK)}`,
      );
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.entry!.error).toMatch(/client is invalid/);
      expect(answer.text).toContain('There is no client "nope" here');
    });
  });

  it('shows the persona codes of Entra in its own layout', async () => {
    const answer = await refused('entra-oidc', authorize('entra', 'https://evil.example/cb'));
    expect(answer.text).toMatch(
      /Microsoft[\s\S]*having trouble signing you in[\s\S]*Error code: AADSTS50011/,
    );
    expect(answer.text).toContain('Correlation ID:');
    const google = await refused('google-oidc', authorize('google', 'https://evil.example/cb'));
    expect(google.text).toMatch(/Error 400: redirect_uri_mismatch/);
  });

  describe('a caller that reads JSON gets the refusal as JSON', () => {
    async function refusedAsJson(providerId: string, url: string, headers: Record<string, string>) {
      const flow = idp.context.flows.create({ providerId, faults: [] });
      const response = await fetch(url, {
        headers: { ...headers, cookie: `${FLOW_COOKIE}=${flow.id}` },
        redirect: 'manual',
      });
      const entry = idp.context.trace.list({ flowId: flow.id }).find((e) => e.kind === 'refusal');
      idp.context.flows.remove(flow.id);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        body: await response.text(),
        entry,
      };
    }

    it.each(personas)('%s: codes, reason, persona code and near miss, for SAML and OIDC', async (persona) => {
      const sp = await refusedAsJson(
        `${persona}-saml`,
        authnRequest(persona, 'https://stranger.example/sp', ACS),
        { accept: 'application/json' },
      );
      expect(sp.status).toBe(expected[persona].sp![0]);
      expect(sp.type).toContain('application/json');
      expect(JSON.parse(sp.body)).toMatchObject({
        error: {
          code: 'UNKNOWN_SP',
          message: expect.stringContaining('the SP "https://stranger.example/sp" is not registered'),
          detail: { refusal: 'unknown-sp', persona, personaCode: expected[persona].sp![1] },
        },
      });
      // The refusal is traced as for a browser.
      expect(sp.entry!.error).toMatch(new RegExp(`^${expected[persona].sp![1]}: `));

      const acs = await refusedAsJson(`${persona}-saml`, authnRequest(persona, SP, `${ACS}/`), {
        accept: 'application/json, text/plain, */*',
      });
      const near = `the registered ACS URL is ${ACS} — the request sent ${ACS}/: they differ only by a trailing slash`;
      expect(JSON.parse(acs.body).error).toMatchObject({
        code: 'ACS_NOT_REGISTERED',
        message: expect.stringContaining(near),
        detail: { refusal: 'acs-mismatch', personaCode: expected[persona].acs![1], nearMiss: near },
      });

      if (!hasOidc(persona)) return;
      const uri = await refusedAsJson(`${persona}-oidc`, authorize(persona, CASED.toLowerCase()), {
        accept: 'application/json',
      });
      expect(uri.status).toBe(expected[persona].uri![0]);
      const error = JSON.parse(uri.body).error;
      expect(error).toMatchObject({
        code: 'invalid_redirect_uri',
        detail: {
          refusal: 'redirect-uri-mismatch',
          persona,
          personaCode: expected[persona].uri![1],
          nearMiss: `the registered redirect URI is ${CASED} — the request sent ${CASED.toLowerCase()}: they differ only in letter case`,
        },
      });
      expect(error.hint).toContain(`Redirect URIs registered for app: ${CALLBACK}, ${CASED}`);
    });

    it('a browser gets the persona page when it navigates, JSON when a page fetches', async () => {
      const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
      try {
        const page = await browser.newPage();
        // A flow per request: a flow's second sign-in request is answered as a second login.
        const bind = async () => {
          const flow = idp.context.flows.create({ providerId: 'okta-oidc', faults: [] });
          await page.context().addCookies([{ name: FLOW_COOKIE, value: flow.id, url: idp.url }]);
          return flow.id;
        };
        const flows = [await bind()];
        const url = authorize('okta', 'https://evil.example/cb');
        const navigation = await page.goto(url);
        expect(navigation!.status()).toBe(400);
        expect(navigation!.headers()['content-type']).toContain('text/html');
        await page.getByRole('alert').getByText('invalid_request').waitFor();
        expect(await page.title()).toBe('Okta: invalid_request');
        flows.push(await bind());
        const fetched = await page.evaluate(async (target) => {
          const response = await fetch(target);
          return { status: response.status, body: (await response.json()) as Record<string, unknown> };
        }, url);
        expect(fetched.status).toBe(400);
        expect(fetched.body).toMatchObject({
          error: {
            code: 'invalid_redirect_uri',
            message: expect.stringContaining('the request sent https://evil.example/cb'),
            detail: { persona: 'okta', personaCode: 'invalid_request', refusal: 'redirect-uri-mismatch' },
          },
        });
        for (const flowId of flows) {
          expect(idp.context.trace.list({ flowId }).some((e) => e.kind === 'refusal')).toBe(true);
          idp.context.flows.remove(flowId);
        }
      } finally {
        await browser.close();
      }
    });
  });
});
