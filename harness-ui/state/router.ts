/** The UI's pages, from the URL path. */
export type Route =
  | { page: 'providers' }
  | { page: 'provisioning' }
  | { page: 'targets' }
  | { page: 'explain' }
  | { page: 'scenarios' }
  | { page: 'compose' }
  | { page: 'run' }
  | { page: 'run-detail'; runId: string }
  | { page: 'result'; runId: string; key: string }
  | { page: 'trace' }
  | { page: 'history' }
  | { page: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = parts;
  if (!first) return { page: 'providers' };
  if (parts.length === 1) {
    const simple = [
      'providers',
      'provisioning',
      'targets',
      'explain',
      'scenarios',
      'compose',
      'run',
      'trace',
      'history',
    ] as const;
    const found = simple.find((p) => p === first);
    if (found) return { page: found } as Route;
  }
  if (first === 'runs' && second && parts.length === 2) return { page: 'run-detail', runId: second };
  if (first === 'runs' && second && third === 'results' && fourth && parts.length === 4) {
    return { page: 'result', runId: second, key: fourth };
  }
  return { page: 'not-found', path: pathname };
}

export const paths = {
  run: (runId: string) => `/runs/${encodeURIComponent(runId)}`,
  result: (runId: string, key: string) =>
    `/runs/${encodeURIComponent(runId)}/results/${encodeURIComponent(key)}`,
};

/** Goes to a path of the UI without a reload; <sso-app> listens for the event. */
export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
