/**
 * The pack's index.html in a real Chromium, opened as people open it: a double-click, so a
 * `file://` page with nothing but the pack's folder around it. A site made from a small pack (the
 * site tests' fixture, with its files written beside it) is checked for what the browser fetches
 * and says, search and filters, links to the files, no JavaScript, and accessibility.
 *
 * It needs no app: it is independent of app-fixture.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { packSiteFiles } from '../../core/pack/site/site.ts';
import { PACK_FILES } from '../../shared/pack.ts';
import { HOSTILE, packFixture } from '../core/pack/site/fixture.ts';
import { expectAccessible } from './axe.ts';

const content = packFixture();
let pack = '';
let indexUrl = '';

/** What each evidence file holds, so a test can tell the right one opened. */
function fileText(i: number): string {
  return `Evidence file ${i}: ${content.items[i].title}`;
}

test.beforeAll(async () => {
  // A folder name with a space, an apostrophe and a # as a shared drive's may have.
  pack = join(mkdtempSync(join(tmpdir(), 'pack-site-')), "Ofsted pack #1 — children's");
  for (const file of await packSiteFiles(content)) {
    mkdirSync(dirname(join(pack, file.path)), { recursive: true });
    writeFileSync(join(pack, file.path), file.bytes);
  }
  content.items.forEach((item, i) => {
    mkdirSync(dirname(join(pack, item.path)), { recursive: true });
    writeFileSync(join(pack, item.path), fileText(i));
  });
  writeFileSync(join(pack, PACK_FILES.workbook), 'not really a workbook');
  indexUrl = pathToFileURL(join(pack, PACK_FILES.index)).href;
});

test.afterAll(() => {
  if (pack) rmSync(dirname(pack), { recursive: true, force: true });
});

/** Everything the page fetched and said while it was watched. */
function watch(page: Page): { requests: string[]; messages: string[] } {
  const seen = { requests: [] as string[], messages: [] as string[] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.messages.push(`page error: ${error.message}`));
  return seen;
}

