import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: var(--t-small, 0.8125rem);
    font-weight: 560;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid;
    white-space: nowrap;
  }
  .valid {
    color: var(--pass, #1b6e2d);
    background: var(--pass-soft, #e6f4e9);
    border-color: #b9dcc1;
  }
  .expiring {
    color: var(--error, #8a4b00);
    background: var(--error-soft, #fdf0dc);
    border-color: #f0d3a8;
  }
  .expired,
  .not-yet-valid {
    color: var(--fail, #b3261e);
    background: var(--fail-soft, #fbe9e7);
    border-color: #efc2bd;
  }
`;
