import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the router change far less often than our code: their own chunk stays cached across releases.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    // API_PROXY lets a second dev server talk to another API instance (e.g. one on a scratch database).
    proxy: { '/api': process.env.API_PROXY ?? 'http://localhost:3000' },
  },
});
