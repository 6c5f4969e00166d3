/**
 * Names and paths inside a pack that work on Windows.
 *
 * A pack is written here, then copied to `\\server\share\…` and opened in Explorer, so every name in
 * it has to be one Windows accepts and keeps apart: no forbidden characters, no trailing dots or
 * spaces, no device names (`CON`, `nul.txt`), no two names in one folder that differ only by case,
 * and no path longer than Windows opens without trouble.
 *
 * `safeName` makes one segment safe; `PackPaths` gives every file of a pack its unique place.
 */
import { PACK_FILES } from '../../shared/pack.ts';

/**
 * The longest path inside a pack, in UTF-16 code units as Windows counts them (`/` included).
 * Windows Explorer and most applications still stop at 260 characters for a whole path, and a
 * typical place for a pack, `\\server\share\Inspection\2026\` plus the pack's own folder name,
 * takes ~60 of them, leaving 200 for the inside.
 */
export const MAX_PACK_PATH = 200;

/** What a file's name needs at least, so folders are shortened to leave it this much room. */
const MIN_FILE_ROOM = 60;
/** A folder is never shortened below this many code units; deeper nesting than that is refused. */
const MIN_FOLDER_NAME = 12;
/** An extension is at most this long (dot excluded), otherwise the last dot is part of the name. */
const MAX_EXTENSION = 16;

/** What a forbidden character becomes. */
const SUBSTITUTE = '_';
/** Windows' forbidden characters, the C0 controls, DEL, and lone surrogates (not a character at all). */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f\p{Cs}]/gu;
const FALLBACK = 'file';

/**
 * Device names Windows refuses as a name, whatever the extension and case: `CON`, `con.txt`,
 * `NUL .pdf`, `aux.tar.gz`, `COM¹`. The name before the first dot counts, trailing spaces ignored.
 * `COM0`/`LPT0` (listed by Microsoft's naming rules) and `CONIN$`/`CONOUT$` are included to be safe.
 */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$) *(?=\.|$)/iu;

/** Removes what Windows drops or refuses at the ends of a name: leading spaces, trailing dots and spaces. */
function trimEnds(name: string): string {
  return name.replace(/^ +/u, '').replace(/[. ]+$/u, '');
}

/** `CON` → `CON_`, `nul .pdf` → `nul_.pdf`: a suffix straight after the device name. */
function unreserve(name: string): string {
  return name.replace(RESERVED, `$1${SUBSTITUTE}`);
}

/** True when Windows would take `name` for a device. */
export function isReservedName(name: string): boolean {
  return RESERVED.test(name);
}

/**
 * One path segment made safe on Windows: NFC, forbidden and control characters replaced by `_`,
 * leading spaces and trailing dots and spaces removed, a device name given a `_` after it
 * (`con.txt` → `con_.txt`), `file` when nothing is left. Never shortens (see `shortenName`).
 */
export function safeName(name: string): string {
  const replaced = name.normalize('NFC').replace(FORBIDDEN, SUBSTITUTE);
  const trimmed = trimEnds(replaced);
  return trimmed === '' ? FALLBACK : unreserve(trimmed);
}

/**
 * The key two names are the same under on Windows. NTFS compares names through its upcase table
 * (simple, one-to-one upper-casing); `toUpperCase` of the NFC form maps everything that table maps
 * and a little more (`ß` and `SS` meet), so names it keeps apart are always apart on Windows, and
 * at worst a name gets a `(2)` it did not strictly need.
 */
export function foldName(name: string): string {
  return name.normalize('NFC').toUpperCase();
}

/** A name split into the part that may be shortened and the extension that is kept (`.pdf`). */
export function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, ext: '' };
  const ext = name.slice(dot);
  if (ext.length - 1 > MAX_EXTENSION || !/^\.[^. ]+$/u.test(ext)) return { stem: name, ext: '' };
  return { stem: name.slice(0, dot), ext };
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest start of `text` at most `max` UTF-16 code units long, cut between characters as a
 * reader sees them (an emoji with its modifiers, a letter with its accents stay whole), and never
 * inside a surrogate pair even when one such character is longer than `max` on its own.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > max) {
      if (out === '') {
        // One cluster longer than the room: fall back to whole code points.
        for (const point of segment) {
          if (out.length + point.length > max) break;
          out += point;
        }
      }
      break;
    }
    out += segment;
  }
  return out;
}

/**
 * A safe name of at most `max` code units with its extension kept (`Long report….pdf` →
 * `Long re.pdf`): the stem is cut at a character boundary and tidied so the result is still safe.
 * Assumes `name` is already safe (`safeName`).
 */
export function shortenName(name: string, max: number, keepExtension = true): string {
  return composeName(name, keepExtension, '', max);
}

