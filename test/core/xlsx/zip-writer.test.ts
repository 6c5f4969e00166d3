import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../core/xlsx/zip-writer.ts';
import { tempDir } from '../../helpers/temp.ts';

interface Central {
  name: string;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The central directory, parsed by hand so the test does not trust any one reader. */
function centralDirectory(bytes: Buffer): Central[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const out: Central[] = [];
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = bytes.readUInt16LE(at + 28);
    out.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      crc: bytes.readUInt32LE(at + 16),
      compressed: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return out;
}

describe('ZipWriter', () => {
  it('writes entries any reader can open, with true CRCs and sizes', async () => {
    const path = join(tempDir(), 'test.zip');
    const zip = await ZipWriter.create(path);
    await zip.add('small.xml', '<a>é</a>');
    // A large entry written in many pieces: more than the file buffer, the deflater's window and its queue.
    const big = await zip.entry('xl/worksheets/sheet1.xml');
    const pieces: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const piece = `<row r="${i}"><c><v>${(i * 7919) % 100_003}</v></c></row>`;
      pieces.push(piece);
      await big.write(piece);
    }
    await big.close();
    await zip.add('empty.txt', '');
    await zip.finish();

    const bytes = readFileSync(path);
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries)).toEqual(['small.xml', 'xl/worksheets/sheet1.xml', 'empty.txt']);
    expect(Buffer.from(entries['small.xml']).toString('utf8')).toBe('<a>é</a>');
    expect(Buffer.from(entries['xl/worksheets/sheet1.xml']).toString('utf8')).toBe(pieces.join(''));
    expect(entries['empty.txt'].length).toBe(0);

    for (const c of centralDirectory(bytes)) {
      expect(bytes.readUInt32LE(c.offset)).toBe(0x04034b50);
      const nameLength = bytes.readUInt16LE(c.offset + 26);
      const dataAt = c.offset + 30 + nameLength;
      const data = inflateRawSync(bytes.subarray(dataAt, dataAt + c.compressed));
      expect(data.length, c.name).toBe(c.size);
      expect(crc32(data) >>> 0, c.name).toBe(c.crc);
      // The data descriptor after the data repeats them.
      expect(bytes.readUInt32LE(dataAt + c.compressed)).toBe(0x08074b50);
      expect(bytes.readUInt32LE(dataAt + c.compressed + 4)).toBe(c.crc);
    }
  });

  it('refuses a second entry while one is open', async () => {
    const zip = await ZipWriter.create(join(tempDir(), 'test.zip'));
    await zip.entry('a.xml');
    await expect(zip.entry('b.xml')).rejects.toThrow(/close the open entry/u);
    await zip.abort();
  });
});
