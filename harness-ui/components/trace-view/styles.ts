import { css } from 'lit';

export const styles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    align-items: end;
    margin-bottom: var(--s3);
  }
  .toolbar .field {
    margin: 0;
    flex: 0 1 11rem;
    min-width: 8rem;
  }
  .toolbar .grow {
    flex: 1 1 10rem;
  }
  .status {
    font-size: var(--t-small);
    color: var(--muted);
    margin-bottom: var(--s2);
    display: flex;
    gap: var(--s3);
    flex-wrap: wrap;
    align-items: center;
  }
  .dot {
    display: inline-block;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: #9aa1ac;
    margin-right: 4px;
  }
  .dot.live {
    background: var(--pass);
  }
  .list {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    overflow: hidden;
  }
  .entry + .entry {
    border-top: 1px solid var(--border);
  }
  .entry > button {
    all: unset;
    box-sizing: border-box;
    display: grid;
    grid-template-columns: 5.6rem 3.2rem 3.4rem minmax(7rem, 11rem) minmax(0, 1fr) auto;
    gap: var(--s2);
    width: 100%;
    padding: 6px var(--s3);
    cursor: pointer;
    font-size: var(--t-small);
    align-items: baseline;
  }
  .entry > button:hover {
    background: #f3f5f9;
  }
  .entry > button:focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: -2px;
  }
  .entry.open > button {
    background: var(--accent-soft);
  }
  .time {
    font-family: var(--mono);
    color: var(--muted);
  }
  .dir {
    font-weight: 700;
    white-space: nowrap;
  }
  .dir.in {
    color: #2456c8;
  }
  .dir.out {
    color: #1b6e2d;
  }
  .dir.note {
    color: var(--muted);
  }
  .kind {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .summary {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .sig {
    white-space: nowrap;
    align-self: center;
  }
  .times dd code {
    font-family: var(--mono);
  }
  .entry.error .kind,
  .entry.error .summary {
    color: var(--fail);
  }
  .detail {
    padding: var(--s3);
    border-top: 1px dashed var(--border);
    background: #fbfbfc;
  }
  .detail > * + * {
    margin-top: var(--s3);
  }
  .empty {
    padding: var(--s5);
    text-align: center;
    color: var(--muted);
  }
  @media (max-width: 700px) {
    .entry > button {
      grid-template-columns: 4.8rem 2.6rem minmax(0, 1fr);
    }
    .proto {
      display: none;
    }
    .summary {
      grid-column: 1 / -1;
    }
  }
`;
