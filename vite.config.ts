import { defineConfig } from 'vite';

/** Where `sso-harness serve` runs during UI development (`npm run serve`, then `npx vite`). */
const harness = process.env.SSO_HARNESS_URL ?? 'http://127.0.0.1:7000';

export default defineConfig({
  root: 'harness-ui',
  publicDir: false,
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    // The harness answers only its own host names and refuses state changes from other
    // origins: the proxy presents the requests as the harness's own.
    proxy: {
      '/api': { target: harness, changeOrigin: true, headers: { origin: harness } },
      '/saml': { target: harness, changeOrigin: false },
      '/oidc': { target: harness, changeOrigin: false },
    },
  },
});
