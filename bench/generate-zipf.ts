/**
 * `npm run bench:generate-zipf -- <folder> [--docs 50000]`: plain-text documents whose words follow a
 * Zipf law over a children's-services vocabulary, for the search benchmark (issue 11). Common words
 * ("child", "care", "plan", "family") land in nearly every document, rare made-up words in a few,
 * and a handful of two-word phrases ("care plan") are drawn as one unit so phrase queries have real
 * work to do. Deterministic: the same arguments make the same tree.
 *
 * Files go in <team>/<year>/ folders, with modified times inside that year (utimes), so folder:,
 * type: and modified: filters have something to select. One in twenty is Markdown.
 */
import { mkdirSync, writeFileSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { docs: { type: 'string', default: '50000' }, vocabulary: { type: 'string', default: '30000' } },
});
if (!positionals[0]) {
  console.error('Usage: npm run bench:generate-zipf -- <folder> [--docs 50000] [--vocabulary 30000]');
  process.exit(2);
}
const root = resolve(positionals[0]);
const count = Number(values.docs);
const vocabularySize = Number(values.vocabulary);

// Real words first, most common first: their Zipf rank is their place here.
const COMMON = (
  'child care plan family social worker children young person support safeguarding review assessment ' +
  'meeting parents school needs health placement team manager home mother father case visit court ' +
  'protection service concerns risk education contact police report oversight decision quality practice ' +
  'referral strategy conference agency outcome record timescale audit supervision care_plan child_protection ' +
  'looked_after early help front door partner nurse carer foster kinship adoption permanence stability ' +
  'missing exploitation neglect domestic abuse voice wishes feelings advocate independent reviewing officer ' +
  'statutory threshold escalation leaving leaver pathway accommodation housing employment training'
).split(' ');
// Words that share short prefixes with many made-up words, so "cor*" and "nor*" expand widely.
const PREFIXED = 'core corporate court coram correspondence corridor north normal norfolk noreen northern normally'.split(' ');
const SYLLABLES = 'ba be bi bo da de di do fa fe ga go ha he ka ke la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve wa we ya yo cor nor mar ten bad un dun len rin sol tam vik'.split(' ');
/** Never generated, so a query for it matches no word and the inside-word search runs. */
const ABSENT = 'tenbadun';

let seed = 20261201;
function random(): number {
  // mulberry32: small, fast and good enough for test data.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function buildVocabulary(): string[] {
  const words = [...COMMON, ...PREFIXED];
  const seen = new Set(words);
  seen.add(ABSENT);
  // "marlo" is a rare word of its own (the example), placed around rank 2,000.
  while (words.length < vocabularySize) {
    if (words.length === 2000) {
      words.push('marlo');
      seen.add('marlo');
      continue;
    }
    const parts = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // care_plan → "care plan": drawn as one unit so the phrase occurs as often as a common word.
  return words.map((w) => w.replaceAll('_', ' '));
}

const vocabulary = buildVocabulary();
// Cumulative Zipf weights (exponent 1.0) for sampling by binary search.
const cumulative = new Float64Array(vocabulary.length);
{
  let sum = 0;
  for (let r = 0; r < vocabulary.length; r++) cumulative[r] = sum += 1 / (r + 1);
  for (let r = 0; r < vocabulary.length; r++) cumulative[r] /= sum;
}
function word(): string {
  const u = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo];
}

const TEAMS = ['Front Door', 'Assessment', 'Child Protection', 'Children in Care', 'Care Leavers', 'Fostering', 'Adoption', 'Quality Assurance', 'Performance', 'Early Help', 'Youth Justice', 'Workforce'];
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

function documentText(): string {
  // Lengths from about 150 to 3,000 words, most near 500.
  const length = Math.round(150 * Math.exp(random() * random() * 3));
  const sentences: string[] = [];
  let words = 0;
  while (words < length) {
    const n = 8 + Math.floor(random() * 14);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(word());
    const s = parts.join(' ');
    sentences.push(s[0].toUpperCase() + s.slice(1) + '.');
    words += n;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  return paragraphs.join('\n\n');
}

const started = performance.now();
let bytes = 0;
for (let i = 0; i < count; i++) {
  const team = TEAMS[i % TEAMS.length];
  const year = YEARS[Math.floor(i / TEAMS.length) % YEARS.length];
  const dir = join(root, team, String(year), `batch-${Math.floor(i / 1000)}`);
  if (i % 1000 < TEAMS.length * YEARS.length) mkdirSync(dir, { recursive: true });
  const markdown = i % 20 === 7;
  const title = `${word()} ${word()} ${word()}`;
  const text = (markdown ? `# ${title}\n\n` : '') + documentText();
  const file = join(dir, `${title.replaceAll(' ', '-')}-${i}.${markdown ? 'md' : 'txt'}`);
  writeFileSync(file, text);
  const when = new Date(Date.UTC(year, 0, 1) + random() * 364 * 86_400_000);
  utimesSync(file, when, when);
  bytes += Buffer.byteLength(text);
  if ((i + 1) % 10_000 === 0) console.error(`${i + 1} documents…`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`Wrote ${count} documents (${(bytes / 1e6).toFixed(1)} MB of text) to ${root} in ${seconds.toFixed(1)} s.`);
