/**
 * PDFium compiled to WebAssembly (`@embedpdf/pdfium`): one instance per thread, made on the first
 * PDF and reused for every PDF after it.
 *
 * Everything PDFium allocates lives in the instance's own linear memory, which the JavaScript heap
 * limit of a worker does not cover and which never shrinks. So this module caps how far that memory
 * may grow, throws the instance away (and makes a fresh one from the already compiled code) when a
 * large document has left it big, and also after a crash inside it, when PDFium's own state can no
 * longer be trusted.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resourceLimits } from 'node:worker_threads';

/** The PDFium calls the extractor uses, as `@embedpdf/pdfium` wraps them (pointers are numbers). */
export interface PdfiumCalls {
  FPDF_LoadMemDocument(data: number, size: number, password: string | null): number;
  FPDF_GetLastError(): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_GetPageCount(doc: number): number;
  FPDF_GetMetaText(doc: number, tag: string, buffer: number, length: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetText(textPage: number, start: number, count: number, buffer: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
}

const CALLS: ReadonlyArray<keyof PdfiumCalls> = [
  'FPDF_LoadMemDocument', 'FPDF_GetLastError', 'FPDF_CloseDocument', 'FPDF_GetPageCount', 'FPDF_GetMetaText',
  'FPDF_LoadPage', 'FPDF_ClosePage', 'FPDFText_LoadPage', 'FPDFText_ClosePage', 'FPDFText_CountChars', 'FPDFText_GetText',
  'FPDFText_GetUnicode',
];

/** One PDFium instance as the extractor sees it: the calls, and its memory in and out. */
export interface Pdfium extends PdfiumCalls {
  /** Copy bytes into PDFium's memory; the pointer must be given back to `free`. */
  copyIn(bytes: Uint8Array): number;
  /** `size` bytes of PDFium's memory (never 0: a refused allocation throws PdfiumStopped). */
  allocate(size: number): number;
  free(pointer: number): void;
  /** `units` UTF-16LE code units at `pointer`, as a string. */
  readUtf16(pointer: number, units: number): string;
}

/**
 * PDFium could not go on with a file: it crashed inside a call (a trap, an abort, a stack
 * overflow) or ran out of the memory it is allowed.
 */
export class PdfiumStopped extends Error {
  /** True when it ran out of the memory it is allowed (see MEMORY_CAP_BYTES). */
  readonly outOfMemory: boolean;
  constructor(cause: unknown, outOfMemory: boolean) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PdfiumStopped';
    this.outOfMemory = outOfMemory;
  }
}

/**
 * How far PDFium's memory may grow: the same as the worker's JavaScript heap limit (the pool sets
 * it; 1024 MB on the main thread, as the pool's default). Past it, an allocation fails and PDFium
 * aborts the file instead of taking the machine's memory.
 */
const MEMORY_CAP_BYTES = (resourceLimits.maxOldGenerationSizeMb || 1024) * 1024 * 1024;

/** After a document leaves the memory bigger than this, the next one gets a fresh instance. */
const RECYCLE_BYTES = 256 * 1024 * 1024;

/**
 * The .wasm inside the package, found through Node's resolver so the same line works from the
 * sources, from tsc's dist/, and in the packaged app, where it resolves inside app.asar. It is read
 * here with fs (Electron's fs reads asar entries, in worker threads too, since Electron 17) and
 * handed to WebAssembly directly, so the package's own loader, which would look for the file
 * next to its script or fetch it from a CDN, is never asked to find it.
 */
function wasmPath(): string {
  return createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm');
}

interface Memory {
  buffer: ArrayBuffer;
}

interface Emscripten {
  wasmExports: { malloc(size: number): number; free(pointer: number): void; memory: Memory };
}

/** What is known about an instance's health; the memory hook and the call guard write it. */
interface Health {
  /** The memory hook refused to grow past MEMORY_CAP_BYTES. */
  refusedGrowth: boolean;
  /** A call threw: every later call is a no-op, so clean-up code cannot re-enter a broken instance. */
  crashed: boolean;
  crash: unknown;
}

interface Instance {
  pdfium: Pdfium;
  memory: Memory;
  health: Health;
}

/** The part of Emscripten's module options this needs (the package types them loosely). */
interface ModuleOptions {
  instantiateWasm(imports: Imports, receive: (instance: WebAssembly.Instance) => object): object;
  print(text: string): void;
  printErr(text: string): void;
}

type Imports = Record<string, Record<string, unknown>>;

let compiled: Promise<WebAssembly.Module> | null = null;
let current: Promise<Instance> | null = null;

/** Every call into the instance: a throw marks it crashed, and after that nothing enters it. */
function guarded<A extends unknown[], R>(health: Health, call: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    if (health.crashed) return 0 as R;
    try {
      return call(...args);
    } catch (err) {
      health.crashed = true;
      health.crash = err;
      throw err;
    }
  };
}

