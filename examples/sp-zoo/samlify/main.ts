/**
 * A SAML SP on samlify, set up as samlify's README and its express example show:
 *   node examples/sp-zoo/samlify/main.ts --port N --harness URL [--provider samlify] [--library MODULE]
 * `--library` loads samlify from another module (an npm alias of an older version).
 * The IdP comes from the harness provider's metadata; the SP is built from settings with
 * samlify's defaults. Pages: /login (SP-initiated, HTTP-Redirect), /acs (HTTP-POST),
 * /metadata, /me (the logged-in identity as JSON; 401 when nobody is logged in).
 */
import validator from '@authenio/samlify-node-xmllint';
import express from 'express';
import session from 'express-session';
import { readSpArgs, serve } from '../cli.ts';

const args = readSpArgs(
  'node examples/sp-zoo/samlify/main.ts --port N --harness URL [--provider ID] [--library MODULE]',
  { provider: 'samlify' },
);
const samlify = (await import(args.library || 'samlify')) as typeof import('samlify');

// samlify refuses to parse anything until a schema validator is set (its README).
samlify.setSchemaValidator(validator);

const metadataUrl = `${args.harness}/saml/${args.provider}/metadata`;
const metadata = await fetch(metadataUrl).then((response) => {
  if (!response.ok) throw new Error(`IdP metadata at ${metadataUrl}: HTTP ${response.status}`);
  return response.text();
});
const idp = samlify.IdentityProvider({ metadata });
// The zoo's hardened runs (examples/sp-zoo/hardening.ts) turn on samlify's own settings.
const hardened = new Set(process.env.ZOO_HARDENED?.split(',') ?? []);
const sp = samlify.ServiceProvider({
  entityID: `${args.url}/metadata`,
  ...(hardened.has('signature') ? { wantAssertionsSigned: true } : {}),
  ...(hardened.has('time') ? { clockDrifts: [-60_000, 60_000] as [number, number] } : {}),
  assertionConsumerService: [
    { Binding: samlify.Constants.namespace.binding.post, Location: `${args.url}/acs` },
  ],
});

declare module 'express-session' {
  interface SessionData {
    samlIdentity: { nameId: string | undefined; email: string | undefined };
  }
}

const app = express();
app.use(session({ secret: 'sp-zoo samlify', resave: false, saveUninitialized: false }));

app.get('/metadata', (_req, res) => {
  res.type('application/samlmetadata+xml').send(sp.getMetadata());
});

app.get('/login', (_req, res) => {
  const { context } = sp.createLoginRequest(idp, 'redirect');
  res.redirect(context);
});

app.post('/acs', express.urlencoded({ extended: false }), async (req, res, next) => {
  try {
    const { extract } = await sp.parseLoginResponse(idp, 'post', req);
    const email = extract.attributes?.email;
    req.session.samlIdentity = { nameId: extract.nameID, email: Array.isArray(email) ? email[0] : email };
    res.redirect('/me');
  } catch (error) {
    next(error);
  }
});

app.get('/me', (req, res) => {
  if (!req.session.samlIdentity) {
    res.status(401).json({ error: 'not logged in' });
    return;
  }
  res.json(req.session.samlIdentity);
});

serve(app, args);
