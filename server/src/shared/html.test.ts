import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.ts';

describe('escaped-by-default HTML', () => {
  it('escapes interpolated text, including attribute quotes', () => {
    const evil = `<script>alert("x")</script>' onmouseover='1`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain(`"x"`);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&#39;');
  });
  it('nests templates and arrays without double escaping', () => {
    const items = ['a&b', 'c'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.value).toBe(
      '<ul><li>a&amp;b</li><li>c</li></ul>',
    );
  });
  it('omits null, undefined and false; passes raw() through', () => {
    expect(html`${null}${undefined}${false}${raw('<b>ok</b>')}${0}`.value).toBe('<b>ok</b>0');
  });
  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
