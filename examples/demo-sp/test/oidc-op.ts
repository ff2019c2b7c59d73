import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { KeyMaterial } from '../../../idp/keys/index.ts';

/** How the next login goes wrong (or not). */
export interface OpBehaviour {
  claims?: (claims: Record<string, unknown>) => void;
  /** Signs with this key (its kid as given); default the current key. */
  key?: KeyMaterial;
  kid?: string;
  alg?: 'RS256' | 'none' | 'HS256';
  authResponse?: (params: URLSearchParams) => void;
  userinfo?: (body: Record<string, unknown>) => void;
}

interface User {
  sub: string;
  email: string;
  emailVerified?: boolean;
  extra?: Record<string, unknown>;
}

/**
 * A stand-in OpenID provider for the demo SP's own tests: discovery, JWKS, an authorize
 * endpoint that logs `user` in at once, a token endpoint that checks the client secret
 * and PKCE, and userinfo. `next` bends the next login.
 */
export class StandInOp {
  url = '';
  user: User;
  next: OpBehaviour = {};
  /** Keys published in the JWKS. */
  published: KeyMaterial[];
  advertiseIss = true;
  private readonly server: Server;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly codes = new Map<string, { nonce: string; challenge: string; behaviour: OpBehaviour }>();

  constructor(options: { clientId: string; clientSecret: string; keys: KeyMaterial[]; user: User }) {
    this.clientId = options.clientId;
    this.clientSecret = options.clientSecret;
    this.published = options.keys;
    this.user = options.user;
    this.server = createServer((req, res) => {
      this.handle(req)
        .then(({ status, body, location }) => {
          if (location) res.setHeader('location', location);
          if (body !== undefined) res.setHeader('content-type', 'application/json');
          res.statusCode = status;
          res.end(body === undefined ? undefined : JSON.stringify(body));
        })
        .catch((error) => {
          res.statusCode = 500;
          res.end(String(error));
        });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body?: unknown; location?: string }> {
    const url = new URL(req.url ?? '/', this.url);
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return {
          status: 200,
          body: {
            issuer: this.url,
            authorization_endpoint: `${this.url}/authorize`,
            token_endpoint: `${this.url}/token`,
            jwks_uri: `${this.url}/jwks`,
            userinfo_endpoint: `${this.url}/userinfo`,
            end_session_endpoint: `${this.url}/logout`,
            id_token_signing_alg_values_supported: ['RS256', 'none', 'HS256'],
            authorization_response_iss_parameter_supported: this.advertiseIss,
            code_challenge_methods_supported: ['S256'],
          },
        };
      case '/jwks':
        return { status: 200, body: { keys: this.published.map((k) => k.jwk) } };
      case '/authorize': {
        const q = url.searchParams;
        const code = randomBytes(16).toString('hex');
        this.codes.set(code, {
          nonce: q.get('nonce') ?? '',
          challenge: q.get('code_challenge') ?? '',
          behaviour: this.next,
        });
        const params = new URLSearchParams({ code, state: q.get('state') ?? '', iss: this.url });
        this.next.authResponse?.(params);
        this.next = {};
        return { status: 302, location: `${q.get('redirect_uri')}?${params}` };
      }
      case '/token': {
        const form = new URLSearchParams(await read(req));
        const basic = Buffer.from(
          (req.headers.authorization ?? '').replace(/^Basic /, ''),
          'base64',
        ).toString();
        const [id, secret] = basic.split(':').map(decodeURIComponent);
        if (id !== this.clientId || secret !== this.clientSecret) {
          return {
            status: 401,
            body: {
              error: 'invalid_client',
              error_description: 'AADSTS7000222: The provided client secret keys are expired.',
            },
          };
        }
        const grant = this.codes.get(form.get('code') ?? '');
        this.codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          return { status: 400, body: { error: 'invalid_grant' } };
        }
        return {
          status: 200,
          body: {
            access_token: `at-${this.user.sub}`,
            token_type: 'Bearer',
            expires_in: 300,
            id_token: await this.idToken(grant.nonce, grant.behaviour),
          },
        };
      }
      case '/userinfo': {
        const body: Record<string, unknown> = {
          sub: this.user.sub,
          email: this.user.email,
          email_verified: this.user.emailVerified ?? true,
          ...this.user.extra,
        };
        this.userinfoTweak?.(body);
        return { status: 200, body };
      }
      default:
        return { status: 404, body: { error: 'not_found' } };
    }
  }

  /** Applied to the next userinfo answer (set by `next.userinfo` at authorize time). */
  private userinfoTweak: ((body: Record<string, unknown>) => void) | undefined;

  private async idToken(nonce: string, behaviour: OpBehaviour): Promise<string> {
    this.userinfoTweak = behaviour.userinfo;
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: this.url,
      aud: this.clientId,
      sub: this.user.sub,
      iat: now,
      exp: now + 300,
      nonce,
      email: this.user.email,
      email_verified: this.user.emailVerified ?? true,
      ...this.user.extra,
    };
    behaviour.claims?.(claims);
    const alg = behaviour.alg ?? 'RS256';
    if (alg === 'none') return new UnsecuredJWT(claims).encode();
    if (alg === 'HS256') {
      return new SignJWT(claims)
        .setProtectedHeader({ alg })
        .sign(new TextEncoder().encode(this.clientSecret));
    }
    const key = behaviour.key ?? this.published[0]!;
    return new SignJWT(claims)
      .setProtectedHeader({ alg, kid: behaviour.kid ?? key.kid })
      .sign(key.privateKey);
  }
}

async function read(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
