import { oidcLogin, samlLogin } from '/work/main/scripts/bench/peers.ts';
const [kind, base, n] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 300)];
let login: () => Promise<boolean>;
if (kind === 'oidc') login = await oidcLogin(base, 'rp', 'rp-secret');
else {
  const md = await (await fetch(`${base}/metadata`)).text();
  const certs = [...md.matchAll(/<(?:ds:)?X509Certificate>([^<]+)</g)].map((m) => m[1]!.replace(/\s+/g, ''));
  login = samlLogin(`${base}/sso`, certs, 'both');
}
let fails = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: 8 }, async () => { for (let i = 0; i < n / 8; i++) if (!(await login())) fails++; }));
console.log(kind, 'logins', n, 'fails', fails, 'ms', (performance.now() - t0).toFixed(0));
