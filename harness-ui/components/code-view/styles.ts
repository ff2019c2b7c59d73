import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2, 8px);
    align-items: center;
    justify-content: space-between;
    margin-bottom: var(--s1, 4px);
  }
  .bar .label {
    font-weight: 600;
    font-size: var(--t-small, 0.8125rem);
  }
  .tools {
    display: flex;
    gap: var(--s2, 8px);
    align-items: center;
    flex: 0 1 20rem;
    justify-content: flex-end;
    min-width: 0;
  }
  input[type='search'] {
    flex: 0 1 12rem;
    width: 12rem;
    min-width: 5rem;
    min-height: 28px;
    padding: 2px 8px;
    font-size: var(--t-small, 0.8125rem);
  }
  .count {
    font-size: var(--t-small, 0.8125rem);
    color: var(--muted, #5a6270);
    white-space: nowrap;
  }
  .count:empty {
    display: none;
  }
  .code {
    font-family: var(--mono, monospace);
    font-size: 12.5px;
    line-height: 1.55;
    background: #f7f8fa;
    border: 1px solid var(--border, #d9dde3);
    border-radius: var(--radius, 6px);
    overflow: auto;
    max-height: 32rem;
    padding: 6px 0;
  }
  .line {
    display: grid;
    grid-template-columns: 3.2em 1.4em minmax(0, 1fr);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    padding-right: 8px;
  }
  .n {
    color: #98a0ad;
    text-align: right;
    padding-right: 8px;
    user-select: none;
  }
  .sign {
    user-select: none;
    text-align: center;
    font-weight: 700;
  }
  .add {
    background: #fff1c9;
    box-shadow: inset 3px 0 0 #c98a00;
  }
  .add .sign {
    color: #8a5a00;
  }
  .del {
    background: #eef0f3;
    color: #6a7280;
    text-decoration: line-through;
    text-decoration-color: #a3a9b3;
  }
  mark {
    background: #ffe066;
    color: inherit;
    border-radius: 2px;
  }
  .fold {
    display: block;
    width: 100%;
    text-align: left;
    border: 0;
    border-top: 1px dashed var(--border, #d9dde3);
    border-bottom: 1px dashed var(--border, #d9dde3);
    background: #eef1f6;
    color: var(--accent, #2456c8);
    font: inherit;
    font-size: var(--t-small, 0.8125rem);
    padding: 2px 12px;
    cursor: pointer;
    min-height: 0;
  }
  .legend {
    font-size: var(--t-small, 0.8125rem);
    color: var(--muted, #5a6270);
    margin: 4px 0 0;
  }
  .legend .a {
    background: #fff1c9;
    box-shadow: inset 3px 0 0 #c98a00;
    padding: 0 6px;
  }
  .legend .d {
    background: #eef0f3;
    text-decoration: line-through;
    padding: 0 6px;
  }
  button.small {
    font: inherit;
    font-size: var(--t-small, 0.8125rem);
    padding: 2px 8px;
    min-height: 26px;
    border-radius: var(--radius, 6px);
    border: 1px solid var(--border-strong, #b8bec8);
    background: var(--surface, #fff);
    cursor: pointer;
  }
`;
