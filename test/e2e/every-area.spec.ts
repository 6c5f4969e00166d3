/**
 * Every area and every dialog the keyboard can open, at a council laptop's screen (1366x768) and a
 * smaller one (1024x640), light and dark: no critical or serious axe violation (WCAG 2.1 A and AA),
 * one level-one heading per screen, no focus guards inside the navigation, nothing scrolling sideways
 * at 1024x640; and the keyboard reaches the top bar, the navigation and the area in that order,
 * every stop with a visible focus.
 *
 * The areas are reached with their shortcuts (Alt+1 … Alt+7, Alt+9), the dialogs with theirs.
 */
import type { Page } from '@playwright/test';
import { test, expect, callApi, type RunningApp } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

test.use({ bypassCSP: true });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
] as const;

/** Each area (its shortcut) and the tabs inside it. */
const SCREENS: { area: string; key: string; tab?: string }[] = [
  { area: 'Search', key: 'Alt+1' },
  { area: 'Library', key: 'Alt+2', tab: 'Folders' },
  { area: 'Library', key: 'Alt+2', tab: 'Files that need attention' },
  { area: 'Frameworks', key: 'Alt+3', tab: 'Coverage' },
  { area: 'Frameworks', key: 'Alt+3', tab: 'Checks' },
  { area: 'Frameworks', key: 'Alt+3', tab: 'Self-evaluation' },
  { area: 'Frameworks', key: 'Alt+3', tab: 'Manage frameworks' },
  { area: 'Annex A', key: 'Alt+4' },
  { area: 'Export', key: 'Alt+5', tab: 'New pack' },
  { area: 'Export', key: 'Alt+5', tab: 'Verify a pack' },
  { area: 'Requests', key: 'Alt+6', tab: 'Today' },
  { area: 'Requests', key: 'Alt+6', tab: 'Board' },
  { area: 'Evidence', key: 'Alt+7' },
  { area: 'Settings', key: 'Alt+9' },
];

/**
 * The fixture folder in the library, an evidence item and a request, so the areas have something in
 * them. Each test has an app of its own (freshApp): the approved item would change what the other
 * journeys, sharing the worker's app, expect to find.
 */
async function start(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  const roots = await callApi<unknown[]>(page, 'roots.list');
  if (roots.length === 0) {
    await callApi(page, 'roots.add', { path: app.evidenceDir });
    await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 45_000 });
    const { documentId } = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: `${app.evidenceDir}/supervision-notes.txt` });
    await callApi(page, 'evidence.save', { documentId, fields: { title: 'Supervision notes, North team', status: 'approved' } });
    await callApi(page, 'requests.add', { text: 'Return home interviews for children missing from care, last six months', inspector: 'HMI Patel' });
    // An entry in the audit log, so Settings shows its table.
    await callApi(page, 'annexa.clear');
  }
  await expect(page.getByTestId('search-result').first()).toBeVisible({ timeout: 30_000 });
}

async function show(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  // The shortcut from wherever the focus is (the area's own controls included).
  await page.locator('body').press(screen.key);
  await expect(page.getByRole('main', { name: screen.area })).toBeVisible();
  if (screen.tab) {
    const tab = page.getByRole('main').getByRole('tab', { name: new RegExp(`^${screen.tab}`, 'u') });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }
  // Lazy areas (Annex A, Export, Requests) show a spinner while their bundle loads.
  await expect(page.getByRole('main').getByRole('progressbar')).toHaveCount(0, { timeout: 15_000 }).catch(() => undefined);
}

