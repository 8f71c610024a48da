import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './app';
import { fillEveryPanel, sidewaysOverflow, tabNames, VIEWPORTS } from './layoutState';

test('at desktop, laptop and phone sizes no panel scrolls sideways or has a serious or critical axe violation', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = await fillEveryPanel(page);
  const names = await tabNames(page);
  expect(names.length).toBeGreaterThanOrEqual(6);
  const problems: string[] = [];
  for (const size of VIEWPORTS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      const o = await sidewaysOverflow(page);
      if (o.scrollWidth > o.innerWidth)
        problems.push(
          `${size.width}×${size.height} ${name}: page ${o.scrollWidth} px wide in ${o.innerWidth} (${o.wide.join(', ')})`,
        );
      const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      for (const v of scan.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          problems.push(
            `${size.width}×${size.height} ${name}: axe ${v.impact} ${v.id} (${v.help})`,
          );
    }
  }
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
});

test('the panel tabs follow the WAI-ARIA tabs pattern: arrows wrap, Home and End jump', async ({
  page,
}) => {
  await openApp(page, '/#search');
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  const search = page.getByRole('tab', { name: 'Search', exact: true });
  await search.focus();
  await page.keyboard.press('End');
  await expect(tabs.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(count - 1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
  // only the selected tab is in the Tab order
  for (let i = 0; i < count; i++)
    await expect(tabs.nth(i)).toHaveAttribute('tabindex', i === count - 1 ? '0' : '-1');
});
