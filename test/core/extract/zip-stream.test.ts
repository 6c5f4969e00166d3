import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, ExtractError } from '../../../core/extract/types.ts';
import { parseZipXml, readZipDirectory, streamZipEntry } from '../../../core/extract/zip-stream.ts';

describe('streaming zip entries', () => {
  it('lists entries from the central directory and inflates one in chunks', () => {
    // Text that barely compresses, so the compressed entry spans several input slices.
    const big = Array.from(randomBytes(300_000), (b) => String.fromCharCode(97 + (b % 26))).join('');
    const zip = zipSync({ 'a.txt': strToU8('small'), 'big.txt': strToU8(big), 'stored.txt': [strToU8('kept as is'), { level: 0 }] });
    const directory = readZipDirectory(zip);
    expect([...directory.keys()]).toEqual(['a.txt', 'big.txt', 'stored.txt']);
    const chunks: Uint8Array[] = [];
    streamZipEntry(zip, directory.get('big.txt')!, DEFAULT_LIMITS, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString()).toBe(big);
    const stored: Uint8Array[] = [];
    streamZipEntry(zip, directory.get('stored.txt')!, DEFAULT_LIMITS, (c) => stored.push(c));
    expect(Buffer.concat(stored).toString()).toBe('kept as is');
  });

  it('refuses an entry over the ratio limit before inflating it', () => {
    const zip = zipSync({ 'bomb.xml': strToU8('0'.repeat(4 * 1024 * 1024)) });
    let called = false;
    const run = () => streamZipEntry(zip, readZipDirectory(zip).get('bomb.xml')!, DEFAULT_LIMITS, () => (called = true));
    expect(run).toThrow(ExtractError);
    expect(run).toThrow(/zip bomb: bomb\.xml claims/);
    expect(called).toBe(false);
  });

  it('stops an entry that inflates past the size its directory entry declares', () => {
    const zip = zipSync({ 'x.xml': strToU8('<a>' + 'abc'.repeat(10_000) + '</a>') });
    // Lower the declared size in the central directory (offset 24 of the entry record).
    const view = new DataView(zip.buffer);
    const central = zip.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    expect(() => streamZipEntry(zip, readZipDirectory(zip).get('x.xml')!, DEFAULT_LIMITS, () => {})).toThrow(/inflates past its declared 100 bytes/);
  });

  it('parses XML across chunk boundaries, multi-byte characters included', () => {
    const xml = `<r>${'<t>café 模範</t>'.repeat(20_000)}</r>`;
    const zip = zipSync({ 'p.xml': strToU8(xml) });
    let text = '';
    const found = parseZipXml(zip, readZipDirectory(zip), 'p.xml', DEFAULT_LIMITS, { text: (t) => (text += t) });
    expect(found).toBe(true);
    expect(text).toBe('café 模範'.repeat(20_000));
    expect(parseZipXml(zip, readZipDirectory(zip), 'missing.xml', DEFAULT_LIMITS, {})).toBe(false);
  });

  it('reports bytes without a central directory as corrupt', () => {
    expect(() => readZipDirectory(strToU8('PK\u0003\u0004 not really a zip'))).toThrow(/not a readable zip archive/);
  });
});
