import { test } from '@playwright/test';
import { fillEveryPanel, tabNames, VIEWPORTS } from '../layoutState';

// Every panel at a desktop, a laptop and a phone size (`npm run screenshots`; SHOTS_DIR picks
// another folder, e.g. for a before/after comparison).
const OUT = process.env.SHOTS_DIR ?? 'docs/screenshots/panels';

test('every panel at desktop, laptop and phone sizes', async ({ page }) => {
  test.setTimeout(300_000);
  await fillEveryPanel(page);
  const names = await tabNames(page);
  for (const size of VIEWPORTS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: `${OUT}/${size.name}-${name.toLowerCase()}.jpg`,
        type: 'jpeg',
        quality: 70,
      });
    }
  }
});
