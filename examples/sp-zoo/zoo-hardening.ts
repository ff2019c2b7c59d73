/**
 * A specimen's record of its library's own options that turn on checks the library's
 * defaults leave off, keyed by a short check name (signature, in-response-to, replay,
 * audience, destination, clock-skew, ...). `option` is the setting as the docs spell it
 * (or says that there is none and what the app must do instead).
 */
export type ZooHardening = Record<string, { option: string; docsUrl: string; note: string }>;
