import { createHash, randomBytes } from 'node:crypto';
import { resolveContext } from '../../explain/context/index.ts';
import { explain } from '../../explain/explain.ts';
import type { Explanation } from '../../explain/types.ts';
import type { FaultRef } from '../../idp/flows.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import type { HttpStep } from '../../runner/types.ts';
import type { Demo } from '../support/demo.ts';

/**
 * A HAR file (W3C HTTP Archive 1.2) of the HTTP exchanges a driver made, as a browser's
 * developer tools would save them: what explain reads from support tickets.
 */
export function harOf(steps: readonly HttpStep[], startedAt = Date.now()): string {
  let at = startedAt;
  const entries = steps.map((step) => {
    const started = new Date(at).toISOString();
    at += Math.max(1, step.durationMs);
    const form = step.form ? Object.entries(step.form) : undefined;
    return {
      startedDateTime: started,
      time: step.durationMs,
      request: {
        method: step.method,
        url: step.url,
        httpVersion: 'HTTP/1.1',
        headers: form ? [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] : [],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: -1,
        ...(form
          ? {
              postData: {
                mimeType: 'application/x-www-form-urlencoded',
                params: form.map(([name, value]) => ({ name, value })),
                text: new URLSearchParams(form).toString(),
              },
            }
          : {}),
      },
      response: {
        status: step.status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: step.location ? [{ name: 'Location', value: step.location }] : [],
        cookies: [],
        content: {
          size: step.bodyExcerpt?.length ?? 0,
          mimeType: step.contentType ?? '',
          text: step.bodyExcerpt ?? '',
        },
        redirectURL: step.location ?? '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: step.durationMs, receive: 0 },
    };
  });
  return JSON.stringify({
    log: { version: '1.2', creator: { name: 'sso-harness tests', version: '0' }, entries },
  });
}

/** One SP-initiated login through a demo SP connection with the HTTP driver, the flow carrying `faults`; its HAR. */
export async function captureLogin(
  demo: Pick<Demo, 'harness' | 'target'>,
  connection: string,
  faults: FaultRef[],
): Promise<string> {
  const c = demo.target.connections[connection]!;
  const flow = demo.harness.flow({ provider: c.provider, user: c.user!, faults });
  const driver = createHttpDriver();
  const session = await driver.newSession({ signal: AbortSignal.timeout(15_000) });
  try {
    await session.bindFlow(demo.harness.url, flow.id);
    await session.open(c.loginUrl);
    return harOf(session.steps);
  } finally {
    await session.close();
    await driver.close();
    flow.end();
  }
}

/** Explains a capture against the demo SP's metadata and the harness provider's metadata. */
export function explainSaml(
  demo: Demo,
  connection: string,
  text: string,
  extra: { requiredAttributes?: string[] } = {},
): Promise<Explanation> {
  const provider = demo.target.connections[connection]!.provider;
  return explain({
    text,
    context: (protocol) =>
      resolveContext(
        {
          sp: {
            metadata: { url: `${demo.spUrl}/saml/${connection}/metadata` },
            requiredAttributes: extra.requiredAttributes,
          },
          idp: { metadata: { url: `${demo.harness.url}/saml/${provider}/metadata` } },
        },
        protocol,
      ),
  });
}

/** The checks of an explanation that are not ok, as "status id: text" lines (for failure messages). */
export function findingsOf(explanation: Explanation): string[] {
  return explanation.checks.filter((c) => c.status !== 'ok').map((c) => `${c.status} ${c.id}: ${c.text}`);
}

/** The demo's OIDC connection the round trip logs in through, and its client as registered at the harness. */
export const oidcDemo = {
  connection: 'google',
  clientId: 'demo-sp-google',
  clientSecret: 'google-client-secret',
  redirect: (demo: Demo) => `${demo.spUrl}/oidc/google/callback`,
};

/**
 * One code-flow login through the demo's Google connection with a flow carrying
 * `faults`: the authorization request, the redirect back, and the token endpoint's
 * answer, as a HAR (a capture made at a proxy, so the back channel is in it). `during`
 * runs while the flow is live: provider-wide faults (discovery, JWKS) still apply.
 */
export async function captureOidcLogin<T>(
  demo: Demo,
  faults: FaultRef[],
  during: (har: string) => Promise<T>,
): Promise<T> {
  const c = demo.target.connections[oidcDemo.connection]!;
  const issuer = (await demo.harness.server.providers.get(c.provider)!.info()).entityId;
  // Discover before the flow exists: discovery faults must not stop the capture itself.
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
    string,
    string
  >;
  const flow = demo.harness.flow({ provider: c.provider, user: c.user!, faults });
  try {
    const { TestBrowser } = await import('../support/oidc-rp.ts');
    const browser = new TestBrowser();
    browser.jar.set(new URL(issuer), '_', '');
    browser.jar.set(new URL(issuer), 'sso_harness_flow', flow.id);
    const verifier = randomToken();
    const state = randomToken();
    const nonce = randomToken();
    const authorize = new URL(discovery.authorization_endpoint!);
    const params = {
      response_type: 'code',
      client_id: oidcDemo.clientId,
      redirect_uri: oidcDemo.redirect(demo),
      scope: 'openid email profile groups',
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);
    const steps: HttpStep[] = [];
    const started = Date.now();
    const result = await browser.follow(authorize.href, oidcDemo.redirect(demo));
    const arrived = result.arrived?.url;
    steps.push({
      index: 0,
      method: 'GET',
      url: authorize.href,
      status: 302,
      location: arrived,
      cause: 'navigate',
      durationMs: Date.now() - started,
    });
    if (arrived) {
      steps.push({ index: 1, method: 'GET', url: arrived, status: 200, cause: 'redirect', durationMs: 1 });
      const code = new URL(arrived).searchParams.get('code');
      if (code) {
        const form = {
          grant_type: 'authorization_code',
          code,
          redirect_uri: oidcDemo.redirect(demo),
          code_verifier: verifier,
        };
        const response = await fetch(discovery.token_endpoint!, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`${oidcDemo.clientId}:${oidcDemo.clientSecret}`).toString('base64')}`,
          },
          body: new URLSearchParams(form),
        });
        steps.push({
          index: 2,
          method: 'POST',
          url: discovery.token_endpoint!,
          form,
          status: response.status,
          contentType: response.headers.get('content-type') ?? undefined,
          bodyExcerpt: await response.text(),
          cause: 'form',
          durationMs: 1,
        });
      }
    }
    return await during(harOf(steps, started));
  } finally {
    flow.end();
  }
}

/** Explains a capture against the demo Google client and the OP's live discovery document and JWKS. */
export async function explainOidc(demo: Demo, text: string): Promise<Explanation> {
  const c = demo.target.connections[oidcDemo.connection]!;
  const issuer = (await demo.harness.server.providers.get(c.provider)!.info()).entityId;
  return explain({
    text,
    context: (protocol) =>
      resolveContext(
        {
          sp: {
            clientId: oidcDemo.clientId,
            redirectUris: [oidcDemo.redirect(demo)],
            requiredClaims: ['email'],
          },
          idp: { discovery: issuer },
        },
        protocol,
      ),
  });
}

function randomToken(): string {
  return randomBytes(48).toString('base64url');
}

/** Explains a capture against the demo target's connection, as the harness config holds it (`--target demo-sp`). */
export function explainWithTarget(demo: Demo, connection: string, text: string): Promise<Explanation> {
  const server = demo.harness.server;
  return explain({
    text,
    context: (protocol) =>
      resolveContext(
        {
          target: {
            view: { config: demo.harness.config, providers: server.providers, keys: server.context.keys },
            name: 'demo-sp',
            connection,
          },
        },
        protocol,
      ),
  });
}
