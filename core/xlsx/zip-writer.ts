/**
 * A streaming ZIP writer, just enough for an .xlsx: entries written one after another, each
 * deflated as it arrives (Node's zlib, off the main thread) with a data descriptor after it, so no
 * entry is ever held whole in memory. Sizes are checked against the 4 GiB limit of plain ZIP (an
 * Annex A workbook is tens of megabytes; ZIP64 is not worth its code here).
 */
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import type { DeflateRaw, ZlibOptions } from 'node:zlib';

const LIMIT = 0xffffffff;
/** Write to the file in pieces of about this size: fewer system calls, bounded memory. */
const FLUSH_AT = 1 << 20;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
/** 1980-01-01 00:00 in MS-DOS form: a fixed time keeps two builds of the same data byte-identical. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface ZipEntry {
  /** Adds text (UTF-8) or bytes to the entry; resolves when zlib can take more. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Ends the entry: flushes the deflater and writes the data descriptor. */
  close(): Promise<void>;
}

/** Where the archive's bytes go: a file, or memory (a workbook the app hands back rather than saves). */
export interface ByteSink {
  write(data: Buffer): Promise<unknown>;
  close(): Promise<unknown>;
}

/** Collects the bytes in memory; `bytes()` once finished. */
export class MemorySink implements ByteSink {
  private readonly chunks: Buffer[] = [];
  async write(data: Buffer): Promise<void> {
    this.chunks.push(data);
  }
  async close(): Promise<void> {}
  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

export class ZipWriter {
  private readonly file: ByteSink;
  private readonly records: CentralRecord[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private entryOpen = false;

  private constructor(file: ByteSink) {
    this.file = file;
  }

  /** Creates (or replaces) the file at `path`. */
  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await open(path, 'w'));
  }

  /** Writes into `sink` (a MemorySink, for bytes kept in memory). */
  static into(sink: ByteSink): ZipWriter {
    return new ZipWriter(sink);
  }

  private async emit(chunk: Buffer): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.offset += chunk.length;
    if (this.offset > LIMIT) throw new RangeError('The workbook is larger than 4 GiB, more than a ZIP file without ZIP64 can hold.');
    if (this.pendingBytes >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.file.write(data);
  }

  /** Starts an entry; only one may be open at a time (the archive is written front to back). */
  async entry(name: string, level = 6): Promise<ZipEntry> {
    if (this.entryOpen) throw new Error('ZipWriter: close the open entry before starting another');
    this.entryOpen = true;
    const nameBytes = Buffer.from(name, 'utf8');
    const record: CentralRecord = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    // CRC and sizes (14-25) stay 0: they follow in the data descriptor.
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    await this.emit(header);
    await this.emit(nameBytes);

    // A queue of 1 MiB lets the writer run ahead while zlib compresses on another thread (zlib
    // passes its options on to the stream, though its types do not say so).
    const options: ZlibOptions & { highWaterMark: number } = { level, chunkSize: 64 * 1024, highWaterMark: 1 << 20 };
    const deflate: DeflateRaw = createDeflateRaw(options);
    // The deflater's output is copied to the file as it comes; `drained` ends when the deflater has
    // ended and everything is written, or fails with the first error from either side.
    const drained = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        record.compressed += chunk.length;
        await this.emit(chunk);
      }
    })();
    // A failed write stops the loop and destroys the deflater; writers waiting on it must hear of it.
    let failure: unknown = null;
    drained.catch((error: unknown) => {
      failure = error;
    });
    const check = () => {
      if (failure !== null) throw failure;
    };

    return {
      write: async (chunk) => {
        check();
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        record.crc = crc32(bytes, record.crc);
        record.size += bytes.length;
        if (record.size > LIMIT) throw new RangeError(`${name} is larger than 4 GiB uncompressed, more than a ZIP file without ZIP64 can hold.`);
        if (!deflate.write(bytes)) {
          const stop = new AbortController();
          try {
            await Promise.race([
              once(deflate, 'drain', { signal: stop.signal }),
              // If the copying fails while we wait, the deflater never drains: fail with its error.
              drained.then(() => {
                throw new Error('The deflater ended while the entry was being written.');
              }),
            ]);
          } finally {
            stop.abort();
          }
        }
      },
      close: async () => {
        check();
        deflate.end();
        await drained;
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(record.crc >>> 0, 4);
        descriptor.writeUInt32LE(record.compressed, 8);
        descriptor.writeUInt32LE(record.size, 12);
        await this.emit(descriptor);
        this.records.push(record);
        this.entryOpen = false;
      },
    };
  }

  /** A whole small entry at once (the workbook's XML parts). */
  async add(name: string, content: string | Uint8Array): Promise<void> {
    const entry = await this.entry(name);
    await entry.write(content);
    await entry.close();
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    if (this.entryOpen) throw new Error('ZipWriter: an entry is still open');
    try {
      const start = this.offset;
      for (const r of this.records) {
        const h = Buffer.alloc(46);
        h.writeUInt32LE(0x02014b50, 0);
        h.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
        h.writeUInt16LE(20, 6);
        h.writeUInt16LE(FLAGS, 8);
        h.writeUInt16LE(8, 10);
        h.writeUInt16LE(DOS_TIME, 12);
        h.writeUInt16LE(DOS_DATE, 14);
        h.writeUInt32LE(r.crc >>> 0, 16);
        h.writeUInt32LE(r.compressed, 20);
        h.writeUInt32LE(r.size, 24);
        h.writeUInt16LE(r.name.length, 28);
        // extra, comment, disk, internal and external attributes: 0
        h.writeUInt32LE(r.offset, 42);
        await this.emit(h);
        await this.emit(r.name);
      }
      if (this.records.length > 0xffff) throw new RangeError('Too many entries for a ZIP file without ZIP64.');
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.records.length, 8);
      end.writeUInt16LE(this.records.length, 10);
      end.writeUInt32LE(this.offset - start, 12);
      end.writeUInt32LE(start, 16);
      await this.emit(end);
      await this.flush();
    } finally {
      await this.file.close();
    }
  }

  /** Closes the file without finishing it (after a failure); the caller removes it. */
  async abort(): Promise<void> {
    await this.file.close().catch(() => undefined);
  }
}

