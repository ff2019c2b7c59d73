import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
  }
  button {
    font: inherit;
    font-size: var(--t-small, 0.8125rem);
    padding: 2px 8px;
    min-height: 26px;
    border-radius: var(--radius, 6px);
    border: 1px solid var(--border-strong, #b8bec8);
    background: var(--surface, #fff);
    color: var(--text, #1c1f24);
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover {
    background: #f0f2f5;
  }
  button:focus-visible {
    outline: 2px solid var(--accent, #2456c8);
    outline-offset: 2px;
  }
  .done {
    color: var(--pass, #1b6e2d);
  }
`;
