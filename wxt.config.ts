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
  }),
});
