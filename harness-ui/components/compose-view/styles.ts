import { css } from 'lit';

export const styles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(16rem, 20rem);
    gap: var(--s4);
    align-items: start;
  }
  section.card + section.card {
    margin-top: var(--s4);
  }
  .fault {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--s3);
    margin-bottom: var(--s3);
    background: #fbfcfd;
  }
  .fault-head {
    display: flex;
    justify-content: space-between;
    gap: var(--s2);
    align-items: start;
    margin-bottom: var(--s2);
  }
  .fault-head .summary {
    font-size: var(--t-small);
    color: var(--muted);
  }
  .add {
    display: flex;
    gap: var(--s2);
    align-items: end;
    flex-wrap: wrap;
  }
  .add .field {
    flex: 1 1 16rem;
    margin: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2) var(--s4);
  }
  .choices label {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: 500;
    font-size: var(--t-body);
    margin: 0;
  }
  .judged {
    margin: var(--s2) 0 0;
  }
    .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    align-items: center;
  }
  .saved {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .saved li {
    padding: var(--s2) 0;
    border-bottom: 1px solid var(--border);
    font-size: var(--t-small);
  }
  .saved li:last-child {
    border-bottom: 0;
  }
  .saved .row {
    margin-top: 4px;
  }
  .saved button {
    min-height: 26px;
    padding: 2px 8px;
  }
  .ok-note {
    color: var(--pass);
    font-size: var(--t-small);
  }
  .file-input {
    position: relative;
    overflow: hidden;
  }
  .file-input input {
    position: absolute;
    inset: 0;
    opacity: 0;
    cursor: pointer;
  }
  @media (max-width: 980px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
