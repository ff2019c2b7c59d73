import type {
  AboutAnswer,
  ApiErrorBody,
  ExplainRequest,
  Explanation,
  FaultListing,
  ImportMetadataAnswer,
  ProviderListing,
  ProvisioningAnswer,
  ProvisioningProvidersAnswer,
  Reproduction,
  RunComparison,
  RunEvent,
  RunListing,
  RunOptionsAnswer,
  RunRecord,
  RunRequest,
  RunStarted,
  ScenarioResult,
  ScenariosAnswer,
  TargetConfig,
  TargetListing,
  TraceEntry,
  UserSummary,
  ValidationAnswer,
} from './types.ts';

/** An answer of the API that was not a success: its code, message and what to do next. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;
  /** Structured detail of a 4xx answer (the explain API puts the explanation of unreadable input here). */
  readonly detail: unknown;

  constructor(status: number, code: string, message: string, hint?: string, detail?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.hint = hint;
    this.detail = detail;
  }
}

const enc = encodeURIComponent;

/** The harness's JSON API, typed. One instance is shared through context. */
export class ApiClient {
  readonly base: string;

  constructor(base = '') {
    this.base = base;
  }

  url(path: string): string {
    return `${this.base}/api${path}`;
  }

  about = () => this.get<AboutAnswer>('/about');
  providers = () => this.get<ProviderListing[]>('/providers');
  users = () => this.get<UserSummary[]>('/users');
  scenarios = () => this.get<ScenariosAnswer>('/scenarios');
  faults = () => this.get<FaultListing[]>('/faults');
  runOptions = () => this.get<RunOptionsAnswer>('/run-options');

  provisioning = () => this.get<ProvisioningProvidersAnswer>('/scim/providers');
  provisionUser = (provider: string, user: string, action: 'push' | 'deactivate' | 'reactivate' | 'delete') =>
    this.send<ProvisioningAnswer>('POST', `/scim/${enc(provider)}/users/${enc(user)}/${action}`);
  provisionGroup = (provider: string, group: string) =>
    this.send<ProvisioningAnswer>('POST', `/scim/${enc(provider)}/groups/${enc(group)}/push`);

  trace = (since?: number) => this.get<TraceEntry[]>(since ? `/trace?since=${since}` : '/trace');
  clearTrace = () => this.send<void>('DELETE', '/trace');

  targets = () => this.get<TargetListing[]>('/targets');
  putTarget = (id: string, target: Partial<TargetConfig>) =>
    this.send<TargetListing>('PUT', `/targets/${enc(id)}`, target);
  deleteTarget = (id: string) => this.send<void>('DELETE', `/targets/${enc(id)}`);
  importMetadata = (body: Record<string, unknown>) =>
    this.send<ImportMetadataAnswer>('POST', '/targets/import-metadata', body);
  validateTarget = (id: string, connection?: string) =>
    this.send<ValidationAnswer>('POST', `/targets/${enc(id)}/validate`, connection ? { connection } : {});

  startRun = (request: RunRequest) => this.send<RunStarted>('POST', '/runs', request);
  runs = () => this.get<RunListing[]>('/runs');
  run = (id: string) => this.get<RunRecord>(`/runs/${enc(id)}`);
  compareRuns = (a: string, b: string) => this.get<RunComparison>(`/runs/compare?a=${enc(a)}&b=${enc(b)}`);
  result = (runId: string, key: string) =>
    this.get<ScenarioResult>(`/runs/${enc(runId)}/results/${enc(key)}`);
  baseline = (runId: string, key: string) =>
    this.send<ScenarioResult>('POST', `/runs/${enc(runId)}/results/${enc(key)}/baseline`);
  reportUrl = (runId: string) => this.url(`/runs/${enc(runId)}/report.html`);
  jsonReportUrl = (runId: string) => this.url(`/runs/${enc(runId)}/report.json`);

  explain = (request: ExplainRequest) => this.send<Explanation>('POST', '/explain', request);
  /** The same explanation as a self-contained HTML page, for a ticket. */
  explainHtml = async (request: ExplainRequest): Promise<Blob> => {
    const response = await fetch(this.url('/explain?format=html'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      body: JSON.stringify(request),
    });
    if (!response.ok)
      throw new ApiError(response.status, 'HTTP_ERROR', `the HTML report failed (HTTP ${response.status})`);
    return response.blob();
  };

  reproductions = () => this.get<Reproduction[]>('/reproductions');
  putReproduction = (id: string, body: Omit<Reproduction, 'id' | 'savedAt'>) =>
    this.send<Reproduction>('PUT', `/reproductions/${enc(id)}`, body);
  deleteReproduction = (id: string) => this.send<void>('DELETE', `/reproductions/${enc(id)}`);

  /** Follows a run's live events; returns a function that stops listening. */
  runEvents(
    runId: string,
    onEvent: (event: RunEvent) => void,
    onFailure: (message: string) => void,
  ): () => void {
    const source = new EventSource(this.url(`/runs/${enc(runId)}/events`));
    let ended = false;
    for (const type of ['begin', 'result', 'end'] as const) {
      source.addEventListener(type, (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as RunEvent;
        if (event.type === 'end') {
          ended = true;
          source.close();
        }
        onEvent(event);
      });
    }
    source.addEventListener('failure', (message) => {
      ended = true;
      source.close();
      onFailure((JSON.parse((message as MessageEvent<string>).data) as { message: string }).message);
    });
    source.onerror = () => {
      if (!ended && source.readyState === EventSource.CLOSED)
        onFailure('the live connection to the harness was lost');
    };
    return () => source.close();
  }

  /** Follows new trace entries; returns a function that stops listening. */
  traceEvents(
    since: number,
    handlers: { entry(entry: TraceEntry): void; clear(): void; connection(open: boolean): void },
  ): () => void {
    const source = new EventSource(this.url(`/trace/stream?since=${since}`));
    source.addEventListener('entry', (m) => handlers.entry(JSON.parse((m as MessageEvent<string>).data)));
    source.addEventListener('clear', () => handlers.clear());
    source.onopen = () => handlers.connection(true);
    source.onerror = () => handlers.connection(false);
    return () => source.close();
  }

  private get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        method,
        // Every state-changing request says it is JSON: the harness refuses others (CSRF guard).
        headers:
          method === 'GET'
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(
        0,
        'UNREACHABLE',
        'the harness did not answer',
        'Is `sso-harness serve` still running?',
      );
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ApiError(
        response.status,
        'NOT_JSON',
        `the harness answered ${method} ${path} with something that is not JSON`,
      );
    }
    if (!response.ok) {
      const error = (parsed as ApiErrorBody | undefined)?.error;
      throw new ApiError(
        response.status,
        error?.code ?? 'HTTP_ERROR',
        error?.message ?? `HTTP ${response.status}`,
        error?.hint,
        error?.detail,
      );
    }
    return parsed as T;
  }
}
