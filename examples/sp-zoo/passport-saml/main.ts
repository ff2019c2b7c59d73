/**
 * A SAML SP on @node-saml/passport-saml with Express and express-session, set up as its README shows:
 *   node examples/sp-zoo/passport-saml/main.ts --port N --harness URL [--provider passport-saml] [--library MODULE]
 * `--library` loads passport-saml from another module (an npm alias of an older version).
 * `entryPoint` and `idpCert` come from the harness provider's metadata; every other option is the
 * library's default. Pages: /login, /login/callback (the README's ACS path), /metadata, /me (the
 * logged-in identity as JSON; 401 when nobody is logged in).
 */
import type { Profile, VerifiedCallback } from '@node-saml/passport-saml';
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { readSpArgs, serve } from '../cli.ts';
import { readIdpMetadata } from './idp-metadata.ts';

const args = readSpArgs(
  'node examples/sp-zoo/passport-saml/main.ts --port N --harness URL [--provider ID] [--library MODULE]',
  { provider: 'passport-saml' },
);
const { Strategy: SamlStrategy, ValidateInResponseTo } = (await import(
  args.library || '@node-saml/passport-saml'
)) as typeof import('@node-saml/passport-saml');

type User = { nameId: string; email: string | undefined };

const idp = await readIdpMetadata(`${args.harness}/saml/${args.provider}/metadata`);
const toUser = (profile: Profile | null): User | undefined =>
  profile
    ? { nameId: profile.nameID, email: typeof profile.email === 'string' ? profile.email : undefined }
    : undefined;
// The zoo's hardened runs (examples/sp-zoo/hardening.ts) turn on node-saml's own settings.
const hardened = new Set(process.env.ZOO_HARDENED?.split(',') ?? []);
const samlStrategy = new SamlStrategy(
  {
    ...(['in-response-to', 'replay', 'idp-initiated'].some((check) => hardened.has(check))
      ? { validateInResponseTo: ValidateInResponseTo.always }
      : {}),
    ...(hardened.has('time') ? { acceptedClockSkewMs: 60_000 } : {}),
    ...(hardened.has('saml.signature.assertion-only') ? { wantAuthnResponseSigned: false } : {}),
    ...(hardened.has('saml.signature.response-only') ? { wantAssertionsSigned: false } : {}),
    callbackUrl: `${args.url}/login/callback`,
    entryPoint: idp.entryPoint,
    issuer: `${args.url}/metadata`,
    idpCert: idp.idpCert,
  },
  (profile: Profile | null, done: VerifiedCallback) => done(null, toUser(profile)),
  (profile: Profile | null, done: VerifiedCallback) => done(null, toUser(profile)),
);
passport.use(samlStrategy);
passport.serializeUser((user, done) => done(null, user));
passport.deserializeUser((user: User, done) => done(null, user));

const app = express();
app.use(session({ secret: 'sp-zoo passport-saml', resave: false, saveUninitialized: false }));
app.use(passport.session());

app.get('/metadata', (_req, res) => {
  res.type('application/xml').send(samlStrategy.generateServiceProviderMetadata(null));
});
app.get('/login', passport.authenticate('saml'));
app.post(
  '/login/callback',
  express.urlencoded({ extended: false }),
  passport.authenticate('saml', { failureRedirect: '/' }),
  (_req, res) => res.redirect('/me'),
);
app.get('/me', (req, res) => {
  if (!req.user) {
    res.status(401).json({ error: 'not logged in' });
    return;
  }
  res.json(req.user);
});

serve(app, args);
