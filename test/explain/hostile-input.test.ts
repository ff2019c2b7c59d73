import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainApi } from '../../explain/api.ts';
import { explain } from '../../explain/explain.ts';
import { startTestIdp, type TestIdp, tempDir } from '../support/idp.ts';

/**
 * Hostile input never throws: it is a problem line and exit code 2 from the CLI, a
 * 400-class answer listing the problem from the API, never a stack trace.
 */
const bin = new URL('../../bin/sso-harness.js', import.meta.url).pathname;
const dir = tempDir('sso-harness-explain-');

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"><x>&xxe;</x></samlp:Response>`;
const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1">&lol3;</samlp:Response>`;
const bigHeader = `${Buffer.from(JSON.stringify({ alg: 'RS256', pad: 'x'.repeat(1024 * 1024) })).toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.c2ln`;

/** Each hostile input, and the check id its problem line must name. */
const cases: Array<{ name: string; text: string; check: string }> = [
  { name: 'bad base64', text: 'SAMLResponse=PHNhbWxw!!!not*base64', check: 'input.base64' },
  {
    name: 'bad deflate',
    text: `https://idp.example/sso?SAMLRequest=${encodeURIComponent(b64('this is not deflate at all'))}`,
    check: 'input.deflate',
  },
  { name: 'XXE', text: b64(xxe), check: 'input.dtd' },
  { name: 'entity expansion', text: xxe.replace(xxe, laughs), check: 'input.dtd' },
  {
    name: 'a DEFLATE bomb',
    text: `https://idp.example/sso?SAMLRequest=${encodeURIComponent(b64(deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 32))))}`,
    check: 'input.size',
  },
  { name: 'a JWT with a 1 MB header', text: bigHeader, check: 'input.jwt' },
  { name: 'a HAR that is not one', text: '{"log":{"entries":[{"request":{"url":5}}]}}', check: 'input.har' },
];

function cli(
  args: string[],
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('explain() on hostile input', () => {
  it.each(cases)('$name: a problem, never an exception', async ({ text, check }) => {
    const explanation = await explain({
      text,
      context: { clockSkewSeconds: 180, expected: {}, knownIssuers: [] },
    });
    expect(explanation.outcome).toBe('unreadable');
    expect(explanation.checks.map((c) => `${c.status} ${c.id}`)).toContain(`problem ${check}`);
  });
});

describe('sso-harness explain on hostile input', () => {
  it.each(cases)('$name: a problem line and exit code 2', async ({ name, text, check }) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, text);
    const result = await cli(['explain', file]);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stdout).toMatch(new RegExp(`✗ ${check.replace('.', '\\.')}\\s`));
    expect(result.stdout).toContain('unreadable input');
    noStackTrace(result.stdout + result.stderr);
  });

  it('a 50 MB file: not read, a problem line and exit code 2', async () => {
    const file = join(dir, 'huge.har');
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(file);
      out.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 50; i++) out.write(chunk);
      out.end(resolve);
    });
    const result = await cli(['explain', file, '--json']);
    expect(result.code).toBe(2);
    const explanation = JSON.parse(result.stdout);
    expect(explanation.checks).toEqual([expect.objectContaining({ id: 'input.size', status: 'problem' })]);
    noStackTrace(result.stderr);
  });

  it('standard input too', async () => {
    const result = await cli(['explain', '-'], 'SAMLResponse=%%%');
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/✗ input\.base64/);
  });
});

describe('POST /api/explain on hostile input', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startTestIdp({}, { extensions: [explainApi()] });
  });
  afterAll(() => idp?.stop());

  it.each(cases)('$name: 400 with the problem listed', async ({ text, check }) => {
    const response = await fetch(`${idp.url}/api/explain`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: text }),
    });
    const body = (await response.json()) as {
      error: { code: string; message: string; detail: { explanation: { checks: Array<{ id: string }> } } };
    };
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(body.error.detail.explanation.checks.map((c) => c.id)).toContain(check);
    noStackTrace(body.error.message);
  });

  it('a 50 MB body: 413 with the problem listed, and the server keeps serving', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const size = 50 * 1024 * 1024;
      const req = request(`${idp.url}/api/explain`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(size) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', (error) =>
        (error as NodeJS.ErrnoException).code === 'EPIPE' ||
        (error as NodeJS.ErrnoException).code === 'ECONNRESET'
          ? undefined
          : reject(error),
      );
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      const write = (i: number): void => {
        if (i === 50 || req.destroyed) return void req.end();
        if (req.write(chunk)) write(i + 1);
        else req.once('drain', () => write(i + 1));
      };
      write(0);
    });
    expect(answer.status).toBe(413);
    const body = JSON.parse(answer.body);
    expect(body.error.detail.explanation.checks[0].id).toBe('input.size');
    const again = await fetch(`${idp.url}/api/explain`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: 'not a message' }),
    });
    expect(again.status).toBe(400);
  });

  it('a body that is not the explain request: 400 naming the field', async () => {
    const response = await fetch(`${idp.url}/api/explain`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: 5 }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/input/);
  });
});
