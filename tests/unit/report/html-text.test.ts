import { describe, expect, it } from 'vitest';
import { escapeHtml, textToHtml } from '@/utils/report/html-text';

describe('the one HTML escaper', () => {
  it('escapes what HTML reads as markup, in text and in a quoted attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert(1)"> & 'so'`)).toBe(`&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; 'so'`);
  });

  it('leaves Chinese text and entities already written as text alone', () => {
    expect(escapeHtml('一、总体情况 &amp;')).toBe('一、总体情况 &amp;amp;');
  });

  it('breaks lines with <br> for editors that take HTML only', () => {
    expect(textToHtml('第一行\n<第二行>')).toBe('第一行<br>&lt;第二行&gt;');
  });
});
