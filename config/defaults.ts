/**
 * Every default of the configuration, in one place. The schema (`schema.ts`) reads its
 * defaults from here, and `docs/configuration.md` is generated from these comments.
 */
export const defaults = {
  server: {
    /** Interface to bind. Loopback by default: the keys are test keys. */
    host: '127.0.0.1',
    /** Port to listen on. 0 picks a free port (tests). */
    port: 7000,
  },
  /** Folder for keys, saved targets and run history, relative to the working directory. */
  stateDir: '.sso-harness',
  keys: {
    /** RSA modulus size of the normal signing keys. */
    rsaBits: 2048,
    /**
     * Start of the validity windows of seeded certificates (ISO date). With a seed, the
     * certificates must be byte-identical on every machine, so their dates cannot
     * depend on the clock.
     */
    epoch: '2025-01-01T00:00:00Z',
  },
  trace: {
    /** How many decoded messages the in-memory trace keeps before dropping the oldest. */
    limit: 2000,
    /** Bytes of decoded and raw message text the trace keeps in all, before dropping the oldest. */
    maxBytes: 64 * 1024 * 1024,
    /** Bytes of one field (decoded, raw) kept per entry; longer ones are cut with a note. */
    maxEntryBytes: 256 * 1024,
  },
  history: {
    /** Finished runs kept in the history; older ones are deleted. */
    keepRuns: 500,
    /** Megabytes of results the history keeps; the oldest runs go first. */
    keepMegabytes: 512,
  },
  limits: {
    /** Largest accepted request body or query-carried SAML message, in bytes. */
    maxMessageBytes: 256 * 1024,
    /** Largest inflated size of a deflated SAML message, in bytes (zip bombs). */
    maxInflatedBytes: 1024 * 1024,
  },
  saml: {
    /** Seconds an assertion stays valid (Conditions NotOnOrAfter - IssueInstant). */
    assertionLifetimeSeconds: 300,
    /** Seconds the IdP session lasts (SessionNotOnOrAfter). */
    sessionLifetimeSeconds: 8 * 3600,
    /** What to do with an AuthnRequest from an SP the provider does not know. */
    unknownSp: 'refuse' as 'refuse' | 'permissive',
    signatureAlgorithm: 'rsa-sha256' as 'rsa-sha256' | 'rsa-sha1' | 'rsa-sha512',
    digestAlgorithm: 'sha256' as 'sha256' | 'sha1' | 'sha512',
    /**
     * Seconds of `Cache-Control: max-age` sent with the IdP metadata. Short, so that a wait
     * step (`until: 'metadata-max-age'`) in a certificate rollover stays short.
     */
    metadataMaxAgeSeconds: 5,
  },
  oidc: {
    /** Lifetime of id_tokens and access tokens, in seconds. */
    tokenLifetimeSeconds: 3600,
    /**
     * Seconds of `Cache-Control: max-age` sent with the JWKS. Short, so that a wait step
     * (`until: 'jwks-max-age'`) after a key rotation stays short; set it to your RP
     * library's refetch cooldown (jose 30, oauth4webapi 60) to judge rotation fairly there.
     */
    jwksMaxAgeSeconds: 5,
    /** Scopes a client may ask for when its config lists none. */
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
  },
  scim: {
    /** Milliseconds one SCIM request to the SP may take. */
    timeoutMs: 10_000,
    /** Largest SCIM answer the client reads, in bytes. */
    maxResponseBytes: 1024 * 1024,
    /** Retries after a 429 or 5xx answer, with backoff (Retry-After when the SP sends one). */
    retries: 3,
  },
  target: {
    /**
     * Seconds of clock skew an SP allows on its time checks, when its target does not say
     * (`targets.<name>.clockSkewSeconds`): three minutes, the most common SP default (the
     * Shibboleth SP's `clockSkew="180"`).
     */
    clockSkewSeconds: 180,
  },
  flows: {
    /** Seconds a flow (one scenario's login) lives before it is dropped. */
    ttlSeconds: 300,
  },
} as const;