async function compile(): Promise<WebAssembly.Module> {
  const compiling = (compiled ??= readFile(wasmPath()).then((bytes) => WebAssembly.compile(bytes)));
  try {
    return await compiling;
  } catch (err) {
    if (compiled === compiling) compiled = null;
    throw err;
  }
}

async function instantiate(): Promise<Instance> {
  const code = await compile();
  const { init } = await import('@embedpdf/pdfium');
  const health: Health = { refusedGrowth: false, crashed: false, crash: undefined };
  const options: ModuleOptions = {
    // Instantiate from the code compiled once per thread, with the memory hook capped. It is done
    // synchronously: Emscripten turns a throw here into a rejected init(), whereas a failed
    // asynchronous instantiation would leave init() waiting for ever.
    instantiateWasm(imports, receive) {
      const grow = imports.env.emscripten_resize_heap as (requested: number) => boolean;
      const env = {
        ...imports.env,
        emscripten_resize_heap(requested: number): boolean {
          if (requested >>> 0 > MEMORY_CAP_BYTES) {
            health.refusedGrowth = true;
            return false;
          }
          return grow(requested);
        },
      };
      return receive(new WebAssembly.Instance(code, { ...imports, env }));
    },
    // PDFium's complaints about damaged files go nowhere: the outcome says what happened.
    print: () => {},
    printErr: () => {},
  };
  const wrapped = await init(options);
  wrapped.PDFiumExt_Init();
  const exports = (wrapped.pdfium as unknown as Emscripten).wasmExports;
  const calls = Object.fromEntries(CALLS.map((name) => [name, guarded(health, (wrapped as unknown as PdfiumCalls)[name] as never)]));
  const malloc = guarded(health, (size: number) => exports.malloc(size));
  const allocate = (size: number): number => {
    const pointer = malloc(size);
    if (!pointer) throw new PdfiumStopped(new Error(`could not allocate ${size} bytes`), true);
    return pointer;
  };
  const decoder = new TextDecoder('utf-16le');
  const pdfium: Pdfium = {
    ...(calls as unknown as PdfiumCalls),
    allocate,
    free: guarded(health, (pointer: number) => exports.free(pointer)),
    copyIn(bytes) {
      const pointer = allocate(bytes.length);
      new Uint8Array(exports.memory.buffer, pointer, bytes.length).set(bytes);
      return pointer;
    },
    // The buffer is fetched on every read: the memory replaces it whenever it grows.
    readUtf16: (pointer, units) => decoder.decode(new Uint8Array(exports.memory.buffer, pointer, units * 2)),
  };
  return { pdfium, memory: exports.memory, health };
}

/**
 * Run `work` with this thread's PDFium instance, making it first if need be. `work` must be
 * synchronous (it owns the instance until it returns) and must free what it allocates.
 * A throw from inside PDFium comes out as a PdfiumStopped, and the instance is not used again.
 */
export async function withPdfium<T>(work: (pdfium: Pdfium) => T): Promise<T> {
  const loading = (current ??= instantiate());
  let instance: Instance;
  try {
    instance = await loading;
  } catch (err) {
    // Not cached: a missing or unreadable .wasm is reported on every PDF until it is fixed.
    if (current === loading) current = null;
    throw new Error(`the PDF reader could not start: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const { health } = instance;
  try {
    return work(instance.pdfium);
  } catch (err) {
    if (!health.crashed) throw err;
    throw new PdfiumStopped(health.crash, health.refusedGrowth || /\bOOM\b|out of memory/i.test(String(health.crash)));
  } finally {
    if (health.crashed || instance.memory.buffer.byteLength > RECYCLE_BYTES) {
      if (current === loading) current = null;
    }
  }
}
