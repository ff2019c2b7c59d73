import type { HttpStep } from '../types.ts';

/** The probe's raw answer; `runner/probe.ts` judges it. */
export interface ProbeResponse {
  url: string;
  status: number;
  finalUrl: string;
  body: string;
  /** Whether the probe's CSS selector matched (browser driver only; undefined elsewhere). */
  selectorFound?: boolean | undefined;
}

/** One login's worth of browser state: a cookie jar, or a Playwright context. */
export interface DriverSession {
  /** Sets the flow cookie on the IdP's origin before the login starts. */
  bindFlow(idpBaseUrl: string, flowId: string): Promise<void>;
  /** Opens a URL and follows redirects and self-submitting forms until the page settles. */
  open(url: string): Promise<void>;
  /**
   * Sends the last response the IdP had this session deliver to the SP (a form post, or
   * a redirect carrying a query such as an OIDC code and state) once more, from a new
   * empty session (an attacker who captured it), and returns that session so it can be probed.
   */
  replayLastPost(): Promise<DriverSession>;
  /** Whether there is a post or redirect to replay. */
  hasPostToReplay(): boolean;
  probe(url: string, selector?: string): Promise<ProbeResponse>;
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
