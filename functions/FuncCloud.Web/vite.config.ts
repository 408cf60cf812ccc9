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
        // Vendor code changes rarely: its own long-cached chunks.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          antd: ['antd', '@ant-design/icons'],
          charts: ['recharts'],
        },
      },
    },
  },
  server: { proxy: { '/monitor/api': 'http://127.0.0.1:7071', '/identity': 'http://127.0.0.1:7071' } },
});
