import { css } from 'lit';

export const styles = css`
  .head {
    display: flex;
    gap: var(--s3);
    align-items: center;
    flex-wrap: wrap;
    margin-bottom: var(--s2);
  }
  .head h1 {
    margin: 0;
  }
  .crumbs {
    font-size: var(--t-small);
    margin-bottom: var(--s2);
  }
  section.card {
    margin-top: var(--s4);
  }
  .verdict-box {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: var(--s3);
  }
  .verdict-box > div {
    border-radius: var(--radius);
    padding: var(--s3);
    background: #f7f8fa;
    border: 1px solid var(--border);
  }
  .verdict-box .k {
    font-size: var(--t-small);
    color: var(--muted);
    font-weight: 600;
  }
  .message {
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--s3);
    margin-top: var(--s3);
  }
  .message h3 {
    display: flex;
    gap: var(--s2);
    align-items: center;
    flex-wrap: wrap;
  }
  .jwt {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: var(--s3);
    margin-top: var(--s3);
  }
  .steps td.url,
  .steps td.answer {
    width: 40%;
    overflow-wrap: anywhere;
  }
  .steps tr.detail td {
    background: #fafbfc;
  }
  .steps button {
    min-height: 26px;
    padding: 2px 8px;
  }
  .steps .cookies code {
    font-size: var(--t-small);
  }
  .steps .page-text {
    max-width: 28rem;
    overflow-wrap: anywhere;
  }
  img.shot {
    max-width: 100%;
    border: 1px solid var(--border);
    border-radius: var(--radius);
  }
  .downloads {
    display: flex;
    gap: var(--s2);
    flex-wrap: wrap;
  }
  .diff-state {
    font-size: var(--t-small);
    color: var(--muted);
  }
  table.steps {
    min-width: 36rem;
  }
  @media (max-width: 600px) {
    .message {
      padding: var(--s2);
    }
  }
`;
