import { RunnerError } from '../errors.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { listReporter } from './list.ts';
import type { Reporter } from './types.ts';

/** Reporters by name; those that write a file take its path after `=`. */
export const reporterFactories: Record<string, (path: string | undefined) => Reporter> = {
  list: () => listReporter(),
  json: (path) => jsonReporter(requirePath('json', path)),
  junit: (path) => junitReporter(requirePath('junit', path)),
  html: (path) => htmlReporter(requirePath('html', path)),
};

/** Parses `list,json=out.json,junit=out.xml,html=report.html`. */
export function parseReporters(spec: string): Reporter[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name = '', path] = part.split(/=(.*)/s);
      const factory = reporterFactories[name];
      if (!factory) {
        throw new RunnerError(
          'BAD_OPTION',
          `unknown reporter "${name}"; known reporters: ${Object.keys(reporterFactories).join(', ')}`,
        );
      }
      return factory(path || undefined);
    });
}

function requirePath(name: string, path: string | undefined): string {
  if (!path)
    throw new RunnerError('BAD_OPTION', `the ${name} reporter needs a file: --reporter ${name}=path/to/file`);
  return path;
}

export { htmlReporter, renderHtmlReport } from './html.ts';
export { jsonReporter, toJsonReport } from './json.ts';
export { junitReporter, toJunit } from './junit.ts';
export { listReporter, summaryTable, verdictMarks } from './list.ts';
export { ReporterMultiplexer } from './multiplexer.ts';
export type { Reporter, RunBeginInfo } from './types.ts';
