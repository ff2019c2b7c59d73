/**
 * The child-process side every zoo SP shares: its command-line arguments, and a server
 * that prints the ready line and stops on SIGTERM. The SP's own code (the part its
 * library's documentation shows) stays in its folder.
 */
import { createServer, type RequestListener } from 'node:http';
import { parseArgs } from 'node:util';
import { READY_PREFIX } from './process.ts';

export interface SpArgs {
  port: number;
  /** Base URL of the harness, e.g. http://127.0.0.1:7000 */
  harness: string;
  /** The harness provider this SP trusts. */
  provider: string;
  /**
   * The npm module the SP loads its library from (`--library`), e.g. an alias of an older
   * version; empty: the library's own package name.
   */
  library: string;
  /** OIDC only. */
  clientId: string;
  clientSecret: string;
  /** This SP's own base URL, http://127.0.0.1:<port> */
  url: string;
}

/** Reads `--port N --harness URL [--provider ID] [--library MODULE] [--client-id ID --client-secret S]`; exits 2 on bad input. */
export function readSpArgs(usage: string, defaults: { provider: string }): SpArgs {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        harness: { type: 'string' },
        provider: { type: 'string', default: defaults.provider },
        library: { type: 'string', default: '' },
        'client-id': { type: 'string', default: '' },
        'client-secret': { type: 'string', default: '' },
      },
    });
    const port = Number(values.port);
    if (!values.port || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`--port expects a port number, got "${values.port ?? ''}"`);
    if (!values.harness || !/^https?:\/\//.test(values.harness))
      throw new Error(`--harness expects the harness base URL, got "${values.harness ?? ''}"`);
    return {
      port,
      harness: values.harness.replace(/\/$/, ''),
      provider: values.provider,
      library: values.library,
      clientId: values['client-id'],
      clientSecret: values['client-secret'],
      url: `http://127.0.0.1:${port}`,
    };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nusage: ${usage}`);
    process.exit(2);
  }
}

/** Listens on 127.0.0.1:`port`, prints `ready <url>` on stdout, and exits 0 on SIGTERM or SIGINT. */
export function serve(app: RequestListener, args: SpArgs): void {
  // Node closes idle keep-alive connections after 5 s; a client that reuses one just then gets
  // ECONNRESET. The harness's HTTP driver keeps connections alive across a run on a busy
  // machine, so idle ones are kept for as long as a run lasts.
  const server = createServer({ keepAliveTimeout: 120_000 }, app);
  server.listen(args.port, '127.0.0.1', () => console.log(`${READY_PREFIX}${args.url}`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
