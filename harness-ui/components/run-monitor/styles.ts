import { css } from 'lit';

export const styles = css`
  .progress {
    height: 12px;
    background: #e6e9ee;
    border-radius: 999px;
    overflow: hidden;
    display: flex;
  }
  .progress span {
    display: block;
    height: 100%;
    transition: width 0.2s ease;
  }
  .progress .pass {
    background: var(--pass);
  }
  .progress .fail {
    background: repeating-linear-gradient(45deg, var(--fail), var(--fail) 4px, #c9473f 4px, #c9473f 8px);
  }
  .progress .error {
    background: repeating-linear-gradient(90deg, #c98a00, #c98a00 3px, #e0a92e 3px, #e0a92e 6px);
  }
  .progress .skipped {
    background: #a9b0bb;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--s2);
    margin: var(--s2) 0 var(--s3);
    font-size: var(--t-small);
  }
  .clock-skew {
    margin-top: var(--s4);
    overflow-x: auto;
  }
  .clock-skew table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--t-small);
  }
  .clock-skew th,
  .clock-skew td {
    text-align: left;
    padding: 4px var(--s2);
    border-bottom: 1px solid var(--border);
    vertical-align: top;
  }
  .clock-skew td.inconsistent {
    color: var(--fail);
    font-weight: 600;
  }
  .clock-skew code {
    white-space: nowrap;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
  }
  .total {
    font-weight: 650;
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
  }
  .results li {
    display: grid;
    grid-template-columns: 6.2rem minmax(0, 1fr) auto;
    gap: var(--s3);
    padding: 8px var(--s3);
    align-items: start;
  }
  /* "✗ not reproduced" is wider than "✗ fail". */
  .results.reproductions li {
    grid-template-columns: 9.5rem minmax(0, 1fr) auto;
  }
  .results li + li {
    border-top: 1px solid var(--border);
  }
  .results .title {
    font-weight: 600;
  }
  .results .observed {
    font-size: var(--t-small);
    color: var(--muted);
    overflow-wrap: anywhere;
  }
  .results .dur {
    font-size: var(--t-small);
    color: var(--muted);
    white-space: nowrap;
  }
  .filters {
    display: flex;
    gap: var(--s2);
    flex-wrap: wrap;
    margin-bottom: var(--s2);
  }
  .filters button[aria-pressed='true'] {
    background: var(--accent-soft);
    border-color: var(--accent);
    color: var(--accent);
  }
  .done-actions {
    display: flex;
    gap: var(--s2);
    flex-wrap: wrap;
  }
  @media (max-width: 600px) {
    .results li,
    .results.reproductions li {
      grid-template-columns: minmax(0, 1fr);
      gap: 4px;
    }
  }
`;
