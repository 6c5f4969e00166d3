/**
 * The pack's `index.html`, rendered here in full: the evidence by judgement and criterion, gaps
 * included, readable and printable with JavaScript turned off. `assets/pack.js` only adds the
 * search and the filters (the section that holds them stays hidden without it).
 *
 * Every text from the model goes through `html` (./html.ts), which escapes it; links to files are
 * relative and percent-encoded (`packHref`), so the pack works wherever its folder is copied.
 */
import { PACK_FILES } from '../../../shared/pack.ts';
import type { PackContent, PackItem, PackLink } from '../model.ts';
import { STATUS_LABEL, STRENGTH_LABEL, britishDate, count, fileSize, isIsoDate, packHref, ukDateAndTime } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import type { OutlineCriterion, OutlineJudgement, PackOutline } from './outline.ts';

/**
 * The page's content security policy: nothing but its own stylesheet and classic scripts, loaded
 * from files beside it. In Chromium (Edge, Chrome) `'self'` on a `file:` page matches other `file:`
 * URLs, and so does `file:`, named too so a `file://server/share/…` page (a UNC path) or another
 * browser does not depend on how it reads `'self'` there (test/e2e/pack-site.spec.ts checks the
 * page loads with no console error). No inline script or style, no eval, no images, fonts or
 * network, no plug-ins, no forms, no `<base>`. (`frame-ancestors` and `sandbox` are not allowed
 * in a `<meta>` policy: the browser would only log an error.)
 */
