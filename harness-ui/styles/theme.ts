import { css } from 'lit';

/**
 * Shared look: one type scale, one spacing scale, calm neutrals, and verdict colours that
 * always come with a mark and a word (✓ pass, ✗ fail, ! error) so colour is never the only cue.
 */
export const theme = css`
  :host {
    --bg: #f6f7f9;
    --surface: #ffffff;
    --border: #d9dde3;
    --border-strong: #b8bec8;
    --text: #1c1f24;
    --muted: #5a6270;
    --accent: #2456c8;
    --accent-soft: #e8eefb;
    --pass: #1b6e2d;
    --pass-soft: #e6f4e9;
    --fail: #b3261e;
    --fail-soft: #fbe9e7;
    --error: #8a4b00;
    --error-soft: #fdf0dc;
    --skip: #5a6270;
    --skip-soft: #eef0f3;
    --mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --radius: 6px;
    --s1: 4px;
    --s2: 8px;
    --s3: 12px;
    --s4: 16px;
    --s5: 24px;
    --s6: 32px;
    --t-small: 0.8125rem;
    --t-body: 0.9375rem;
    --t-h3: 1rem;
    --t-h2: 1.125rem;
    --t-h1: 1.375rem;
    display: block;
    color: var(--text);
    font: var(--t-body) / 1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1 {
    font-size: var(--t-h1);
    margin: 0 0 var(--s3);
    font-weight: 650;
  }
  h2 {
    font-size: var(--t-h2);
    margin: 0 0 var(--s2);
    font-weight: 620;
  }
  h3 {
    font-size: var(--t-h3);
    margin: 0 0 var(--s2);
    font-weight: 600;
  }
  p {
    margin: 0 0 var(--s2);
  }
  h1 + p {
    margin-bottom: var(--s4);
    max-width: 60rem;
  }
  a {
    color: var(--accent);
  }
  code,
  .mono {
    font-family: var(--mono);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--muted);
  }
  .small {
    font-size: var(--t-small);
  }
  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--s4);
  }
  .stack > * + * {
    margin-top: var(--s3);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    align-items: center;
  }
  .spread {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    align-items: center;
    justify-content: space-between;
  }
  button,
  .button {
    font: inherit;
    font-size: var(--t-small);
    font-weight: 560;
    display: inline-flex;
    align-items: center;
    gap: var(--s1);
    padding: 6px 12px;
    border-radius: var(--radius);
    border: 1px solid var(--border-strong);
    background: var(--surface);
    color: var(--text);
    cursor: pointer;
    text-decoration: none;
    line-height: 1.3;
    min-height: 32px;
  }
  button:hover,
  .button:hover {
    background: #f0f2f5;
  }
  button.primary,
  .button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: #fff;
  }
  button.primary:hover,
  .button.primary:hover {
    background: #1d47a8;
  }
  button.danger {
    color: var(--fail);
    border-color: #e2b4b0;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }
  label {
    display: block;
    font-size: var(--t-small);
    font-weight: 600;
    margin-bottom: var(--s1);
  }
  input[type='text'],
  input[type='url'],
  input[type='search'],
  input[type='number'],
  input[type='email'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    font-size: var(--t-body);
    width: 100%;
    padding: 6px 8px;
    border: 1px solid var(--border-strong);
    border-radius: var(--radius);
    background: #fff;
    color: var(--text);
    min-height: 34px;
    line-height: 1.3;
  }
  textarea {
    font-family: var(--mono);
    font-size: var(--t-small);
    min-height: 8rem;
  }
  .field {
    margin-bottom: var(--s3);
  }
  .field .help {
    font-size: var(--t-small);
    color: var(--muted);
    margin-top: 2px;
  }
  .grid2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--s3);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: var(--t-small);
    font-weight: 560;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid var(--border);
    background: var(--skip-soft);
    color: var(--muted);
    white-space: nowrap;
  }
  .badge.ok {
    background: var(--pass-soft);
    color: var(--pass);
    border-color: #b9dcc1;
  }
  .badge.bad {
    background: var(--fail-soft);
    color: var(--fail);
    border-color: #efc2bd;
  }
  .badge.warn {
    background: var(--error-soft);
    color: var(--error);
    border-color: #f0d3a8;
  }
  .badge.info {
    background: var(--accent-soft);
    color: var(--accent);
    border-color: #c5d4f3;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 6px 8px;
    border-bottom: 1px solid var(--border);
    font-size: var(--t-small);
  }
  th {
    color: var(--muted);
    font-weight: 600;
  }
  .table-wrap {
    overflow-x: auto;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 4px var(--s3);
    margin: 0;
    font-size: var(--t-small);
  }
  dl.facts dt {
    color: var(--muted);
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (max-width: 600px) {
    .card {
      padding: var(--s3);
    }
    dl.facts {
      grid-template-columns: minmax(0, 1fr);
    }
    dl.facts dd {
      margin-bottom: var(--s2);
    }
  }
`;
