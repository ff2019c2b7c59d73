/**
 * The IdP's heap after garbage collection across many flows (run by `npm run bench`,
 * or alone: `node --expose-gc scripts/bench/memory.ts`). The harness runs in this
 * process so its heap can be read after `gc()`; the demo SP runs in its own process.
 * Prints one JSON line: { start, readings: [{ flows, heapMb }] }.
 */
import { spawn } from 'node:child_process';
import { builtinConfig } from '../../config/builtin.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import { startHarness } from '../../runner/harness.ts';
import { freePort } from '../../test/support/demo.ts';
import { tempDir } from '../../test/support/idp.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const root = new URL('../..', import.meta.url).pathname;
const spPort = await freePort();
const spUrl = `http://127.0.0.1:${spPort}`;
const { targets: _targets, suites: _suites, ...harnessSide } = builtinConfig(spUrl);
const harness = await startHarness({ config: { ...harnessSide, stateDir: tempDir() }, port: 0 });
const sp = spawn(
  process.execPath,
  [`${root}examples/demo-sp/main.ts`, '--port', String(spPort), '--harness', harness.url],
  {
    stdio: 'ignore',
  },
);
for (let i = 0; i < 500; i++) {
  try {
    if ((await fetch(`${spUrl}/me`)).status === 401) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 20));
}
const driver = createHttpDriver();
const kinds = [
  { provider: 'demo-saml', user: 'alice', connection: 'saml' },
  { provider: 'demo-google', user: 'grace', connection: 'google' },
];
async function login(kind: (typeof kinds)[number]): Promise<void> {
  const flow = harness.flow({ provider: kind.provider, user: kind.user });
  const session = await driver.newSession({ signal: AbortSignal.timeout(20_000) });
  await session.bindFlow(harness.url, flow.id);
  await session.open(`${spUrl}/login/${kind.connection}`);
  await session.probe(`${spUrl}/me`);
  flow.end();
}
const heapMb = () => {
  gc();
  return Math.round((process.memoryUsage().heapUsed / 1048576) * 10) / 10;
};
for (let i = 0; i < 100; i++) await login(kinds[i % 2]!);
const start = heapMb();
const readings: Array<{ flows: number; heapMb: number }> = [];
for (let round = 1; round <= 4; round++) {
  for (let i = 0; i < 250; i++)
    await Promise.all([login(kinds[0]!), login(kinds[1]!), login(kinds[0]!), login(kinds[1]!)]);
  readings.push({ flows: round * 1000, heapMb: heapMb() });
}
console.log(JSON.stringify({ start, readings }));
sp.kill();
await driver.close();
await harness.close();