async function open(page: Page): Promise<void> {
  await page.goto(indexUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Search and filter' })).toBeVisible();
}

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search the evidence' });
const status = (page: Page) => page.getByRole('status');
const results = (page: Page) => page.locator('#results > li');
const row = (page: Page, item: number) => page.locator(`#listing tr[data-item="${item}"]`);

test.describe('the pack opened from file://', () => {
  test('loads only its own files, with its policy in force and nothing in the console', async ({ page }) => {
    const seen = watch(page);
    await open(page);
    await expect(page.getByText('Search and filters need JavaScript')).toBeHidden();
    await search(page).fill('moderation');
    await expect(status(page)).toHaveText('1 item matches “moderation”.');

    expect(seen.requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    const assets = seen.requests.map((url) => fileURLToPath(url)).filter((path) => path.startsWith(join(pack, 'assets')));
    expect(assets.map((path) => path.slice(pack.length + 1).split('\\').join('/')).sort()).toEqual(['assets/lunr.min.js', 'assets/pack.css', 'assets/pack.js', 'assets/search-index.js']);
    expect(seen.messages).toEqual([]);

    // The content security policy is the page's own (not bypassed here): an injected inline script does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "yes"';
      document.head.append(script);
      return document.documentElement.dataset.injected === 'yes';
    });
    expect(ran).toBe(false);
  });

  test('searches as you type, showing each result’s criteria and linking to its file', async ({ page }) => {
    const seen = watch(page);
    await open(page);
    await search(page).fill('audit supervision');
    await expect(status(page)).toHaveText('1 item matches “audit supervision”.');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first()).toContainText('Supervision audit');
    await expect(results(page).first()).toContainText('Serves: L3 Supervision is regular and reflective (key)');

    // The word's start is enough; an item serving several criteria says which.
    await search(page).fill('moder');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first()).toContainText('Serves: L1 Leaders know their services well (key); L1.1 Audit findings change practice (supporting); CL1 Pathway plans are up to date (supporting)');
    await expect(page.locator('#listing')).toBeHidden();

    // Hostile text is shown as text.
    await search(page).fill('svg');
    await expect(results(page).first().getByRole('link')).toHaveText(HOSTILE.title);

    // Queries lunr cannot read do not fail.
    for (const query of ['title:', '*', '~', '"unclosed', '+-', 'audit^x']) {
      await search(page).fill(query);
      await expect(status(page)).not.toBeEmpty();
    }
    await search(page).fill('zzzz');
    await expect(status(page)).toHaveText('No matches for “zzzz”. Try fewer words, or other ones.');
    await expect(results(page)).toHaveCount(0);

    // Clearing the box brings the listing back.
    await search(page).fill('');
    await expect(page.locator('#listing')).toBeVisible();
    await expect(status(page)).toBeEmpty();
    expect(seen.messages).toEqual([]);
  });

  test('a result opens its file, whatever characters its name holds', async ({ page }) => {
    await open(page);
    for (const [query, item] of [
      ['moderation', 0],
      ['svg', 1],
      ['unicode', 2],
    ] as const) {
      await search(page).fill(query);
      const link = results(page).first().getByRole('link');
      await expect(link).toHaveText(content.items[item].title.trim());
      await link.click();
      await expect(page.locator('body')).toHaveText(fileText(item));
      expect(fileURLToPath(page.url())).toBe(join(pack, content.items[item].path));
      await page.goBack();
      await expect(search(page)).toBeVisible();
    }
  });

  test('the listing’s links open the files too, and the Excel index', async ({ page }) => {
    await open(page);
    await row(page, 0).first().getByRole('link').click();
    await expect(page.locator('body')).toHaveText(fileText(0));
    await page.goBack();
    const workbook = page.getByRole('link', { name: PACK_FILES.workbook });
    expect(fileURLToPath(new URL((await workbook.getAttribute('href')) ?? '', indexUrl))).toBe(join(pack, PACK_FILES.workbook));
  });

  test('filters by team, status and judgement, alone and with a search', async ({ page }) => {
    const seen = watch(page);
    await open(page);
    const team = page.getByRole('combobox', { name: 'Team' });
    const status_ = page.getByRole('combobox', { name: 'Status' });
    const judgement = page.getByRole('combobox', { name: 'Judgement' });

    await team.selectOption({ label: 'Quality Assurance' });
    await expect(status(page)).toHaveText('These filters leave 2 items under 4 criteria.');
    await expect(row(page, 1)).toBeHidden();
    await expect(row(page, 0)).toHaveCount(3);
    await expect(row(page, 3)).toBeVisible();
    await expect(page.locator('#c1-3')).toBeHidden(); // a gap, hidden while a team is chosen

    await judgement.selectOption({ label: 'The experiences and progress of care leavers' });
    await expect(status(page)).toHaveText('These filters leave 1 item under 1 criterion.');
    await expect(page.locator('#j1')).toBeHidden();
    await expect(page.locator('#c2-1 tr[data-item="0"]')).toBeVisible();
    await expect(page.locator('#c2-1 tr[data-item="2"]')).toBeHidden();

    // With a search, the filters narrow the results.
    await search(page).fill('audit');
    await expect(status(page)).toHaveText('1 item matches “audit” with these filters.');
    await judgement.selectOption({ label: 'All judgements' });
    await expect(status(page)).toHaveText('2 items match “audit” with these filters.');
    await expect(results(page).getByRole('link')).toHaveText(['Supervision audit', 'Quality assurance framework']);

    await team.selectOption({ label: 'All teams' });
    await status_.selectOption({ label: 'Past review date' });
    await expect(results(page).getByRole('link')).toHaveText([HOSTILE.title]);

    // A judgement alone keeps its gaps in view.
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(search(page)).toBeFocused();
    await judgement.selectOption({ label: 'The impact of leaders on social work practice' });
    await expect(page.locator('#c1-3')).toBeVisible();
    await expect(page.locator('#c1-3')).toContainText('No evidence in this pack');
    await expect(page.locator('#j2')).toBeHidden();
    expect(seen.messages).toEqual([]);
  });

  test('is usable from the keyboard: skip link, search, filters', async ({ page }) => {
    await open(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the evidence' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(search(page)).toBeFocused();
    await page.keyboard.type('pathway');
    await expect(status(page)).toHaveText('2 items match “pathway”.');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Judgement' })).toBeFocused();
  });

  test('prints the whole pack, whatever is filtered on screen', async ({ page }) => {
    await open(page);
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Care Leavers' });
    await expect(row(page, 1)).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(row(page, 1)).toBeVisible();
    await expect(page.locator('#finder')).toBeHidden();
    await expect(page.locator('#c1-3 .gap')).toBeVisible();
  });
});

test.describe('the pack with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('lists everything, links to the files, and hides the search it cannot run', async ({ page }) => {
    const seen = watch(page);
    await page.goto(indexUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evidence pack: ILACS 2026');
    await expect(page.locator('#listing tr.item')).toHaveCount(7);
    await expect(page.locator('.gap')).toHaveCount(2);
    await expect(page.locator('#finder')).toBeHidden();
    await expect(page.getByText('Search and filters need JavaScript')).toBeVisible();
    await row(page, 2).getByRole('link').click();
    await expect(page.locator('body')).toHaveText(fileText(2));
    expect(seen.requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(seen.messages).toEqual([]);
  });
});

test.describe('the pack for everyone', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`passes axe in ${colorScheme} mode: listing, results, filtered`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page);
      await expectAccessible(page, `listing (${colorScheme})`);
      await search(page).fill('audit');
      await expect(results(page)).toHaveCount(3);
      await expectAccessible(page, `results (${colorScheme})`);
      await search(page).fill('');
      await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Past review date' });
      await expectAccessible(page, `filtered (${colorScheme})`);
    });
  }
});
