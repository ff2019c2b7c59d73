import { css } from 'lit';

export const styles = css`
  .providers {
    display: grid;
    gap: var(--s4);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    align-items: center;
    margin-bottom: var(--s2);
  }
  .head h2 {
    margin: 0;
  }
  h3 {
    margin-top: var(--s4);
  }
  .quirks ul {
    margin: var(--s2) 0 0;
    padding-left: var(--s4);
    font-size: var(--t-small);
  }
  td.actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s1);
  }
  td.actions button {
    padding: 2px 8px;
    font-size: var(--t-small);
  }
  button.danger:not([disabled]) {
    border-color: var(--fail);
    color: var(--fail);
  }
  .note.ok {
    color: var(--pass);
  }
  .note.bad {
    color: var(--fail);
  }
  ol.exchanges {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--s1);
    font-size: var(--t-small);
  }
  ol.exchanges pre {
    max-height: 18rem;
    overflow: auto;
    background: var(--bg);
    padding: var(--s2);
    white-space: pre-wrap;
    word-break: break-all;
  }
`;
