import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .note {
    border: 1px solid #efc2bd;
    border-left: 4px solid var(--fail, #b3261e);
    background: var(--fail-soft, #fbe9e7);
    border-radius: var(--radius, 6px);
    padding: 8px 12px;
    font-size: var(--t-small, 0.8125rem);
    overflow-wrap: anywhere;
  }
  .title {
    font-weight: 650;
    color: var(--fail, #b3261e);
  }
  .hint {
    margin-top: 4px;
  }
  code {
    font-family: var(--mono, monospace);
    color: var(--muted, #5a6270);
  }
`;
