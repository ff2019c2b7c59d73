import { css } from 'lit';

export const styles = css`
  .filters {
    display: grid;
    grid-template-columns: minmax(12rem, 2fr) repeat(3, minmax(8rem, 1fr));
    gap: var(--s2);
    align-items: end;
    margin-bottom: var(--s3);
  }
  .filters .field {
    margin: 0;
  }
  .count {
    font-size: var(--t-small);
    color: var(--muted);
    margin-bottom: var(--s2);
  }
  .list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--s2);
  }
  details.card {
    padding: 0;
  }
  summary {
    list-style: none;
    cursor: pointer;
    padding: var(--s3) var(--s4);
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--s2);
  }
  summary::-webkit-details-marker {
    display: none;
  }
  summary:focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: -2px;
  }
  .t {
    font-weight: 600;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    justify-content: end;
    align-content: start;
  }
  .body {
    padding: 0 var(--s4) var(--s4);
    border-top: 1px solid var(--border);
    padding-top: var(--s3);
  }
  .why {
    max-width: 60rem;
  }
  ul {
    margin: 0;
    padding-left: 1.2rem;
  }
  @media (max-width: 760px) {
    .filters {
      grid-template-columns: 1fr 1fr;
    }
    .filters .grow {
      grid-column: 1 / -1;
    }
    summary {
      grid-template-columns: minmax(0, 1fr);
    }
    .badges {
      justify-content: start;
    }
  }
`;
