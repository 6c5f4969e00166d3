/**
 * An accessibility check of what the page shows now (axe-core, WCAG 2.1 A and AA rules). The page's
 * strict content security policy would block axe's script, so specs that use this set
 * `test.use({ bypassCSP: true })`.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export async function expectAccessible(page: Page, where: string): Promise<void> {
  // A toast or drawer still fading in has partial opacity, and axe would measure its contrast
  // mid-animation: let finite animations finish first (a spinner's never does, so it is left).
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]),
  );
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent's focus manager (tabster) puts hidden, focusable <i> sentinels at the edges of focus
    // groups; they pass focus on at once and are never read out, so axe's rule does not apply.
    .exclude('[data-tabster-dummy]')
    .analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  expect(found, `axe at ${where}`).toEqual([]);
}
