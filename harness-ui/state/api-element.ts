import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from './contexts.ts';

/** A view that talks to the API: the client comes from <sso-app> through context. */
export class ApiElement extends LitElement {
  private readonly apiConsumer = new ContextConsumer(this, { context: apiContext });

  protected get api(): ApiClient {
    const api = this.apiConsumer.value;
    if (!api) throw new Error(`<${this.localName}> needs to sit inside <sso-app> (no API client in context)`);
    return api;
  }
}
