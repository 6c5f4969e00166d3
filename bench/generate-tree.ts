/**
 * `npm run bench:generate -- <folder> [--files 10000]`: a synthetic evidence tree of mixed files
 * (PDF, DOCX, text, CSV, HTML) in nested team folders, for benchmarking at scale. Deterministic:
 * the same arguments make the same tree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPdf } from '../test/fixtures/extract/build-pdf.ts';
import { buildDocx, p } from '../test/fixtures/extract/build-docx.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: 'string', default: '10000' } } });
if (!positionals[0]) {
  console.error('Usage: npm run bench:generate -- <folder> [--files 10000]');
  process.exit(2);
}
const root = resolve(positionals[0]);
const count = Number(values.files);

const WORDS = (
  'child children care plan review visit statutory supervision audit practice quality assurance leaving leavers ' +
  'placement stability permanence adoption fostering kinship residential safeguarding protection conference strategy ' +
  'assessment referral contact front door early help family hub neglect exploitation missing education health ' +
  'social worker manager caseload oversight management board partnership police school nurse independent reviewing ' +
  'officer advocate voice participation feedback complaint outcome improvement action recommendation inspection ' +
  'ofsted judgement evidence workforce recruitment retention agency training learning priority performance data'
).split(' ');
const TEAMS = ['Front Door', 'Assessment', 'Child Protection', 'Children in Care', 'Care Leavers', 'Fostering', 'Quality Assurance', 'Performance'];

let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
const sentence = () => {
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => pick(WORDS));
  return words[0][0].toUpperCase() + words.join(' ').slice(1) + '.';
};
const paragraph = () => Array.from({ length: 3 + Math.floor(rand() * 5) }, sentence).join(' ');
// Latin-1 line wrapping for the tiny PDF writer.
const pdfPage = () => paragraph().replace(/(.{1,90})(\s|$)/gu, '$1\n').trim();

const started = performance.now();
let bytes = 0;
for (let i = 0; i < count; i++) {
  const team = TEAMS[i % TEAMS.length];
  const dir = join(root, team, String(2019 + (i % 7)), `batch-${Math.floor(i / 250)}`);
  mkdirSync(dir, { recursive: true });
  const kind = i % 10;
  let name: string;
  let data: Uint8Array | string;
  if (kind < 3) {
    name = `report-${i}.pdf`;
    data = buildPdf({ pages: Array.from({ length: 1 + Math.floor(rand() * 6) }, pdfPage), info: { title: `${team} report ${i}` } });
  } else if (kind < 6) {
    name = `minutes-${i}.docx`;
    data = buildDocx({ body: Array.from({ length: 4 + Math.floor(rand() * 10) }, () => p(paragraph())).join(''), core: { title: `${team} minutes ${i}` } });
  } else if (kind < 8) {
    name = `notes-${i}.txt`;
    data = Array.from({ length: 3 + Math.floor(rand() * 8) }, paragraph).join('\n\n');
  } else if (kind === 8) {
    name = `data-${i}.csv`;
    data = 'ref,team,measure,value\n' + Array.from({ length: 50 }, (_, r) => `A${i}-${r},${team},${pick(WORDS)},${Math.floor(rand() * 1000)}`).join('\n');
  } else {
    name = `page-${i}.html`;
    data = `<!doctype html><html><head><title>${team} ${i}</title><style>p{}</style></head><body><h1>${sentence()}</h1><p>${paragraph()}</p><p>${paragraph()}</p></body></html>`;
  }
  writeFileSync(join(dir, name), data);
  bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}
console.log(`${count} files, ${(bytes / 1e6).toFixed(1)} MB in ${root} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
