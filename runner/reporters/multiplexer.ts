import { describeError } from '../../lib/errors.ts';
import type { Reporter } from './types.ts';

/** Feeds every reporter; one that throws is noted in `errors` and does not stop the others. */
export class ReporterMultiplexer implements Required<Reporter> {
  readonly name = 'multiplexer';
  readonly errors: string[] = [];
  private readonly reporters: readonly Reporter[];

  constructor(reporters: readonly Reporter[]) {
    this.reporters = reporters;
  }

  async onBegin(...args: Parameters<Required<Reporter>['onBegin']>): Promise<void> {
    await this.each('onBegin', (r) => r.onBegin?.(...args));
  }

  async onCalibration(...args: Parameters<Required<Reporter>['onCalibration']>): Promise<void> {
    await this.each('onCalibration', (r) => r.onCalibration?.(...args));
  }

  async onResult(...args: Parameters<Required<Reporter>['onResult']>): Promise<void> {
    await this.each('onResult', (r) => r.onResult?.(...args));
  }

  async onEnd(...args: Parameters<Required<Reporter>['onEnd']>): Promise<void> {
    await this.each('onEnd', (r) => r.onEnd?.(...args));
  }

  private async each(hook: string, call: (reporter: Reporter) => unknown): Promise<void> {
    for (const reporter of this.reporters) {
      try {
        await call(reporter);
      } catch (error) {
        this.errors.push(`${reporter.name}.${hook}: ${describeError(error)}`);
      }
    }
  }
}
