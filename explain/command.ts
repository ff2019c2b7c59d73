import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { describeError } from '../lib/errors.ts';
import { writeFileAtomic } from '../lib/fs.ts';
import type { ContextOptions, HarnessView } from './context/index.ts';
import type { Source } from './context/load.ts';
import { explainDefaults } from './defaults.ts';
import { ExplainError } from './errors.ts';
import { renderHtml } from './render/html.ts';
import { renderText } from './render/text.ts';
import type { Explanation } from './types.ts';

/** The flags of `sso-harness explain`, as commander hands them over. */
export interface ExplainCommandOptions {
  spMetadata?: string | undefined;
  idpMetadata?: string | undefined;
  discovery?: string | undefined;
  jwks?: string | undefined;
  entityId?: string | undefined;
  acs?: string[] | undefined;
  clientId?: string | undefined;
  redirectUri?: string[] | undefined;
  issuer?: string | undefined;
  requireAttribute?: string[] | undefined;
  requireClaim?: string[] | undefined;
  key?: string | undefined;
  at?: string | undefined;
  skew?: number | undefined;
  nonce?: string | undefined;
  state?: string | undefined;
  inResponseTo?: string | undefined;
  config?: string | undefined;
  target?: string | undefined;
  connection?: string | undefined;
  json?: boolean | undefined;
  html?: string | undefined;
  mask?: boolean | undefined;
  verbose?: boolean | undefined;
  reproduce?: boolean | undefined;
  driver?: 'http' | 'browser' | undefined;
  stateDir?: string | undefined;
}

/** A file path or an http(s) URL, as the flags take them. */
export function sourceOf(value: string): Source {
  return /^https?:\/\//i.test(value) ? { url: value } : { file: value };
}

/** The context flags, as ContextOptions. */
export function contextOptions(
  options: ExplainCommandOptions,
  view: HarnessView | undefined,
): ContextOptions {
  return {
    sp: {
      metadata: options.spMetadata ? sourceOf(options.spMetadata) : undefined,
      entityId: options.entityId,
      acsUrls: options.acs,
      clientId: options.clientId,
      redirectUris: options.redirectUri,
      requiredAttributes: options.requireAttribute,
      requiredClaims: options.requireClaim,
    },
    idp: {
      metadata: options.idpMetadata ? sourceOf(options.idpMetadata) : undefined,
      discovery: options.discovery,
      jwks: options.jwks ? sourceOf(options.jwks) : undefined,
      issuer: options.issuer,
    },
    target:
      view && options.target ? { view, name: options.target, connection: options.connection } : undefined,
    decryptionKey: options.key ? { file: options.key } : undefined,
    captureTime: options.at,
    clockSkewSeconds: options.skew,
    expected: { nonce: options.nonce, state: options.state, inResponseTo: options.inResponseTo },
  };
}

/**
 * The input of the command: a file, or standard input for "-". Bounded: an input over
 * the limit is not read; its size becomes the problem (returned as `tooLarge`).
 */
export async function readInputFile(
  path: string,
  stdin: Readable = process.stdin,
): Promise<{ text: string; name: string } | { tooLarge: number; name: string }> {
  const limit = explainDefaults.limits.maxInputBytes;
  if (path === '-') return readBounded(stdin, limit, 'standard input');
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new ExplainError('EXPLAIN_BAD_OPTION', `cannot read ${path}: ${describeError(error)}`, {
      hint: 'Give a file with the captured message, HAR or token, or - for standard input.',
    });
  }
  if (size > limit) return { tooLarge: size, name: path };
  return readBounded(createReadStream(path), limit, path);
}

async function readBounded(
  stream: Readable,
  limit: number,
  name: string,
): Promise<{ text: string; name: string } | { tooLarge: number; name: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      return { tooLarge: size, name };
    }
    chunks.push(chunk as Buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), name };
}

/** Writes the explanation as asked (text, --json, --html FILE) and returns the exit code. */
export async function writeExplanation(
  explanation: Explanation,
  options: ExplainCommandOptions,
  out: (text: string) => void,
): Promise<number> {
  if (options.html) {
    await writeFileAtomic(options.html, renderHtml(explanation));
  }
  if (options.json) out(`${JSON.stringify(explanation, null, 2)}\n`);
  else
    out(
      renderText(explanation, { verbose: options.verbose, reproducing: options.reproduce === true }) +
        (options.html ? `Wrote ${options.html}\n` : ''),
    );
  return exitCodeOf(explanation);
}

/** 0: no problem; 1: problems found; 2: the input could not be read. */
export function exitCodeOf(explanation: Explanation): number {
  if (explanation.outcome === 'unreadable') return 2;
  return explanation.summary.problem > 0 ? 1 : 0;
}
