import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen } from '../lib/http-server.ts';
import { RunnerError } from './errors.ts';

// The CommonJS module, not `import ... from 'node:http'`: an ES module import of node:http
// builds a facade of every export, which loads fetch's undici for http.WebSocket (some
// 50 ms of start-up).
const { createServer } = process.getBuiltinModule('node:http');

/** How many ports above a busy default port are tried before giving up. */
const defaultPortTries = 20;

export interface PortRequest {
  /** What the port is for, in messages: "the harness", "the demo SP". */
  what: string;
  port: number;
  host: string;
  /**
   * Who chose the port, named in the error when it is busy: a flag (`--port`), a config
   * field (`server.port in sso-harness.config.ts`). Undefined means the built-in default,
   * which moves to the next free port instead (7000 is AirPlay on many Macs).
   */
  chosenBy: string | undefined;
}

export interface BoundPort {
  /** An HTTP server listening on the port, with no request handler yet. */
  server: Server;
  port: number;
  /** Set when a busy default port was left for the next free one. */
  movedFrom: number | undefined;
}

/**
 * Binds an HTTP server to the requested port before anything is built on it.
 *
 * @throws RunnerError `PORT_IN_USE` (exit code 2) when a port someone chose is busy, or
 *   when the default and the next {@link defaultPortTries} ports are all busy.
 */
export async function bindPort(request: PortRequest): Promise<BoundPort> {
  const tries = request.chosenBy === undefined && request.port !== 0 ? defaultPortTries : 1;
  for (let i = 0; i < tries; i++) {
    const port = request.port + i;
    const server = createServer();
    try {
      await listen(server, port, request.host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw bindError(request, port, error);
      if (request.chosenBy !== undefined || i === tries - 1) throw busyError(request, port, error);
      continue;
    }
    return {
      server,
      port: (server.address() as AddressInfo).port,
      movedFrom: i > 0 ? request.port : undefined,
    };
  }
  throw busyError(request, request.port, undefined);
}

function busyError(request: PortRequest, port: number, cause: unknown): RunnerError {
  const reason = (cause as NodeJS.ErrnoException | undefined)?.code === 'EACCES' ? 'not allowed' : 'in use';
  if (request.chosenBy !== undefined) {
    return new RunnerError(
      'PORT_IN_USE',
      `port ${port} for ${request.what} is ${reason} (${request.chosenBy}); choose another, or 0 for a free one`,
      cause,
    );
  }
  return new RunnerError(
    'PORT_IN_USE',
    `ports ${request.port} to ${port} for ${request.what} are all ${reason}; choose one with a flag, or 0 for a free one`,
    cause,
  );
}

function bindError(request: PortRequest, port: number, cause: unknown): RunnerError {
  return new RunnerError(
    'PORT_IN_USE',
    `cannot listen on ${request.host}:${port} for ${request.what}${request.chosenBy ? ` (${request.chosenBy})` : ''}: ${(cause as Error).message}`,
    cause,
  );
}
