import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 var(--s2);
    font-size: 1.05rem;
    overflow-wrap: anywhere;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s1);
  }
  .result {
    border-top: 1px solid var(--border);
    padding: var(--s2) 0;
  }
  .result header {
    overflow-wrap: anywhere;
  }
  .sides {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--s2);
    margin-top: var(--s1);
  }
  .side {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .which {
    font-weight: 600;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 var(--s2);
    margin: var(--s1) 0 0;
  }
  dt {
    color: var(--muted);
  }
  dd {
    margin: 0;
  }
  details.unchanged > summary {
    cursor: pointer;
    padding: var(--s2) 0;
  }
`;
