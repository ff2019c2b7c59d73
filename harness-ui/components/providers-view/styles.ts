import { css } from 'lit';

export const styles = css`
  .providers {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--s4);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    align-items: center;
    margin-bottom: var(--s3);
  }
  .head h2 {
    margin: 0;
  }
  .urls {
    display: grid;
    gap: var(--s2);
    margin-bottom: var(--s3);
  }
  .url {
    display: grid;
    grid-template-columns: 8.5rem minmax(0, 1fr) auto;
    gap: var(--s2);
    align-items: center;
    font-size: var(--t-small);
  }
  .url .k {
    color: var(--muted);
    font-weight: 600;
  }
  .url code {
    background: #f3f4f7;
    border: 1px solid var(--border);
    border-radius: 4px;
    padding: 2px 6px;
    overflow-wrap: anywhere;
  }
  /* Contains the absolutely placed screen-reader labels, which otherwise widen the page. */
  .table-wrap {
    position: relative;
  }
  .endpoints td {
    vertical-align: middle;
  }
  .endpoints td.name {
    white-space: nowrap;
    font-weight: 600;
  }
  .endpoints code {
    overflow-wrap: anywhere;
    font-size: var(--t-small);
  }
  .users {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--s1);
    font-size: var(--t-small);
  }
  .users .user {
    font-weight: 600;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .certs td:first-child {
    white-space: nowrap;
  }
  .disabled {
    opacity: 0.8;
    background: repeating-linear-gradient(-45deg, #fff, #fff 12px, #f7f7f9 12px, #f7f7f9 24px);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
  }
  @media (max-width: 600px) {
    .url {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .url .k {
      grid-column: 1 / -1;
    }
  }
`;
