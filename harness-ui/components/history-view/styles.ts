import { css } from 'lit';

export const styles = css`
  .totals {
    display: flex;
    gap: var(--s1);
    flex-wrap: wrap;
  }
  td.when {
    white-space: nowrap;
  }
  .empty {
    padding: var(--s5);
    text-align: center;
    color: var(--muted);
  }
`;
