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
  .compare-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--s2);
    margin-bottom: var(--s3);
  }
  run-compare {
    display: block;
    margin-bottom: var(--s3);
  }
  .empty {
    padding: var(--s5);
    text-align: center;
    color: var(--muted);
  }
`;
