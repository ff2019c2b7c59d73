/**
 * Measures the IdP's CPU time per OIDC code-flow login (figures, not assertions).
 * The IdP runs in a child process so the RP's and the HTTP client's work are not
 * counted; the parent drives N logins through openid-client and asks the child for its
 * process.cpuUsage() before and after.
 *
 *   source scripts/use-node24.sh && node test/idp/oidc/measure-login-cpu.ts [logins] [concurrency]
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestIdp } from '../../support/idp.ts';
import { discoverRp, loginWithCode, TestBrowser } from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';

if (process.argv[2] === '--idp') {
  const idp = await startTestIdp({
    keys: { seed: 'measure-login-cpu' },
    providers: {
      op: {
        protocol: 'oidc',
        persona: 'entra',
        clients: { app: { clientSecret: 's', redirectUris: [REDIRECT] } },
      },
    },
    users: { alice: { email: 'alice@example.com', givenName: 'Alice', groups: ['a', 'b'] } },
  });
  const issuer = (await idp.providers.get('op')!.info()).entityId;
  process.on('message', async (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
    if (message === 'stop') {
      await idp.stop();
      process.exit(0);
    }
  });
  process.send!({ issuer });
} else {
  const logins = Number(process.argv[2] ?? 200);
  const concurrency = Number(process.argv[3] ?? 4);
  const child = fork(fileURLToPath(import.meta.url), ['--idp'], { stdio: 'inherit' });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve) => child.once('message', resolve as never));
  const { issuer } = (await next()) as { issuer: string };
  const cpu = async () => {
    child.send('cpu');
    return ((await next()) as { cpu: NodeJS.CpuUsage }).cpu;
  };
  const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 's' });
  const login = () => loginWithCode(rp, new TestBrowser(), { redirectUri: REDIRECT, user: 'alice' });
  for (let i = 0; i < 20; i++) await login(); // warm-up: JIT, key caches

  const before = await cpu();
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (done < logins) {
        done++;
        await login();
      }
    }),
  );
  const wall = performance.now() - started;
  const after = await cpu();
  const userMs = (after.user - before.user) / 1000;
  const systemMs = (after.system - before.system) / 1000;
  console.log(
    `${logins} code-flow logins (login page, code + PKCE, token), concurrency ${concurrency}: ` +
      `IdP CPU ${((userMs + systemMs) / logins).toFixed(2)} ms/login ` +
      `(user ${(userMs / logins).toFixed(2)}, system ${(systemMs / logins).toFixed(2)}); ` +
      `wall ${(wall / logins).toFixed(2)} ms/login, ${((logins / wall) * 1000).toFixed(0)} logins/s`,
  );
  child.send('stop');
}
