/**
 * Plain oidc-provider, the yardstick of the harness's OIDC provider in `npm run bench`: no
 * devInteractions; a scripted login like the harness's (the interaction URL logs one account
 * in at once, and an existing grant stands for consent).
 *   node scripts/bench/raw-oidc-provider.ts <port> <redirect_uri> [<jwk.json>]
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const redirectUri = process.argv[3]!;
const jwkFile = process.argv[4];
const jwk = jwkFile
  ? JSON.parse(readFileSync(jwkFile, 'utf8'))
  : {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: 'k1',
      alg: 'RS256',
      use: 'sig',
    };
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: 'rp', client_secret: 'rp-secret', redirect_uris: [redirectUri] }],
  jwks: { keys: [jwk] },
  cookies: { keys: ['bench-cookie-key'] },
  claims: { email: ['email'], profile: ['name'] },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: `${id}@example.com`, name: id }),
  }),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  loadExistingGrant: async (ctx) => {
    const accountId = ctx.oidc.session!.accountId!;
    const clientId = ctx.oidc.client!.clientId;
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.use(async (ctx, next) => {
  if (ctx.path.startsWith('/interaction/')) {
    ctx.respond = false;
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: 'grace' } });
    return;
  }
  await next();
});
provider.listen(port, '127.0.0.1', () => process.send?.('ready'));
