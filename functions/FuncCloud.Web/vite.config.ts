import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the ServeWebApp function under /monitor/ (the dashboard will share this app and its shell).
export default defineConfig({
  base: '/monitor/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // React changes rarely: its own long-cached chunk. Ant Design is left to Rollup, so each lazily loaded
        // page brings only the components the shell does not already have, and recharts comes with the pages
        // that draw charts.
        manualChunks(id) {
          // Small helpers both antd and recharts use go with React, or Rollup would put them in the charts chunk.
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run|@babel\/runtime|clsx|classnames|react-is|prop-types|tiny-invariant)\//.test(id)) return 'react';
          if (/node_modules\/(recharts|recharts-scale|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|lodash|eventemitter3)\//.test(id)) return 'charts';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/monitor/api': 'http://127.0.0.1:7071', '/identity': 'http://127.0.0.1:7071' } },
});
