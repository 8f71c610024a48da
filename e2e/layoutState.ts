import { expect, type Page } from '@playwright/test';
import { builtinTestQuestion, openApp } from './app';

/** The sizes a class meets: a desktop, a small laptop, a phone (portrait). */
export const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'laptop', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * Open the page and fill every panel with what a class sees (a question answered in Search, a
 * decoded tree in Inspect, a judged question in Compare, the Evaluate table), so that layout
 * checks and screenshots see the widest content each panel shows.
 */
export async function fillEveryPanel(page: Page): Promise<string[]> {
  const question = builtinTestQuestion(2);
  const errors = await openApp(page, `/?q=${encodeURIComponent(question)}#search`);
  const generative = page.getByRole('region', { name: 'Generative results', exact: true });
  await expect(generative.getByRole('listitem')).toHaveCount(10, { timeout: 60_000 });

  await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
  const inspector = page.getByRole('region', { name: 'Beam search inspector', exact: true });
  await inspector.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(inspector.getByRole('figure').first()).toBeVisible({ timeout: 60_000 });

  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('region', { name: 'Compare methods', exact: true });
  await compare
    .getByRole('combobox', { name: 'Test question', exact: true })
    .selectOption(builtinTestQuestion(3));
  await expect(compare.getByRole('img', { name: /^Map of 156 document embeddings/ })).toBeVisible({
    timeout: 60_000,
  });

  await page.getByRole('tab', { name: 'Evaluate', exact: true }).click();
  await expect(page.getByText(/Not loaded yet/)).toHaveCount(0, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Evaluate all methods', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Metrics', exact: true })).toBeVisible({
    timeout: 120_000,
  });
  return errors;
}

/** The panels' tab names, in the order the page lists them. */
export const tabNames = (page: Page) => page.getByRole('tab').allTextContents();

/**
 * How far the page scrolls sideways, and the elements that stick out past the window's right
 * edge without a scrolling box of their own to hold them (for a readable failure).
 */
export function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement!;
    const inner = window.innerWidth;
    const clipped = (e: Element) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > inner + 0.5 && !clipped(e))
      .slice(0, 6)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const cls =
          typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : '';
        return `${e.tagName.toLowerCase()}${cls} ${Math.round(r.left)}–${Math.round(r.right)} px`;
      });
    return { scrollWidth: scroller.scrollWidth, innerWidth: inner, wide };
  });
}
