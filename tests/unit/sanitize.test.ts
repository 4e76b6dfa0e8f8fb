// @vitest-environment jsdom
// (DOMPurify needs a faithful DOM; happy-dom lets scripts through.)
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '@/utils/sanitize';

describe('sanitizeHtml', () => {
  it('keeps the structure of a report section', () => {
    const html = '<h2>三、下一步打算</h2><p>持续<strong>深化</strong>理论学习。</p><ul><li>一是</li></ul>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('drops scripts, handlers, styles, frames and unsafe links', () => {
    const dirty =
      '<p onclick="steal()" style="color:red">正文<script>steal()</script></p><img src=x onerror=steal()>' +
      '<iframe src="https://evil.example"></iframe><a href="javascript:steal()">链接</a><form><input></form>';
    const clean = sanitizeHtml(dirty);
    expect(clean).toBe('<p>正文</p><a>链接</a>');
  });

  it('keeps http links and table spans', () => {
    expect(sanitizeHtml('<a href="https://example.org" target="_blank">x</a>')).toBe('<a href="https://example.org">x</a>');
    expect(sanitizeHtml('<table><tbody><tr><td colspan="2">合计</td></tr></tbody></table>')).toBe(
      '<table><tbody><tr><td colspan="2">合计</td></tr></tbody></table>',
    );
  });
});
