import type { HttpStep } from '../types.ts';

/**
 * The probe's raw answer; `runner/outcome.ts` judges it. A probe never logs anyone in:
 * when the SP sends it to the IdP's origin, the driver stops there (`stoppedAtIdp`).
 */
export interface ProbeResponse {
  /** The probe URL asked. */
  url: string;
  /** Status of the last answer the SP gave (a redirect's status when the probe stopped at the IdP). */
  status: number;
  /** Where the probe ended: the last URL on the SP, or the IdP URL the SP sent it to. */
  finalUrl: string;
  /** The last answer's body (browser: the page's DOM after its scripts ran); empty at the IdP. */
  body: string;
  contentType?: string | undefined;
  /** The SP sent the probe to the harness's origin (a new login), which was not followed. */
  stoppedAtIdp: boolean;
}

/**
 * How the IdP's response (a form post, or a redirect carrying a query) reaches the SP:
 * - `same-browser`: as the browser sends it, with the SP's cookies its SameSite rules
 *   let through for the sites involved (all of them when the IdP and the SP share a site);
 * - `cross-site`: as from an IdP on another site, whatever the host names: a POST carries
 *   only the SP's `SameSite=None` cookies (what production sees with the IdP on its own domain);
 * - `other-browser`: not sent here; kept for `replayLastPost`, which sends it from a new,
 *   empty session (an attacker planting their login in a victim's browser: login CSRF).
 */
export type Delivery = 'same-browser' | 'cross-site' | 'other-browser';

/** One login's worth of browser state: a cookie jar, or a Playwright context. */
export interface DriverSession {
  /** Sets the flow cookie on the IdP's origin before the login starts. */
  bindFlow(idpBaseUrl: string, flowId: string): Promise<void>;
  /** Opens a URL and follows redirects and self-submitting forms until the page settles. */
  open(url: string, options?: { delivery?: Delivery }): Promise<void>;
  /**
   * Sends the last response the IdP had this session deliver to the SP (a form post, or
   * a redirect carrying a query such as an OIDC code and state) once more, from a new
   * empty session (an attacker who captured it), and returns that session so it can be probed.
   */
  replayLastPost(): Promise<DriverSession>;
  /** Whether there is a post or redirect to replay. */
  hasPostToReplay(): boolean;
  /**
   * Opens the probe URL in this session and follows the SP's redirects and scripts, but
   * never into the IdP: a request for the IdP's origin ends the probe (`stoppedAtIdp`).
   */
  probe(url: string): Promise<ProbeResponse>;
  /** Every HTTP exchange so far, in order (shared with sessions made by replayLastPost). */
  readonly steps: HttpStep[];
  /** A PNG of the current page, base64 (browser driver). */
  screenshot(): Promise<string | undefined>;
  /**
   * Saves the Playwright trace of this session as `<name>.zip` in the driver's trace
   * folder and returns its path; undefined when the driver records no trace.
   */
  keepTrace(name: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export interface Driver {
  readonly name: 'http' | 'browser';
  newSession(options: { signal: AbortSignal }): Promise<DriverSession>;
  close(): Promise<void>;
}
