/**
 * The portal's high-contrast mode and marks in Chromium (desktop and a 390 px phone): every visible
 * text node on the home page, an agency column page and the application form is at least 4.5:1
 * against its background (WCAG 2.1 SC 1.4.3); the annual report's tables scroll inside their box
 * instead of widening the page; the footer carries the site's marks; the login page names the site.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type E2eServer, shot, useServerAndBrowser } from './support.ts';

/** Runs in the page: the texts whose contrast is below `min`, with their colours. */
function lowContrastTexts(min: number) {
  const parse = (c: string): [number, number, number, number] => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]!
      .split(/[,\s/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
  };
  const background = (el: Element | null): number[] => {
    // the first opaque background up the tree (the page is white if none)
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const bad: { text: string; ratio: number; color: string; bg: string }[] = [];
  let checked = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent?.trim();
    const el = n.parentElement;
    if (!text || !el) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || rect.width <= 1 || rect.height <= 1)
      continue;
    if (el.closest('.visually-hidden, .skip, script, style, noscript')) continue;
    const fg = parse(style.color);
    const bg = background(el);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1! + 0.05) / (l2! + 0.05);
    checked++;
    if (ratio < min)
      bad.push({
        text: text.slice(0, 40),
        ratio: Math.round(ratio * 100) / 100,
        color: style.color,
        bg: `rgb(${bg.slice(0, 3).join(',')})`,
      });
  }
  return { checked, bad };
}

describe('portal accessibility and marks in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  useServerAndBrowser({ now: '2026-11-21T02:00:00.000Z' }, (s) => ({ server, browser } = s));

  const open = async (width: number): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: width < 500 ? 844 : 1000 } });
    await page.goto(`${server.baseUrl}/a11y?mode=contrast&return=/`);
    return page;
  };
  const PAGES = [
    ['home', '/'],
    ['column', '/a/sfj/annual-reports'],
    ['form', '/a/sfj/apply'],
  ] as const;

  for (const [device, width] of [
    ['desktop', 1440],
    ['phone', 390],
  ] as const)
    it(`${device}: high contrast keeps every visible text ≥ 4.5:1 on the home page, a column page and the application form`, async () => {
      const page = await open(width);
      expect(await page.evaluate(() => document.documentElement.className)).toContain('a11y-contrast');
      for (const [name, path] of PAGES) {
        await page.goto(`${server.baseUrl}${path}`);
        const r = await page.evaluate(lowContrastTexts, 4.5);
        await shot(page, `contrast-${name}-${device}`);
        expect(r.checked, path).toBeGreaterThan(10);
        expect(r.bad, path).toEqual([]);
      }
      await page.close();
    });

  it('phone: the annual report tables scroll in their box and the page is not wider than the screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.baseUrl}/a/sfj/annual-reports`);
    await page.getByRole('link', { name: /2025年政府信息公开工作年度报告/ }).click();
    await page.getByRole('region', { name: /收到和处理政府信息公开申请情况/ }).waitFor();
    const m = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: window.innerWidth,
      boxes: Array.from(document.querySelectorAll('.table-scroll')).map((b) => ({
        client: b.clientWidth,
        scroll: b.scrollWidth,
      })),
    }));
    await shot(page, 'annual-report-phone');
    expect(m.page).toBeLessThanOrEqual(m.view);
    expect(m.boxes.length).toBe(3);
    // the wide 表三 scrolls inside its own box
    expect(m.boxes.some((b) => b.scroll > b.client)).toBe(true);
    await page.close();
  });

  it('the footer carries the marks (主办、承办、联系我们、网站地图), the favicon is served, the login page names the site', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.baseUrl}/`);
    const footer = page.locator('footer');
    expect(await footer.textContent()).toContain('主办单位：云岭县人民政府');
    expect(await footer.textContent()).toContain('承办单位：');
    await footer.getByRole('link', { name: '网站地图' }).click();
    await page.getByRole('heading', { name: '网站地图' }).waitFor();
    expect(await page.getByRole('link', { name: '云岭县司法局' }).count()).toBeGreaterThan(0);
    await page.locator('footer').getByRole('link', { name: '联系我们' }).click();
    await page.getByRole('heading', { name: '联系我们' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('0878-6120001');
    expect(await page.locator('link[rel=icon]').count()).toBe(2);
    const ico = await page.request.get(`${server.baseUrl}/favicon.ico`);
    expect(ico.headers()['content-type']).toBe('image/x-icon');
    expect((await ico.body()).readUInt16LE(2)).toBe(1);
    const svg = await page.request.get(`${server.baseUrl}/favicon.svg`);
    expect(await svg.text()).toContain('<svg');
    await page.goto(`${server.baseUrl}/admin/login`);
    await page.getByRole('heading', { name: '云岭县政府信息公开' }).waitFor();
    expect(await page.getByText('工作人员登录 · 主办单位：云岭县人民政府').count()).toBe(1);
    await shot(page, 'staff-login');
    await page.close();
  });
});
