import { defineConfig } from 'wxt';

// Permissions are the smallest set the extension uses; the README explains each.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // A separate output folder lets several builds (and browser-test runs) proceed side by side.
  outDir: process.env.OUTPUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Report Drafting Assistant',
    description:
      'Section templates, a live checklist of unfilled placeholders, an outline and snippets for long reports written in web editors.',
    permissions: browser === 'firefox' ? [] : ['sidePanel'],
    action: { default_title: 'Open the drafting panel' },
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
        description: 'Select the next unfilled placeholder',
      },
      'previous-placeholder': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Select the previous unfilled placeholder',
      },
    },
  }),
});
