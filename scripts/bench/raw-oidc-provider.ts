/**
 * Plain oidc-provider with its own development login and consent prompts: the yardstick
 * the harness's OIDC provider is compared with in `npm run bench`.
 *   node scripts/bench/raw-oidc-provider.ts <port> <redirect_uri>
 */
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const redirectUri = process.argv[3]!;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: 'rp', client_secret: 'rp-secret', redirect_uris: [redirectUri] }],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] },
  cookies: { keys: ['bench-cookie-key'] },
  claims: { email: ['email'], profile: ['name'] },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: `${id}@example.com`, name: id }),
  }),
  features: { devInteractions: { enabled: true } },
});
provider.listen(port, '127.0.0.1', () => process.send?.('ready'));
