import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { typeLibraryPlugin } from './scripts/vite/type-library-plugin.ts';
import { VENDORED_SPECIFIERS } from './src/core/bundler/vendored-packages.ts';
import { notPrecachedPaths, strayBundlerCopies, type WasmManifest } from './src/core/wasm/wasm-manifest.ts';
import wasmManifest from './wasm/manifest.json' with { type: 'json' };

/** Cross-origin isolation: SharedArrayBuffer for ffmpeg.wasm and threaded wasm later. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const APP_PORT = 4173;

export default defineConfig({
  plugins: [
    solid(),
    // The TypeScript worker's declarations (typescript/type-library.json), precached with the rest.
    typeLibraryPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Director',
        short_name: 'Director',
        description: 'A browser-first studio for AI video: write, wire and plan videos on your own device.',
        theme_color: '#14161b',
        background_color: '#14161b',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every wasm, model and asset the app serves is precached, so it opens offline after one visit.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,ico,webmanifest,wasm,onnx,tflite,bin,json,woff2}'],
        // The wasm files wasm/manifest.json marks as not precached (onnxruntime's WebGPU-only asyncify build),
        // and the unused copies Vite emits of wasm served from a staged path.
        globIgnores: [...notPrecachedPaths(wasmManifest as WasmManifest), ...strayBundlerCopies(wasmManifest as WasmManifest), '**/*.stamp', '**/*.d.ts'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        // /director-local.json is npm start's (scripts/lib/local-edge-config-plugin.mjs): never index.html.
        navigateFallbackDenylist: [/^\/api\//, /^\/director-local\.json$/],
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The preview runtime (React, Remotion, encoders) is one large file on purpose: it loads once into the sandbox.
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 5000,
    // harness.html exposes the engine alone, for the `director still` / `render` commands.
    rolldownOptions: { input: { main: 'index.html', harness: 'harness.html' } },
  },
  // Workers and the preview runtime are single files: the sandbox imports the runtime from a blob,
  // where relative chunk URLs would not resolve.
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
  optimizeDeps: {
    exclude: ['esbuild-wasm', '@ffmpeg/ffmpeg', '@ffmpeg/util'],
    // The preview runtime and the lazily loaded player/renderer are found only when a project opens;
    // pre-bundled up front, `npm run dev` does not reload the page (or answer 504) mid-session.
    include: [...VENDORED_SPECIFIERS, '@remotion/player', '@remotion/web-renderer'],
  },
  server: { port: 5173, headers: ISOLATION_HEADERS },
  preview: { port: APP_PORT, strictPort: true, headers: ISOLATION_HEADERS },
});
