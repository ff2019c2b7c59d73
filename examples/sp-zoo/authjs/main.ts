/**
 * An OIDC RP on Auth.js (@auth/core through @auth/express), set up as @auth/express's docs show:
 *   node examples/sp-zoo/authjs/main.ts --port N --harness URL --client-id ID --client-secret S [--provider authjs]
 * One generic OIDC provider (`type: "oidc"`, found by discovery from its issuer) with Auth.js's
 * defaults: JWT sessions, checks ["pkce"]. Pages: /login (Auth.js's own sign-in page),
 * /auth/callback/harness (its callback), /me (sub and email as JSON; 401 when nobody is logged in).
 */
import { ExpressAuth, type ExpressAuthConfig, getSession } from '@auth/express';
import express from 'express';
import { readSpArgs, serve } from '../cli.ts';

const args = readSpArgs(
  'node examples/sp-zoo/authjs/main.ts --port N --harness URL --client-id ID --client-secret S [--provider ID]',
  { provider: 'authjs' },
);

const authConfig: ExpressAuthConfig = {
  providers: [
    {
      id: 'harness',
      name: 'sso-harness',
      type: 'oidc',
      issuer: `${args.harness}/oidc/${args.provider}`,
      clientId: args.clientId,
      clientSecret: args.clientSecret,
    },
  ],
  secret: 'sp-zoo authjs: a test secret of 32+ characters',
  trustHost: true,
  callbacks: {
    // The session exposes name, email and image by default; the docs add the subject like this.
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
};

const app = express();
// As the docs say for an app behind a proxy; here it only lets Auth.js read the request's own host.
app.set('trust proxy', true);
app.use('/auth/*', ExpressAuth(authConfig));

app.get('/login', (_req, res) => {
  res.redirect('/auth/signin?callbackUrl=%2Fme');
});
app.get('/me', async (req, res, next) => {
  try {
    const session = await getSession(req, authConfig);
    if (!session?.user) {
      res.status(401).json({ error: 'not logged in' });
      return;
    }
    res.json({ sub: session.user.id, email: session.user.email });
  } catch (error) {
    next(error);
  }
});

serve(app, args);
