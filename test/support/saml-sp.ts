import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type Profile, SAML, type SamlConfig, ValidateInResponseTo } from '@node-saml/node-saml';
import { certificatePem, createCertificate } from '../../idp/keys/certificate.ts';
import { attributeOf, descendants, parseXml, textOf } from '../../lib/xml.ts';

/**
 * A SAML service provider for tests, built on @node-saml/node-saml: node-saml (not our
 * code) makes the requests and validates what the IdP sends. The browser side is a
 * small cookie-jar HTTP client that follows redirects on the IdP and scrapes the
 * auto-post forms the IdP answers with; the SP's own URLs (ACS, SLO) are never served,
 * their form fields go straight to node-saml.
 */

/** An HTTP answer, with the body read. */
export interface Page {
  status: number;
  url: string;
  headers: Headers;
  body: string;
}

/** A form as the browser would submit it. */
export interface ScrapedForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

/** A browser without a browser: cookies for one origin, manual redirects. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  /** Sends one request; follows redirects while they stay on `origin` (default: the request's). */
  async open(
    url: string,
    init: {
      method?: 'GET' | 'POST';
      form?: Record<string, string>;
      body?: string;
      contentType?: string;
    } = {},
  ): Promise<Page> {
    let current = url;
    let method = init.method ?? 'GET';
    let body = init.form ? new URLSearchParams(init.form).toString() : init.body;
    const origin = new URL(url).origin;
    for (let hop = 0; hop < 10; hop++) {
      const headers: Record<string, string> = { accept: 'text/html' };
      if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (body !== undefined)
        headers['content-type'] = init.contentType ?? 'application/x-www-form-urlencoded';
      const response = await fetch(current, { method, headers, body, redirect: 'manual' });
      this.store(response.headers);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, current).href;
        await response.body?.cancel();
        // A redirect that leaves the IdP is the SP's business: hand it back.
        if (new URL(next).origin !== origin) {
          return { status: response.status, url: current, headers: response.headers, body: next };
        }
        current = next;
        method = 'GET';
        body = undefined;
        continue;
      }
      return {
        status: response.status,
        url: current,
        headers: response.headers,
        body: await response.text(),
      };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = /expires=Thu, 01 Jan 1970/i.test(line) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The forms of a page, with their hidden (and other valued) inputs. */
export function scrapeForms(html: string, pageUrl: string): ScrapedForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, attrs = '', body = '']) => {
    const fields: Record<string, string> = {};
    for (const [, input = ''] of body.matchAll(/<input\b([^>]*)>/gi)) {
      const name = attr(input, 'name');
      const type = attr(input, 'type') ?? 'text';
      if (name === undefined || type === 'radio' || type === 'checkbox') continue;
      fields[name] = attr(input, 'value') ?? '';
    }
    return {
      action: new URL(attr(attrs, 'action') ?? pageUrl, pageUrl).href,
      method: (attr(attrs, 'method') ?? 'get').toUpperCase(),
      fields,
    };
  });
}

/** The one auto-post form of a page (the HTTP-POST binding), or an error saying what the page was. */
export function autoPostForm(page: Page): ScrapedForm {
  const forms = scrapeForms(page.body, page.url);
  const form = forms.find((f) => f.fields.SAMLResponse !== undefined || f.fields.SAMLRequest !== undefined);
  if (!form) {
    throw new Error(
      `expected an auto-post form, got HTTP ${page.status}: ${page.body.replace(/\s+/g, ' ').slice(0, 600)}`,
    );
  }
  return form;
}

function attr(text: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(text);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decodeHtml(value);
}

function decodeHtml(text: string): string {
  const named: Record<string, string> = { quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return named[name.toLowerCase()] ?? whole;
  });
}

/** A key pair and self-signed certificate for an SP (request signing, decryption). */
export function makeSpKeys(commonName = 'test-sp'): { privateKey: string; certificate: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const certificate = createCertificate({
    subjectKey: privateKey,
    subject: { commonName },
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 365 * 86_400_000),
    hash: 'sha256',
    serialHex: randomBytes(8).toString('hex'),
  });
  return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certificate };
}

