import { css } from 'lit';

export const styles = css`
  :host {
    min-height: 100vh;
    background: var(--bg);
  }
  .shell {
    display: grid;
    grid-template-columns: 13.5rem minmax(0, 1fr);
    min-height: 100vh;
  }
  nav {
    background: #1f2633;
    color: #dfe4ec;
    padding: var(--s4) var(--s3);
    position: sticky;
    top: 0;
    height: 100vh;
    display: flex;
    flex-direction: column;
    gap: var(--s1);
  }
  .brand {
    font-weight: 700;
    font-size: 1.0625rem;
    color: #fff;
    padding: 0 var(--s2) var(--s1);
    text-decoration: none;
  }
  .tagline {
    font-size: 0.75rem;
    color: #aab3c2;
    padding: 0 var(--s2) var(--s3);
    line-height: 1.35;
  }
  nav a.item {
    color: #dfe4ec;
    text-decoration: none;
    padding: 6px var(--s2);
    border-radius: var(--radius);
    font-size: 0.9rem;
    display: flex;
    align-items: center;
    gap: var(--s2);
  }
  nav a.item:hover {
    background: #2c3547;
  }
  nav a.item[aria-current='page'] {
    background: #34405a;
    color: #fff;
    font-weight: 600;
    box-shadow: inset 3px 0 0 #7aa2ff;
  }
  .ico {
    width: 1.2em;
    text-align: center;
    opacity: 0.85;
  }
  .foot {
    margin-top: auto;
    font-size: 0.75rem;
    color: #aab3c2;
    padding: var(--s2);
    line-height: 1.4;
  }
  .skip {
    position: absolute;
    left: var(--s2);
    top: -3rem;
    z-index: 10;
    background: var(--surface);
    padding: var(--s2) var(--s3);
    border-radius: var(--radius);
  }
  .skip:focus {
    top: var(--s2);
  }
  .crumbs {
    font-size: var(--t-small);
  }
  main:focus {
    outline: none;
  }
  main {
    padding: var(--s5) var(--s6);
    max-width: 78rem;
    width: 100%;
    min-width: 0;
  }
  @media (max-width: 860px) {
    .shell {
      grid-template-columns: minmax(0, 1fr);
    }
    nav {
      position: sticky;
      top: 0;
      z-index: 5;
      height: auto;
      flex-direction: row;
      align-items: center;
      overflow-x: auto;
      padding: var(--s2);
      gap: 2px;
      scrollbar-width: thin;
    }
    .tagline,
    .foot,
    .ico {
      display: none;
    }
    .brand {
      padding: 0 var(--s2) 0 var(--s1);
      white-space: nowrap;
    }
    nav a.item {
      white-space: nowrap;
      font-size: 0.85rem;
      padding: 6px 10px;
    }
    nav a.item[aria-current='page'] {
      box-shadow: inset 0 -3px 0 #7aa2ff;
    }
    main {
      padding: var(--s4) var(--s3);
    }
  }
`;