/** Checks that hold on every screen, dialogs included. */
async function expectScreenSound(page: Page, where: string, size: (typeof SIZES)[number]): Promise<void> {
  await expectAccessible(page, where);
  // Fluent's arrow-key groups put hidden focusable guards at their edges; the navigation has none.
  await expect(page.getByRole('navigation', { name: 'Areas' }).locator('[data-tabster-dummy]'), `${where}: focus guards in the navigation`).toHaveCount(0);
  if (size.width <= 1024) {
    const sideways = await page.evaluate(() => {
      const found: string[] = [];
      const root = document.scrollingElement!;
      if (root.scrollWidth > root.clientWidth) found.push(`the page by ${root.scrollWidth - root.clientWidth}px`);
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const overflowX = getComputedStyle(el).overflowX;
        if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
          found.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : ''} by ${el.scrollWidth - el.clientWidth}px`);
        }
      }
      return found;
    });
    expect(sideways, `${where}: scrolls sideways`).toEqual([]);
  }
}

for (const size of SIZES) {
  const at = `${size.width}x${size.height}`;
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every area at ${at}, ${colorScheme}: axe, one h1, nothing sideways`, async ({ page, freshApp: app }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await start(page, app);
      for (const screen of SCREENS) {
        const where = `${screen.area}${screen.tab ? ` › ${screen.tab}` : ''} at ${at} (${colorScheme})`;
        await show(page, screen);
        await expect(page.locator('h1'), `${where}: one level-one heading`).toHaveCount(1);
        await expectScreenSound(page, where, size);
      }
      // Search with a result ticked and one open (a selected result's links in the theme's colours).
      await show(page, SCREENS[0]);
      await page.getByTestId('selection-bar').getByRole('checkbox').check();
      await expectScreenSound(page, `Search with results ticked at ${at} (${colorScheme})`, size);
      await page.getByTestId('selection-bar').getByRole('checkbox').uncheck();
      // The navigation hidden.
      await page.getByRole('button', { name: 'Hide navigation' }).click();
      await expect(page.getByRole('navigation', { name: 'Areas' })).toBeHidden();
      await expectAccessible(page, `the navigation hidden at ${at} (${colorScheme})`);
      await page.getByRole('button', { name: 'Show navigation' }).click();
    });

    test(`every dialog the keyboard opens at ${at}, ${colorScheme}`, async ({ page, freshApp: app }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await start(page, app);
      const dialogs: { name: string; open: () => Promise<void> }[] = [
        { name: 'Keyboard shortcuts', open: () => page.locator('body').press('Shift+?') },
        { name: 'Log a request', open: () => page.locator('body').press('Control+Shift+L') },
        {
          name: 'Add a folder',
          open: async () => {
            await show(page, SCREENS[1]);
            await page.getByRole('main').getByRole('button', { name: 'Add folder' }).first().focus();
            await page.keyboard.press('Enter');
          },
        },
        {
          name: 'Remove',
          open: async () => {
            await show(page, SCREENS[1]);
            await page.getByTestId('root-card').first().getByRole('button', { name: 'Remove' }).focus();
            await page.keyboard.press('Enter');
          },
        },
        {
          name: 'Tag',
          open: async () => {
            await show(page, SCREENS[0]);
            await page.getByTestId('selection-bar').getByRole('checkbox').focus();
            await page.keyboard.press('Space');
            await page.getByRole('button', { name: 'Tag selected…' }).focus();
            await page.keyboard.press('Enter');
          },
        },
      ];
      for (const d of dialogs) {
        await d.open();
        const dialog = page.getByRole('dialog').last();
        await expect(dialog).toBeVisible();
        await expect(dialog).toHaveAccessibleName(new RegExp(`^${d.name}`, 'u'));
        // The focus is in the dialog, where the keyboard can work it.
        await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        await expectScreenSound(page, `the ${d.name} dialog at ${at} (${colorScheme})`, size);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
      await page.getByTestId('selection-bar').getByRole('checkbox').uncheck();
    });
  }

  test(`the keyboard goes top bar, navigation, area, with a visible focus at ${at}`, async ({ page, freshApp: app }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await start(page, app);
    for (const screen of SCREENS.filter((s) => !s.tab || s.tab === 'Folders' || s.tab === 'Coverage' || s.tab === 'New pack' || s.tab === 'Today')) {
      await show(page, screen);
      // From the top of the page.
      await page.evaluate(() => {
        const top = document.createElement('span');
        top.tabIndex = -1;
        top.id = 'e2e-top';
        document.body.prepend(top);
        top.focus();
      });
      const stops: { region: string; visible: boolean; label: string }[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (i === 0) await page.evaluate(() => document.getElementById('e2e-top')?.remove());
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const region = el.closest('header') ? 'header' : el.closest('[aria-label="Areas"]') ? 'navigation' : el.closest('main') ? 'main' : 'other';
          const box = el.getBoundingClientRect();
          const label = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
          return { region, label, box: { x: box.x, y: box.y, width: box.width, height: box.height } };
        });
        if (!stop) continue;
        // Visible focus: the element and its surroundings look different focused and not.
        const viewport = page.viewportSize()!;
        const x = Math.max(0, stop.box.x - 4);
        const y = Math.max(0, stop.box.y - 4);
        const clip = { x, y, width: Math.min(viewport.width, stop.box.x + stop.box.width + 4) - x, height: Math.min(viewport.height, stop.box.y + stop.box.height + 4) - y };
        const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          el.setAttribute('data-e2e-stop', '');
          el.blur();
        });
        const blurred = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
        // Back where it was, so the next Tab goes on from there.
        await page.evaluate(() => {
          const el = document.querySelector<HTMLElement>('[data-e2e-stop]')!;
          el.removeAttribute('data-e2e-stop');
          el.focus();
        });
        stops.push({ region: stop.region, label: stop.label, visible: clip.width > 0 && clip.height > 0 && !focused.equals(blurred) });
        if (stop.region === 'main' && stops.filter((s) => s.region === 'main').length >= 3) break;
      }
      const where = `${screen.area} at ${at}`;
      expect(stops.filter((s) => !s.visible).map((s) => s.label), `${where}: stops with no visible focus`).toEqual([]);
      // Top bar first, then the navigation (one stop: the area shown), then the area itself.
      const regions = stops.map((s) => s.region).filter((r, i, all) => r !== all[i - 1]);
      expect(regions.slice(0, 3), `${where}: the order of the stops ${JSON.stringify(stops.map((s) => s.label))}`).toEqual(['header', 'navigation', 'main']);
      expect(stops.filter((s) => s.region === 'navigation')).toHaveLength(1);
      expect(stops.find((s) => s.region === 'navigation')!.label).toContain(screen.area);
      // Arrow keys move inside the navigation; Enter opens the area.
      await page.getByRole('navigation', { name: 'Areas' }).getByText(screen.area, { exact: true }).focus();
    }
    const nav = page.getByRole('navigation', { name: 'Areas' });
    await nav.getByText('Search', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(nav.getByText('Library', { exact: true }).locator('xpath=ancestor-or-self::*[@data-area]')).toBeFocused();
    await page.keyboard.press('End');
    await expect(nav.locator('[data-area="settings"]')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(nav.locator('[data-area="search"]')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    // Up from Settings: the last area of the list, Evidence.
    await expect(page.getByRole('main', { name: 'Evidence' })).toBeVisible();
  });
}
