// @vitest-environment jsdom
// (DOMPurify needs a faithful DOM; happy-dom lets scripts through.)
import { describe, expect, it } from 'vitest';
import DOMPurify from 'dompurify';
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

describe('sanitizeHtml trims empty blocks off the ends', () => {
  it.each([
    ['a triple click into the next paragraph', '<p>严格遵守中央八项规定精神。</p><p></p>', '<p>严格遵守中央八项规定精神。</p>'],
    ['an editor\'s empty paragraphs on both sides', '<p><br></p><h2>三、下一步打算</h2><p>加强制度建设。</p><p>&nbsp;</p>', '<h2>三、下一步打算</h2><p>加强制度建设。</p>'],
    ['whitespace, line breaks and blank inline markup', '\n <br><p> <span>\u00a0</span><br></p><p>正文</p>\n<div><strong> </strong></div> ', '<p>正文</p>'],
    ['an empty item closing a list', '<ul><li>一是</li><li>二是</li><li><br></li></ul>', '<ul><li>一是</li><li>二是</li></ul>'],
  ])('%s', (_name, dirty, clean) => {
    expect(sanitizeHtml(dirty)).toBe(clean);
  });

  it('keeps empty blocks between paragraphs, and rules and tables that show without text', () => {
    expect(sanitizeHtml('<p>一</p><p><br></p><p>二</p>')).toBe('<p>一</p><p><br></p><p>二</p>');
    expect(sanitizeHtml('<p>正文</p><hr>')).toBe('<p>正文</p><hr>');
    expect(sanitizeHtml('<p>正文</p><table><tbody><tr><td></td></tr></tbody></table>')).toBe('<p>正文</p><table><tbody><tr><td></td></tr></tbody></table>');
  });
});

describe('sanitizeHtml on vectors of the XSS corpus (tests/fixtures/xss/vectors.json)', () => {
  it.each([
    ['a scheme split by a tab and entity-encoded', '<a href="java&#x09;script:top.__xss(67)">link</a>', '<a>link</a>'],
    ['a noscript title that closes the noscript (mutation)', '<noscript><p title="</noscript><img src=x onerror=top.__xss(150)>"></noscript>', ''],
    ['a style inside MathML inside a table (mutation)', '<math><mtext><table><mglyph><style><img src=x onerror=top.__xss(130)></style></mglyph></table></mtext></math>', ''],
    ['SVG setting a link target by animation', '<svg><a><set attributeName=href to="javascript:top.__xss(112)" /><text y=20>t</text></a></svg>', ''],
    ['a srcdoc frame', '<iframe srcdoc="<script>top.__xss(90)</script>"></iframe>', ''],
    ['a base and a link relative to it', '<base href="javascript:top.__xss(96)//"><a href="/x">relative</a>', '<a>relative</a>'],
    ['a form clobbering a global', '<form id=xssclobber1><input name=attributes></form><p id=xssclobber2>p</p>', '<p>p</p>'],
    ['a style with a request', '<p style="background-image:url(http://127.0.0.1:9/__xss/1)">css</p>', '<p>css</p>'],
  ])('%s', (_name, dirty, clean) => {
    expect(sanitizeHtml(dirty)).toBe(clean);
  });

  it('refuses to run where DOMPurify has no DOM, instead of handing the HTML back', () => {
    const supported = DOMPurify.isSupported;
    DOMPurify.isSupported = false;
    try {
      expect(() => sanitizeHtml('<img src=x onerror=top.__xss(21)>')).toThrow();
    } finally {
      DOMPurify.isSupported = supported;
    }
  });
});
