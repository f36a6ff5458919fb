import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The server serves the built app at /admin/ and the API at /api/ on the same origin. */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
