/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The console. In development `vite` serves it on :4200 and sends /api and /health to the
// gateway of `npm start`; in production the gateway (or nginx) serves the built files.
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react()],
  // Workspace libraries are read from their TypeScript sources.
  resolve: { conditions: ['@inventory/source', ...defaultClientConditions] },
  server: {
    port: 4200,
    proxy: {
      '/api': process.env.GATEWAY_URL ?? 'http://localhost:3000',
      '/health': process.env.GATEWAY_URL ?? 'http://localhost:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    assetsDir: 'assets',
  },
  test: {
    globals: true,
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
