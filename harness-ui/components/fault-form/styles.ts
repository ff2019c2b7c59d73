import { css } from 'lit';

export const styles = css`
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--s3);
  }
  .field {
    margin: 0;
  }
  .check {
    display: flex;
    gap: 6px;
    align-items: center;
    font-weight: 500;
  }
  .invalid {
    border-color: var(--fail) !important;
    background: #fff8f7 !important;
  }
  .err {
    color: var(--fail);
    font-size: var(--t-small);
    margin-top: 2px;
  }
  textarea {
    min-height: 4.5rem;
  }
  .none {
    font-size: var(--t-small);
    color: var(--muted);
  }
`;
