import { css } from 'lit';

export const styles = css`
  .tabs {
    display: flex;
    gap: var(--s1);
    border-bottom: 1px solid var(--border);
    margin-bottom: var(--s3);
    flex-wrap: wrap;
  }
  .tabs button {
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    background: none;
    font-size: var(--t-body);
    padding: 6px 10px;
  }
  .tabs button[aria-selected='true'] {
    border-bottom-color: var(--accent);
    color: var(--accent);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2) var(--s4);
    margin-bottom: var(--s3);
  }
  .choices label {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: 500;
    font-size: var(--t-body);
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--s3);
    margin: 0 0 var(--s3);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    font-size: var(--t-small);
    padding: 0 4px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    align-items: center;
  }
  textarea {
    min-height: 10rem;
  }
`;
