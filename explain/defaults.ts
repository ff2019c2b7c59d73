/** Every default of `explain`, in one place. */
export const explainDefaults = {
  /** Seconds of clock difference between IdP and SP assumed acceptable, as most SPs allow. */
  clockSkewSeconds: 180,
  /**
   * Seconds after its IssueInstant that a SAML response is still taken fresh. SPs bound
   * the age of what they accept (Shibboleth, the demo SP: 10 minutes).
   */
  maxResponseAgeSeconds: 600,
  /** Seconds after `iat` that an id_token is still taken fresh (OIDC Core §3.1.3.7 step 10 leaves it to the RP). */
  maxTokenAgeSeconds: 24 * 3600,
  limits: {
    /** Largest input (a message, a HAR file), in bytes. */
    maxInputBytes: 32 * 1024 * 1024,
    /** Largest single SAML message once decoded, in bytes. */
    maxMessageBytes: 1024 * 1024,
    /** Largest inflated size of a deflated SAML message, in bytes (zip bombs). */
    maxInflatedBytes: 1024 * 1024,
    /** Largest JWT, in characters. */
    maxJwtChars: 256 * 1024,
    /** Largest JWT header, in characters of its base64url segment. */
    maxJwtHeaderChars: 8 * 1024,
    /** Most messages read from one HAR file. */
    maxMessages: 200,
    /** Largest context document (metadata, discovery, JWKS) fetched from a URL, in bytes. */
    maxContextBytes: 2 * 1024 * 1024,
    /** How long a context URL may take, in milliseconds. */
    fetchTimeoutMs: 5000,
  },
} as const;
