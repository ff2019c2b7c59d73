import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: var(--s4);
  }
  fieldset {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    padding: var(--s3) var(--s4) var(--s4);
    margin: 0;
    min-width: 0;
  }
  legend {
    font-weight: 650;
    padding: 0 var(--s1);
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
  .picker {
    max-height: 22rem;
    overflow: auto;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    margin-top: var(--s2);
  }
  .picker label {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: var(--s2);
    align-items: baseline;
    padding: 6px var(--s2);
    margin: 0;
    font-weight: 400;
    font-size: var(--t-small);
    border-bottom: 1px solid var(--border);
    cursor: pointer;
  }
  .picker label:hover {
    background: #f5f7fa;
  }
  .submit {
    display: flex;
    gap: var(--s3);
    align-items: center;
    flex-wrap: wrap;
  }
`;