/** The IdP's signing certificate as its metadata publishes it. */
export async function idpCertificateFromMetadata(metadataUrl: string): Promise<string> {
  const response = await fetch(metadataUrl);
  const doc = parseXml(await response.text(), 'IdP metadata');
  const signing = descendants(doc, 'KeyDescriptor').find((k) => attributeOf(k, 'use') !== 'encryption');
  const body = signing ? textOf(descendants(signing, 'X509Certificate')[0]) : undefined;
  if (!body) throw new Error(`no signing certificate in ${metadataUrl}`);
  return certificatePem(body);
}

export interface TestSpOptions {
  /** The IdP server's base URL. */
  idpUrl: string;
  providerId: string;
  entityId?: string;
  acsUrl?: string;
  sloUrl?: string;
  /** Trusted IdP certificate(s); default: the signing certificate of the provider's metadata. */
  idpCert?: string | string[];
  /** Signs requests (and logout messages) when set. */
  privateKey?: string;
  decryptionPvk?: string;
  binding?: 'HTTP-Redirect' | 'HTTP-POST';
  /** Anything else for node-saml (wantAssertionsSigned, identifierFormat, ...). */
  saml?: Partial<SamlConfig>;
}

export interface LoginResult {
  /** node-saml's profile of the logged-in user. */
  profile: Profile;
  /** The form the IdP made the browser post to the ACS. */
  form: ScrapedForm;
  /** The decoded SAMLResponse XML. */
  xml: string;
}

/** A node-saml SP driven by a TestBrowser against the harness. */
export class SamlTestSp {
  readonly saml: SAML;
  readonly browser: TestBrowser;
  readonly options: Required<Pick<TestSpOptions, 'entityId' | 'acsUrl' | 'sloUrl'>> & TestSpOptions;

  private constructor(saml: SAML, options: SamlTestSp['options'], browser: TestBrowser) {
    this.saml = saml;
    this.options = options;
    this.browser = browser;
  }

  static async create(input: TestSpOptions, browser = new TestBrowser()): Promise<SamlTestSp> {
    const options = {
      entityId: 'https://sp.test/metadata',
      acsUrl: 'https://sp.test/acs',
      sloUrl: 'https://sp.test/slo',
      ...input,
    };
    const idpBase = `${options.idpUrl}/saml/${options.providerId}`;
    const idpCert = options.idpCert ?? (await idpCertificateFromMetadata(`${idpBase}/metadata`));
    const saml = new SAML({
      issuer: options.entityId,
      callbackUrl: options.acsUrl,
      entryPoint: `${idpBase}/sso`,
      logoutUrl: `${idpBase}/slo`,
      logoutCallbackUrl: options.sloUrl,
      idpCert,
      idpIssuer: idpBase,
      audience: options.entityId,
      privateKey: options.privateKey,
      decryptionPvk: options.decryptionPvk,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'sha256',
      authnRequestBinding: options.binding ?? 'HTTP-Redirect',
      validateInResponseTo: ValidateInResponseTo.ifPresent,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: true,
      ...options.saml,
    });
    return new SamlTestSp(saml, options, browser);
  }

  /** Starts SP-initiated login: the IdP's answer to the AuthnRequest (login page, auto-post, error). */
  async startLogin(relayState = ''): Promise<Page> {
    if ((this.options.binding ?? 'HTTP-Redirect') === 'HTTP-POST') {
      const html = await this.saml.getAuthorizeFormAsync(relayState);
      const form = scrapeForms(html, this.options.idpUrl)[0]!;
      return this.browser.open(form.action, { method: 'POST', form: form.fields });
    }
    return this.browser.open(await this.saml.getAuthorizeUrlAsync(relayState, undefined, {}));
  }

