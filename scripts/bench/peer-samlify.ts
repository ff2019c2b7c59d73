/**
 * samlify as a SAML IdP, the way a user would wire it: a plain node:http server with
 * `/metadata` and a Redirect-binding `/sso` that logs one user in at once (no login page)
 * and answers with an auto-post form carrying a Response signed on the Response and the
 * Assertion. Schema validation is a no-op (samlify's cheapest setting).
 *   node scripts/bench/peer-samlify.ts <port> <key.pem> <cert.pem> <SP entityID> <ACS URL>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import * as samlify from 'samlify';

const [port, keyFile, certFile, spEntityId, acsUrl] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const base = `http://127.0.0.1:${port}`;
samlify.setSchemaValidator({ validate: async () => 'skipped' });
const idp = samlify.IdentityProvider({
  entityID: `${base}/metadata`,
  privateKey: readFileSync(keyFile, 'utf8'),
  signingCert: readFileSync(certFile, 'utf8'),
  singleSignOnService: [
    { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: `${base}/sso` },
  ],
  nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
});
const sp = samlify.ServiceProvider({
  entityID: spEntityId,
  wantAssertionsSigned: true,
  wantMessageSigned: true,
  assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: acsUrl }],
});
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', base);
  try {
    if (url.pathname === '/metadata') {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(idp.getMetadata());
      return;
    }
    if (url.pathname === '/sso') {
      const query = Object.fromEntries(url.searchParams);
      const request = await idp.parseLoginRequest(sp, 'redirect', { query, octetString: '' });
      const { context, entityEndpoint } = (await idp.createLoginResponse(sp, request as never, 'post', {
        email: 'alice@example.com',
      })) as { context: string; entityEndpoint: string };
      const relay = query.RelayState
        ? `<input type="hidden" name="RelayState" value="${attr(query.RelayState)}">`
        : '';
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<form method="post" action="${attr(entityEndpoint)}"><input type="hidden" name="SAMLResponse" value="${attr(context)}">${relay}</form><script>document.forms[0].submit()</script>`,
        );
      return;
    }
    res.writeHead(404).end();
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
}).listen(Number(port), '127.0.0.1');
