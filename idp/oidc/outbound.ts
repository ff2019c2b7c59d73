/**
 * The library's `fetch` (client `jwks_uri`, back-channel logout). oidc-provider hands it
 * a `dispatcher` that refuses loopback and private addresses (SSRF protection); the SPs a
 * test harness talks to live exactly there, and every URL it fetches comes from the
 * configuration (there is no dynamic client registration), so the plain dispatcher is
 * used instead. The library's timeout (`signal`) and headers are kept.
 */
export function outboundFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const { dispatcher: _ssrfGuard, ...options } = (init ?? {}) as RequestInit & { dispatcher?: unknown };
  return fetch(input, options);
}
