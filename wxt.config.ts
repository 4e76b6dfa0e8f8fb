import { defineConfig } from 'wxt';

// Permissions are the smallest set the extension uses; the README explains each.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // A separate output folder lets several builds (and browser-test runs) proceed side by side.
  outDir: process.env.OUTPUT_DIR ?? '.output',
  hooks: {
    // Scripts that load on every page are packed tighter with terser; the panel keeps esbuild's
    // faster minifier.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) {
        config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? [] : ['sidePanel'],
    action: { default_title: '__MSG_actionTitle__' },
    // The isolated-world content script (entrypoints/editor-agent.ts), in every frame.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['editor-agent.js'],
        all_frames: true,
        match_about_blank: true,
        ...(browser === 'firefox' ? {} : { match_origin_as_fallback: true }),
        run_at: 'document_idle',
      },
    ],
    commands: {
      'next-placeholder': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextPlaceholder__',
      },
      'previous-placeholder': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPreviousPlaceholder__',
      },
    },
  }),
});