export const PACK_CSP = [
  "default-src 'none'",
  "script-src 'self' file:",
  "style-src 'self' file:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** The site's assets, as the page loads them (paths inside the pack). */
export const SITE_ASSETS = {
  css: `${PACK_FILES.assets}/pack.css`,
  lunr: `${PACK_FILES.assets}/lunr.min.js`,
  index: `${PACK_FILES.assets}/search-index.js`,
  script: `${PACK_FILES.assets}/pack.js`,
} as const;

/** Element ids the script looks for (assets/pack.js uses the same names). */
export const SITE_IDS = {
  finder: 'finder',
  query: 'search-query',
  judgement: 'filter-judgement',
  team: 'filter-team',
  status: 'filter-status',
  clear: 'filter-clear',
  message: 'finder-status',
  results: 'results',
  listing: 'listing',
  /** Says the search needs JavaScript: the script hides it (so it also shows when the script could not run). */
  noScript: 'no-script',
} as const;

/** The value of the status filter's "past review date" option (items' `data-stale`). */
export const STALE_FILTER = 'stale';
/** The value of the team filter's option for items without a team. */
export const NO_TEAM_FILTER = 'none';

function judgementsList(content: PackContent): string {
  return content.judgements.map((j) => j.title).join('; ') || 'None';
}

/** A date day first, in `<time>` when it is one; `None` when there is none. */
function dateCell(value: string | null): SafeHtml {
  if (value === null || value === '') return html`<span class="none">None</span>`;
  return isIsoDate(value) ? html`<time datetime="${value}">${britishDate(value)}</time>` : html`${value}`;
}

function statusCell(item: PackItem): SafeHtml {
  return html`${STATUS_LABEL[item.status] ?? item.status}${item.stale ? html` <span class="flag flag-stale">Past review date</span>` : ''}`;
}

function fileLine(item: PackItem): SafeHtml {
  const facts = [item.format, fileSize(item.bytes)].filter((fact) => fact !== '').join(' · ');
  return html`<p class="file"><span class="file-path">${item.path || item.fileName}</span>${facts ? html` <span class="file-facts">(${facts})</span>` : ''}</p>`;
}

function itemTitle(item: PackItem): string {
  return item.title.trim() || item.fileName || 'Untitled evidence';
}

/** One item's row; `link` is how it serves the criterion it is listed under (null outside any). */
function itemRow(content: PackContent, outline: PackOutline, index: number, link: PackLink | null): SafeHtml {
  const item = content.items[index];
  const team = outline.teamOf[index];
  const href = packHref(item.path);
  return html`<tr class="item" data-item="${index}" data-team="${team < 0 ? NO_TEAM_FILTER : team}" data-status="${item.status}"${item.stale ? html` data-stale="1"` : ''}>
<td class="evidence">${href ? html`<a class="title" href="${href}">${itemTitle(item)}</a>` : html`<span class="title">${itemTitle(item)}</span>`}
${item.summary.trim() ? html`<p class="summary">${item.summary}</p>` : ''}
${link && link.note.trim() ? html`<p class="note"><span class="label">Note:</span> ${link.note}</p>` : ''}
${fileLine(item)}${item.changedSinceTagged ? html`<p class="flag flag-changed">The file changed after it was tagged: check it still shows this</p>` : ''}</td>
<td>${item.team.trim() ? item.team : html`<span class="none">None</span>`}</td>
<td>${dateCell(item.evidenceDate)}</td>
<td>${dateCell(item.reviewBy)}</td>
<td>${statusCell(item)}</td>
${link ? html`<td>${STRENGTH_LABEL[link.strength] ?? link.strength}</td>` : ''}
</tr>
`;
}

function itemsTable(content: PackContent, outline: PackOutline, labelledBy: string, rows: { item: number; link: PackLink | null }[], withStrength: boolean): SafeHtml {
  return html`<table class="items" aria-labelledby="${labelledBy}">
<thead><tr><th scope="col" class="col-evidence">Evidence</th><th scope="col">Team</th><th scope="col">Dated</th><th scope="col">Review by</th><th scope="col">Status</th>${withStrength ? html`<th scope="col">Strength</th>` : ''}</tr></thead>
<tbody>
${rows.map((row) => itemRow(content, outline, row.item, row.link))}</tbody>
</table>
`;
}

/** Heading levels for a judgement's criteria: h3 for the top level, one deeper per level, never skipping one, h6 at most. */
function headingLevels(criteria: OutlineCriterion[]): number[] {
  let previous = 2;
  return criteria.map((c) => {
    const level = Math.min(3 + Math.max(0, c.depth), previous + 1, 6);
    previous = level;
    return level;
  });
}

/** A criterion's heading at its level (3 to 6). */
function heading(level: number, id: string, content: SafeHtml): SafeHtml {
  switch (level) {
    case 3:
      return html`<h3 id="${id}">${content}</h3>`;
    case 4:
      return html`<h4 id="${id}">${content}</h4>`;
    case 5:
      return html`<h5 id="${id}">${content}</h5>`;
    default:
      return html`<h6 id="${id}">${content}</h6>`;
  }
}

function criterionBlock(content: PackContent, outline: PackOutline, c: OutlineCriterion, level: number): SafeHtml {
  const titleId = `${c.anchor}-title`;
  const body = c.links.length
    ? itemsTable(content, outline, titleId, c.links.map((link) => ({ item: link.item, link })), true)
    : html`<p class="gap">No evidence in this pack</p>\n`;
  return html`<div class="criterion depth-${Math.min(c.depth, 3)}${c.links.length ? '' : ' is-gap'}" id="${c.anchor}" data-criterion="${c.ref}">
${heading(level, titleId, html`<span class="criterion-id">${c.id}</span> ${c.title}`)}
${body}</div>
`;
}

function judgementSection(content: PackContent, outline: PackOutline, j: OutlineJudgement, index: number): SafeHtml {
  const levels = headingLevels(j.criteria);
  return html`<section class="judgement" id="${j.anchor}" data-judgement="${index}" aria-labelledby="${j.anchor}-title">
<h2 id="${j.anchor}-title">${j.title}</h2>
<p class="judgement-counts">${count(j.items, 'evidence item', 'evidence items')} under ${count(j.criteria.length, 'criterion', 'criteria')}: ${count(j.withEvidence, 'criterion', 'criteria')} with evidence, ${count(j.gaps, 'gap', 'gaps')}.</p>
${j.criteria.map((c, k) => criterionBlock(content, outline, c, levels[k]))}</section>
`;
}

function unlinkedSection(content: PackContent, outline: PackOutline): SafeHtml {
  if (outline.unlinked.length === 0) return html``;
  return html`<section class="judgement unlinked" id="other" data-judgement="other" aria-labelledby="other-title">
<h2 id="other-title">Other evidence in this pack</h2>
<p class="judgement-counts">${count(outline.unlinked.length, 'item is', 'items are')} in the pack without being tagged against a criterion in scope.</p>
${itemsTable(content, outline, 'other-title', outline.unlinked.map((item) => ({ item, link: null })), false)}</section>
`;
}

function header(content: PackContent, outline: PackOutline): SafeHtml {
  const made = ukDateAndTime(content.createdAt);
  const { totals } = outline;
  const framework = content.framework.version ? `${content.framework.title} (version ${content.framework.version})` : content.framework.title;
  const attention = [totals.stale ? `${count(totals.stale, 'item', 'items')} past the review date` : '', totals.changed ? `${count(totals.changed, 'file', 'files')} changed after tagging` : ''].filter(Boolean);
  const extras: SafeHtml[] = [html`<li><a href="${packHref(PACK_FILES.workbook)}">${PACK_FILES.workbook}</a>: the same list for Excel, one row per item and criterion</li>`];
  if (content.extras.selfEvaluation) extras.push(html`<li><a href="${packHref(content.extras.selfEvaluation)}">The self-evaluation</a> (Word)</li>`);
  if (content.extras.annexa) {
    extras.push(html`<li><a href="${packHref(content.extras.annexa.path)}">The Annex A workbook</a>${content.extras.annexa.pseudonymised ? ' (pseudonymised)' : ' (child-level data: for the inspection team only)'}</li>`);
  }
  return html`<header class="pack-header">
<h1>Evidence pack: ${content.framework.title}</h1>
<p class="made">${made ? html`Made on <time datetime="${content.createdAt}">${made.date} at ${made.time}</time> (UK time)` : html`Made ${content.createdAt}`} with Evidence Store ${content.appVersion}.</p>
<dl class="scope">
<div><dt>Framework</dt><dd>${framework}</dd></div>
<div><dt>Judgements</dt><dd>${judgementsList(content)}</dd></div>
<div><dt>Statuses</dt><dd>${content.statuses.map((s) => STATUS_LABEL[s] ?? s).join(', ') || 'None'}</dd></div>
<div><dt>Evidence</dt><dd>${count(totals.items, 'item', 'items')} in ${count(totals.files, 'file', 'files')}</dd></div>
<div><dt>Criteria</dt><dd>${count(totals.criteria, 'criterion', 'criteria')}: ${count(totals.withEvidence, 'with evidence', 'with evidence')}, ${count(totals.gaps, 'gap', 'gaps')} (no evidence in this pack)</dd></div>
${attention.length ? html`<div><dt>Needs a look</dt><dd>${attention.join('; ')}</dd></div>` : ''}
</dl>
<h2 class="also-title">Also in this pack</h2>
<ul class="also">
${extras.map((e) => html`${e}\n`)}</ul>
</header>
`;
}

function contents(outline: PackOutline): SafeHtml {
  return html`<nav class="contents" aria-labelledby="contents-title">
<h2 id="contents-title">Contents</h2>
<ol>
${outline.judgements.map((j) => html`<li><a href="#${j.anchor}">${j.title}</a> <span class="counts">${count(j.items, 'item', 'items')}, ${count(j.gaps, 'gap', 'gaps')}</span></li>\n`)}${outline.unlinked.length ? html`<li><a href="#other">Other evidence in this pack</a> <span class="counts">${count(outline.unlinked.length, 'item', 'items')}</span></li>\n` : ''}</ol>
</nav>
`;
}

/** The search box and the filters: hidden until assets/pack.js shows them (they need it). */
function finder(content: PackContent, outline: PackOutline): SafeHtml {
  const statusOptions = outline.statuses.map((s) => html`<option value="${s}">${STATUS_LABEL[s] ?? s}</option>`);
  if (outline.totals.stale) statusOptions.push(html`<option value="${STALE_FILTER}">Past review date</option>`);
  const teamOptions = outline.teams.map((team, i) => html`<option value="${i}">${team}</option>`);
  if (outline.totals.noTeam) teamOptions.push(html`<option value="${NO_TEAM_FILTER}">No team given</option>`);
  return html`<section class="finder" id="${SITE_IDS.finder}" aria-labelledby="finder-title" hidden>
<h2 id="finder-title">Search and filter</h2>
<div class="finder-controls" role="search">
<div class="field field-query"><label for="${SITE_IDS.query}">Search the evidence</label>
<input type="search" id="${SITE_IDS.query}" spellcheck="false" aria-describedby="search-hint"></div>
<div class="field"><label for="${SITE_IDS.judgement}">Judgement</label>
<select id="${SITE_IDS.judgement}"><option value="">All judgements</option>${content.judgements.map((j, i) => html`<option value="${i}">${j.title}</option>`)}${outline.unlinked.length ? html`<option value="other">Other evidence</option>` : ''}</select></div>
<div class="field"><label for="${SITE_IDS.team}">Team</label>
<select id="${SITE_IDS.team}"><option value="">All teams</option>${teamOptions}</select></div>
<div class="field"><label for="${SITE_IDS.status}">Status</label>
<select id="${SITE_IDS.status}"><option value="">All statuses</option>${statusOptions}</select></div>
<div class="field field-button"><button type="button" id="${SITE_IDS.clear}">Clear search and filters</button></div>
</div>
<p class="hint" id="search-hint">Searches titles, what items show, criteria, notes, teams, file names and the start of each document’s text. Items must have all the words; the start of a word finds the whole word (<kbd>safeg</kbd> finds safeguarding), and <kbd>-word</kbd> leaves out items with that word.</p>
<p class="finder-status" id="${SITE_IDS.message}" role="status"></p>
<ol class="results" id="${SITE_IDS.results}" aria-label="Search results" hidden></ol>
</section>
`;
}

/** The whole page. */
export function renderIndexHtml(content: PackContent, outline: PackOutline): string {
  const made = ukDateAndTime(content.createdAt);
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PACK_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Evidence Store ${content.appVersion}">
<title>Evidence pack: ${content.framework.title}${made ? `, ${made.date}` : ''}</title>
<link rel="stylesheet" href="${SITE_ASSETS.css}">
<script src="${SITE_ASSETS.lunr}" defer></script>
<script src="${SITE_ASSETS.index}" defer></script>
<script src="${SITE_ASSETS.script}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to the evidence</a>
${header(content, outline)}${contents(outline)}<main id="main" tabindex="-1">
${finder(content, outline)}<p class="no-script" id="${SITE_IDS.noScript}">Search and filters need JavaScript, which is off or blocked here: the whole pack is listed below.</p>
<div class="listing" id="${SITE_IDS.listing}">
${outline.judgements.map((j, i) => judgementSection(content, outline, j, i))}${unlinkedSection(content, outline)}</div>
</main>
<footer class="pack-footer"><p>Made with Evidence Store ${content.appVersion}. The files are copies taken when the pack was made; the originals stay where they were.</p></footer>
</body>
</html>
`.value;
}
