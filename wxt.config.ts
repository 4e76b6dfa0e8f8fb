import { defineConfig } from 'wxt';

// Permissions are the smallest set the extension uses; the README explains each.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // A separate output folder lets several builds (and browser-test runs) proceed side by side.
  outDir: process.env.OUTPUT_DIR ?? '.output',
  // `npm run zip`: store zips in the output folder, and for Firefox the sources zip reviewers
  // build from. WXT already leaves out node_modules, dot folders (.output*, .wxt, .tmp, test
  // bundles) and the output folder; tests, screenshots and test reports are not needed to build.
  zip: {
    excludeSources: ['tests/**', 'docs/**', 'test-results/**', 'playwright-report/**', '**/*.log'],
  },
  hooks: {
    // Scripts that load on every page are packed tighter with terser; the panel keeps esbuild's
    // faster minifier.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) {
        config.build = { ...config.build, minify: 'terser', terserOptions: { compress: { passes: 2 } } };
      } else {
        // A page's own imports are preloaded from its HTML. A lazy tab's are not: the helper that
        // would add a <link> for each of them held the panel's thread for 20 to 50 ms when the
        // tabs load in the background; the import fetches them itself.
        config.build = { ...config.build, modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) } };
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The README's "Firefox" section explains the floors: the side panel API and MAIN-world
    // content scripts in Chrome 116; MAIN-world content scripts, the CSS Highlight API and the
    // data-collection declaration in Firefox 140 (ESR).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'report-drafting-assistant@drafting-assistant',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android has no sidebar and is not a target; this is only the floor of
            // its data-collection declaration, should an Android build ever be made.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
    // contextMenus: "Save selection as snippet"; offscreen: a DOM to sanitize its HTML in (Chrome's
    // background has none; Firefox's has).
    // storage: sync's own settings (the server and its app password), kept out of the database
    // so that they are in no backup and no sync folder.
    permissions: browser === 'firefox' ? ['contextMenus', 'storage'] : ['sidePanel', 'contextMenus', 'offscreen', 'storage'],
    // clipboardRead: asked for at run time, the first time a snippet with `{{clipboard}}` goes in.
    // The WebDAV server's address, asked for when the user sets sync up (utils/sync/).
    optional_permissions: browser === 'firefox' ? ['clipboardRead', 'https://*/*', 'http://*/*'] : ['clipboardRead'],
    ...(browser === 'firefox' ? {} : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // The agent, which the bootstrap imports into its own world when needed, and the
    // quick-insert box, an extension page framed at the caret (utils/editors/agent/). In Chrome,
    // under an address made for each session, so that a page cannot probe for them.
    web_accessible_resources:
      browser === 'firefox'
        ? ['editor-agent.js', 'quick-insert.html']
        : [{ resources: ['editor-agent.js', 'quick-insert.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    action: { default_title: '__MSG_actionTitle__' },
    // The isolated-world content script in every frame: a bootstrap that loads the agent
    // (entrypoints/editor-bootstrap.ts).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['editor-bootstrap.js'],
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
      'save-snippet': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSaveSnippet__',
      },
      'quick-insert': {
        suggested_key: { default: 'Alt+Shift+I' },
        description: '__MSG_commandQuickInsert__',
      },
    },
  }),
});