  /** Picks a user (or cancels) on the IdP's login page. */
  async submitLoginPage(
    page: Page,
    choice: { user?: string; email?: string; attributes?: string; action?: 'login' | 'cancel' } = {},
  ): Promise<Page> {
    const form = scrapeForms(page.body, page.url).find((f) => f.action.endsWith('/login'));
    if (!form)
      throw new Error(`expected the login page, got HTTP ${page.status}: ${page.body.slice(0, 500)}`);
    const fields: Record<string, string> = { ...form.fields, action: choice.action ?? 'login' };
    if (choice.user) fields.user = choice.user;
    if (choice.email) fields.email = choice.email;
    if (choice.attributes) fields.attributes = choice.attributes;
    return this.browser.open(form.action, { method: 'POST', form: fields });
  }

  /** Hands the auto-posted SAMLResponse to node-saml, as the ACS endpoint would. */
  async consume(page: Page): Promise<LoginResult> {
    const form = autoPostForm(page);
    if (form.action !== this.options.acsUrl)
      throw new Error(`the IdP posted to ${form.action}, not the ACS ${this.options.acsUrl}`);
    const { profile } = await this.saml.validatePostResponseAsync({
      SAMLResponse: form.fields.SAMLResponse!,
    });
    if (!profile) throw new Error('node-saml returned no profile');
    return { profile, form, xml: Buffer.from(form.fields.SAMLResponse!, 'base64').toString('utf8') };
  }

  /** The whole SP-initiated login: request, login page (unless a flow skips it), response validated by node-saml. */
  async login(options: { user?: string; relayState?: string } = {}): Promise<LoginResult> {
    let page = await this.startLogin(options.relayState ?? '');
    if (page.body.includes('/login"')) page = await this.submitLoginPage(page, { user: options.user });
    return this.consume(page);
  }

  /** IdP-initiated login through `<provider>/idp-init?sp=<name>`. */
  async loginIdpInitiated(
    spName: string,
    options: { user?: string; relayState?: string } = {},
  ): Promise<LoginResult> {
    const url = new URL(`${this.options.idpUrl}/saml/${this.options.providerId}/idp-init`);
    url.searchParams.set('sp', spName);
    if (options.relayState !== undefined) url.searchParams.set('RelayState', options.relayState);
    let page = await this.browser.open(url.href);
    if (page.body.includes('/login"')) page = await this.submitLoginPage(page, { user: options.user });
    return this.consume(page);
  }

  /** SP-initiated logout: node-saml's LogoutRequest to the IdP, the IdP's LogoutResponse validated by node-saml. */
  async logout(
    profile: Profile,
    relayState = '',
  ): Promise<{ loggedOut: boolean; form: ScrapedForm; page: Page }> {
    const url = await this.saml.getLogoutUrlAsync(profile, relayState, {});
    const page = await this.browser.open(url);
    const form = autoPostForm(page);
    if (form.action !== this.options.sloUrl)
      throw new Error(`the IdP posted to ${form.action}, not the SLO URL`);
    const result = await this.saml.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse! });
    return { loggedOut: result.loggedOut, form, page };
  }

  /**
   * IdP-initiated logout: the IdP's LogoutRequest (validated by node-saml), then node-saml's
   * LogoutResponse back to the IdP. Returns the profile node-saml read and the IdP's last page.
   */
  async acceptIdpLogout(spName: string): Promise<{ profile: Profile; loggedOut: boolean; idpPage: Page }> {
    const page = await this.browser.open(
      `${this.options.idpUrl}/saml/${this.options.providerId}/logout?sp=${spName}`,
    );
    const form = autoPostForm(page);
    if (form.action !== this.options.sloUrl)
      throw new Error(`the IdP posted to ${form.action}, not the SLO URL`);
    const { profile, loggedOut } = await this.saml.validatePostRequestAsync({
      SAMLRequest: form.fields.SAMLRequest!,
    });
    const back = await this.saml.getLogoutResponseUrlAsync(profile, form.fields.RelayState ?? '', {}, true);
    const idpPage = await this.browser.open(back);
    return { profile, loggedOut, idpPage };
  }
}