/** `stem + suffix + ext` in at most `max` code units, safe on Windows. */
function composeName(name: string, keepExtension: boolean, suffix: string, max: number): string {
  const { stem, ext } = keepExtension ? splitExtension(name) : { stem: name, ext: '' };
  for (let room = max - suffix.length - ext.length; room >= 1; room -= 1) {
    let cut = stem.length <= room ? stem : cutText(stem, room).replace(/[. ]+$/u, '');
    if (cut === '') cut = cutText(FALLBACK, room);
    const candidate = trimEnds(cut + suffix + ext);
    if (candidate === '') return cutText(FALLBACK, max);
    // Shortening `CONSOLE` to `CON` would make a device name: make room for the `_` it needs.
    if (!isReservedName(candidate)) return candidate;
    const fixed = unreserve(candidate);
    if (fixed.length <= max) return fixed;
  }
  throw new Error(`No room for a name of ${max} characters with "${suffix}${ext}" in it.`);
}

/** One folder of the pack as it is being planned. */
interface PlannedFolder {
  /** Its path inside the pack, with `/`; '' for the pack itself. */
  path: string;
  /** Folded names of every file and folder placed in it (one namespace, as on Windows). */
  taken: Set<string>;
  /** Its sub-folders by the name asked for, so asking again gives the same folder. */
  folders: Map<string, PlannedFolder>;
}

/**
 * Gives every file of a pack its place: a unique path inside the pack, with `/`, that Windows
 * accepts, keeps apart from its neighbours and can open.
 *
 * - Every segment goes through `safeName`.
 * - Names the same to Windows (`foldName`: differing only by case or Unicode form) are told apart
 *   as `name (2).ext`, `name (3).ext`; in one folder files and folders share the names, as on NTFS.
 *   A folder asked for again by the same name is the same folder; one whose name differs only by
 *   case is another folder, `Name (2)`.
 * - Whole paths stay within `MAX_PACK_PATH`: a file's stem is shortened (its extension kept); a
 *   folder is shortened when it is first placed, if needed, so that at least 60 code units remain
 *   for the names of the files in it (folders are shared, so a placed folder never changes).
 * - The pack's own files and folders (`PACK_FILES`) are taken at the top from the start, so no
 *   evidence file can be placed over `index.html` or the manifest.
 */
export class PackPaths {
  readonly #root: PlannedFolder = { path: '', taken: new Set(), folders: new Map() };
  #placed = 0;
  #renamed = 0;

  constructor() {
    for (const file of [PACK_FILES.manifest, PACK_FILES.meta, PACK_FILES.index, PACK_FILES.workbook, PACK_FILES.selfEvaluation]) {
      this.#root.taken.add(foldName(file));
    }
    for (const folder of [PACK_FILES.evidence, PACK_FILES.annexa, PACK_FILES.assets]) this.#folder(this.#root, folder);
  }

  /** Files placed so far. */
  get placed(): number {
    return this.#placed;
  }

  /**
   * Files placed whose name is not the name they came with (characters, device names, clashes,
   * length): the preview's "files whose name had to change". A name only put into Unicode NFC
   * looks the same and is not counted.
   */
  get renamed(): number {
    return this.#renamed;
  }

  /**
   * The unique path inside the pack for a file called `fileName` in the folder `folderSegments`
   * (each segment a folder name, not a path: a `/` in one is replaced). Every call places a new
   * file, so the same name placed twice in one folder gets `(2)` the second time.
   */
  place(folderSegments: readonly string[], fileName: string): string {
    let folder = this.#root;
    for (const segment of folderSegments) folder = this.#folder(folder, segment);
    const room = MAX_PACK_PATH - (folder.path === '' ? 0 : folder.path.length + 1);
    const name = this.#claim(folder, safeName(fileName), true, room);
    this.#placed += 1;
    if (name !== fileName.normalize('NFC')) this.#renamed += 1;
    return folder.path === '' ? name : `${folder.path}/${name}`;
  }

  /** The sub-folder of `parent` asked for as `asked`, placed the first time it is asked for. */
  #folder(parent: PlannedFolder, asked: string): PlannedFolder {
    const known = parent.folders.get(asked);
    if (known) return known;
    const prefix = parent.path === '' ? 0 : parent.path.length + 1;
    const room = MAX_PACK_PATH - MIN_FILE_ROOM - 1 - prefix;
    if (room < MIN_FOLDER_NAME) throw new Error(`Folders nested too deep for a pack: no room left under "${parent.path}".`);
    const name = this.#claim(parent, safeName(asked), false, room);
    const folder: PlannedFolder = { path: parent.path === '' ? name : `${parent.path}/${name}`, taken: new Set(), folders: new Map() };
    parent.folders.set(asked, folder);
    return folder;
  }

  /** Takes the first free name in `folder` for `name`: as it is, or shortened, or with ` (n)`. */
  #claim(folder: PlannedFolder, name: string, keepExtension: boolean, room: number): string {
    for (let n = 1; ; n += 1) {
      const candidate = composeName(name, keepExtension, n === 1 ? '' : ` (${n})`, room);
      const key = foldName(candidate);
      if (!folder.taken.has(key)) {
        folder.taken.add(key);
        return candidate;
      }
    }
  }
}
