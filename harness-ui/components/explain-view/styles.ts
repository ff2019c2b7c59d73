import { css } from 'lit';

export const styles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(18rem, 26rem) minmax(0, 1fr);
    gap: var(--s4);
    align-items: start;
  }
  .stack > * + * {
    margin-top: var(--s4);
  }
  .drop.dragging {
    outline: 2px dashed var(--accent);
    outline-offset: -6px;
    background: var(--accent-soft);
  }
  textarea {
    min-height: 12rem;
  }
  textarea.short {
    min-height: 5rem;
  }
  .file {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--s2);
    padding: var(--s2) var(--s3);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: #fbfcfd;
    margin-bottom: var(--s3);
    overflow-wrap: anywhere;
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
  label.check {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: 500;
    margin: 0;
  }
  fieldset.choices {
    border: 0;
    padding: 0;
    margin: 0 0 var(--s3);
    display: flex;
    flex-direction: column;
    gap: var(--s1);
  }
  fieldset.choices legend {
    font-weight: 600;
    margin-bottom: var(--s1);
  }
  details {
    margin: var(--s2) 0 var(--s3);
  }
  details > summary {
    cursor: pointer;
    font-size: var(--t-small);
    font-weight: 600;
    color: var(--muted);
    margin-bottom: var(--s2);
  }
  .totals {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--s1);
  }
  .row {
    margin-bottom: var(--s2);
  }
  article.message {
    border-top: 1px solid var(--border);
    padding-top: var(--s3);
    margin-top: var(--s3);
    min-width: 0;
  }
  article.message h3 {
    overflow-wrap: anywhere;
  }
  .flow td {
    overflow-wrap: anywhere;
  }
  ul.faults {
    margin: 0 0 var(--s3);
    padding-left: var(--s4);
    overflow-wrap: anywhere;
  }
  .outcome {
    white-space: normal;
  }
  .reproduce run-monitor {
    display: block;
    margin-top: var(--s3);
  }
  @media (max-width: 980px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
