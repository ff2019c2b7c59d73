import { css } from 'lit';

export const styles = css`
  ul.checks {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li.check {
    border: 1px solid var(--border);
    border-left: 4px solid var(--border-strong);
    border-radius: var(--radius);
    padding: var(--s2) var(--s3);
    margin-bottom: var(--s2);
    background: var(--surface);
    min-width: 0;
  }
  li.check.problem {
    border-left-color: var(--fail);
    background: var(--fail-soft);
  }
  li.check.warning {
    border-left-color: var(--error);
    background: var(--error-soft);
  }
  li.check.ok {
    border-left-color: var(--pass);
    padding-top: var(--s1);
    padding-bottom: var(--s1);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s1) var(--s2);
    align-items: baseline;
  }
  .status {
    font-weight: 650;
    font-size: var(--t-small);
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  .mark {
    margin-right: 4px;
  }
  .problem .status {
    color: var(--fail);
  }
  .warning .status {
    color: var(--error);
  }
  .ok .status {
    color: var(--pass);
  }
  .id {
    color: var(--muted);
  }
  .where {
    color: var(--muted);
    font-size: var(--t-small);
    overflow-wrap: anywhere;
  }
  .text {
    margin: 2px 0 0;
    overflow-wrap: anywhere;
  }
  .ok .text {
    font-size: var(--t-small);
  }
  dl.facts {
    margin-top: var(--s1);
  }
  .fix {
    margin-top: var(--s2);
    font-size: var(--t-small);
    border-top: 1px dashed var(--border-strong);
    padding-top: var(--s1);
  }
  .setting {
    margin-top: 2px;
    font-style: italic;
    color: var(--muted);
  }
  .more {
    margin: 0;
  }
`;
