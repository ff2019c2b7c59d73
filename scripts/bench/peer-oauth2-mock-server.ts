/**
 * oauth2-mock-server as an OIDC OP: its own server with one RS256 key read from disk. Its
 * `/authorize` logs in at once (no login page), as the harness's scripted logins do.
 *   node scripts/bench/peer-oauth2-mock-server.ts <port> <jwk.json>
 */
import { readFileSync } from 'node:fs';
import { OAuth2Server } from 'oauth2-mock-server';

const [port, jwkFile] = process.argv.slice(2) as [string, string];
const server = new OAuth2Server();
await server.issuer.keys.add(JSON.parse(readFileSync(jwkFile, 'utf8')));
server.issuer.url = `http://127.0.0.1:${port}`;
await server.start(Number(port), '127.0.0.1');
