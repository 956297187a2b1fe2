import { describe, expect, test } from 'vitest';
import { escapeHtml, html } from './safe-html.js';

describe('escapeHtml', () => {
  test('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('leaves other text, Chinese included, alone', () => {
    expect(escapeHtml('申通 ¥12.50 #3')).toBe('申通 ¥12.50 #3');
  });

  test('escapes & first, so existing entities are shown, not decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('html', () => {
  test('escapes interpolated values but not the template itself', () => {
    const title = '<img src=x onerror=alert(1)>';
    expect(html`<p class="t">${title}</p>`.__html).toBe('<p class="t">&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  test('escapes quotes, so a value cannot leave an attribute', () => {
    const value = '" onmouseover="alert(1)';
    expect(html`<td title="${value}">`.__html).toBe('<td title="&quot; onmouseover=&quot;alert(1)">');
  });

  test('nested html is inserted as is, and its own values stay escaped once', () => {
    const cell = html`<td>${'<b>'}</td>`;
    const row = html`<tr>${cell}</tr>`;
    expect(row.__html).toBe('<tr><td>&lt;b&gt;</td></tr>');
    expect(html`<table>${row}</table>`.__html).toBe('<table><tr><td>&lt;b&gt;</td></tr></table>');
  });

  test('arrays are joined without separators, each item escaped or nested', () => {
    const items = ['<a>', 'b&c'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.__html).toBe('<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul>');
    expect(html`${['<x>', html`<br>`, ['<y>']]}`.__html).toBe('&lt;x&gt;<br>&lt;y&gt;');
    expect(html`<p>${[]}</p>`.__html).toBe('<p></p>');
  });

  test('null, undefined and false print nothing; 0 and true print as text', () => {
    expect(html`[${null}][${undefined}][${false}]`.__html).toBe('[][][]');
    expect(html`[${0}][${true}][${''}]`.__html).toBe('[0][true][]');
    expect(html`[${[null, 'a', undefined]}]`.__html).toBe('[a]');
  });

  test('numbers and other values print as their text', () => {
    expect(html`${12.5} ${-3}`.__html).toBe('12.5 -3');
    expect(html`${{ toString: () => '<obj>' }}`.__html).toBe('&lt;obj&gt;');
  });

  test('a template without values is returned as written', () => {
    expect(html`<hr>`.__html).toBe('<hr>');
  });
});

describe('forged safe values', () => {
  test('an object that only looks like html output is escaped', () => {
    const forged = JSON.parse('{"__html":"<script>alert(1)</script>"}') as unknown;
    expect(html`<p>${forged}</p>`.__html).not.toContain('<script>');
  });

  test('a printable page escapes a body that html did not make', async () => {
    const { printPage } = await import('./printables.js');
    const page = printPage({ title: 't', body: { __html: '<img src=x onerror=alert(1)>' } }, 'zh-CN');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img');
  });
});
