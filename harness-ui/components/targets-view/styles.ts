import { css } from 'lit';

export const styles = css`
  .list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--s2);
    margin-top: var(--s3);
  }
  .calibration {
    margin-top: var(--s2);
  }
  .calibration dl.facts {
    margin-top: var(--s1);
  }
  .validation {
    margin-top: var(--s3);
    border-top: 1px dashed var(--border);
    padding-top: var(--s3);
  }
  .validation ul {
    margin: 0 0 var(--s2);
    padding-left: 1.2rem;
  }
  .top {
    display: flex;
    justify-content: space-between;
    align-items: start;
    gap: var(--s3);
    flex-wrap: wrap;
  }
  .form-slot {
    margin-bottom: var(--s4);
  }
`;
