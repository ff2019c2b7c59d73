import { createContext } from '@lit/context';
import type { ApiClient } from '../api/client.ts';

/** The API client every view uses, provided once by <sso-app>. */
export const apiContext = createContext<ApiClient>(Symbol('sso-harness-api'));
