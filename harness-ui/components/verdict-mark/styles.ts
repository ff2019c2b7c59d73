import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
  }
  .v {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-weight: 650;
    font-size: var(--t-small, 0.8125rem);
    padding: 1px 8px;
    border-radius: 4px;
    white-space: nowrap;
    border: 1px solid transparent;
  }
  .mark {
    font-family: system-ui, sans-serif;
    width: 1em;
    text-align: center;
  }
  .pass {
    color: var(--pass, #1b6e2d);
    background: var(--pass-soft, #e6f4e9);
    border-color: #b9dcc1;
  }
  .fail {
    color: var(--fail, #b3261e);
    background: var(--fail-soft, #fbe9e7);
    border-color: #efc2bd;
  }
  .error {
    color: var(--error, #8a4b00);
    background: var(--error-soft, #fdf0dc);
    border-color: #f0d3a8;
    border-style: dashed;
  }
  .skipped {
    color: var(--skip, #5a6270);
    background: var(--skip-soft, #eef0f3);
    border-color: #d9dde3;
  }
  .running {
    color: var(--accent, #2456c8);
    background: var(--accent-soft, #e8eefb);
  }
`;
