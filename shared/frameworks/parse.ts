/**
 * Reading and writing framework files. A bad file is refused with the line and the problem, in words
 * a council officer can act on; nothing here throws.
 *
 * Runs in the browser too: works on text, never on files.
 */
import { findNodeAtLocation, parseTree, getNodeValue, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { FIELDS, FRAMEWORK_SCHEMA_ID, FrameworkSchema } from './schema.ts';
import type { DuplicateParams, Framework } from './schema.ts';

export interface FrameworkFileError {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
  /** Where in the data, e.g. `judgements[1].criteria[0].title`; empty for the file as a whole. */
  path: string;
  /** The problem, as a sentence (formatErrors puts "Line N: " in front). */
  message: string;
}

export type ParseFrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: FrameworkFileError[] };

/** Largest file accepted, in characters. */
export const MAX_FRAMEWORK_FILE_CHARS = 5_000_000;

type Path = (string | number)[];

// ---------------------------------------------------------------- positions

class Positions {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

// ---------------------------------------------------------------- JSON syntax

function syntaxMessage(text: string, pos: Positions, e: ParseError): FrameworkFileError {
  const make = (offset: number, message: string): FrameworkFileError => ({ ...pos.at(offset), path: '', message });
  // The last character before the error that is not white space, and its line.
  let prev = e.offset - 1;
  while (prev >= 0 && /\s/.test(text[prev])) prev--;
  const ch = text[e.offset] ?? '';
  const prevLine = prev >= 0 ? pos.at(prev).line : 0;
  const hereLine = pos.at(e.offset).line;

  if (ch === '\u201c' || ch === '\u201d' || ch === '\u2018' || ch === '\u2019') {
    return make(e.offset, 'curly quotes (“ ” or ‘ ’) are not allowed; use straight double quotes (").');
  }
  if (ch === "'") return make(e.offset, `text must be in straight double quotes ("), not single quotes (').`);
  if ((ch === '}' || ch === ']') && prev >= 0 && text[prev] === ',') {
    return make(prev, `remove the comma before the closing "${ch}" (nothing follows it).`);
  }
  switch (printParseErrorCode(e.error)) {
    case 'CommaExpected':
      return prevLine && prevLine < hereLine
        ? make(prev + 1, 'a comma is missing at the end of this line.')
        : make(e.offset, 'a comma is missing here (between two items).');
    case 'ColonExpected':
      return make(e.offset, 'a colon (:) is missing after the field name.');
    case 'PropertyNameExpected':
      return make(e.offset, 'expected a field name in double quotes, such as "title".');
    case 'ValueExpected':
      return e.offset >= text.length
        ? make(e.offset, 'the file ends too early; a closing bracket or brace is missing.')
        : make(e.offset, 'expected a value here: text in double quotes, a number, true/false, a list [ ] or an object { }.');
    case 'CloseBraceExpected':
      return make(e.offset, 'a closing brace "}" is missing.');
    case 'CloseBracketExpected':
      return make(e.offset, 'a closing bracket "]" is missing.');
    case 'EndOfFileExpected':
      return make(e.offset, 'there is more after the end of the framework; the file should hold one { … } object.');
    case 'InvalidCommentToken':
      return make(e.offset, 'comments are not allowed in a framework file.');
    case 'UnexpectedEndOfComment':
      return make(e.offset, 'comments are not allowed in a framework file.');
    case 'UnexpectedEndOfString':
      return make(e.offset, 'a piece of text is not closed; a double quote (") is missing.');
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return make(e.offset, 'a backslash (\\) in text must be written as two backslashes (\\\\).');
    case 'InvalidCharacter':
      return make(e.offset, 'text contains a control character (such as a tab or line break); remove it.');
    case 'InvalidNumberFormat':
      return make(e.offset, 'this number is not written correctly.');
    default:
      return make(e.offset, `unexpected "${ch}" here; words and field names must be in double quotes.`);
  }
}

// ---------------------------------------------------------------- schema problems

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'object') return 'an object';
  return `${typeof v === 'number' ? 'the number' : ''} ${String(v)}`.trim();
}

const EXPECTED: Record<string, string> = {
  string: 'text in double quotes',
  boolean: 'true or false',
  array: 'a list in [ ]',
  object: 'an object in { }',
  number: 'a number',
};

/** What kind of object a path ends in, by the name of the list holding it. */
function objectKind(path: Path): keyof typeof FIELDS {
  const list = [...path].reverse().find((p) => typeof p === 'string');
  const last = path[path.length - 1];
  if (typeof last !== 'number') return 'framework';
  switch (list) {
    case 'judgements': return 'judgement';
    case 'criteria': return 'criterion';
    case 'children': return 'child';
    case 'gradeScale': return 'grade';
    case 'sources': return 'source';
    default: return 'framework';
  }
}

const KIND_WORDS: Record<keyof typeof FIELDS, string> = {
  framework: 'the framework',
  judgement: 'a judgement',
  criterion: 'a criterion',
  child: 'a sub-criterion',
  grade: 'a grade',
  source: 'a source',
};

/** "(criterion "HP03")": the innermost judgement or criterion around a path, to help find the place. */
function context(root: unknown, path: Path): string {
  let label = '';
  let judgement = '';
  for (let i = 0; i + 1 < path.length; i++) {
    const key = path[i];
    const index = path[i + 1];
    if (typeof index !== 'number') continue;
    const id = (valueAt(root, path.slice(0, i + 2)) as { id?: unknown } | undefined)?.id;
    const named = typeof id === 'string' && id ? `"${id}"` : '';
    if (key === 'judgements') label = judgement = named ? `judgement ${named}` : `judgement ${index + 1}`;
    else if (key === 'criteria') label = named ? `criterion ${named}` : `criterion ${index + 1} of ${judgement || 'its judgement'}`;
    else if (key === 'children') label = named ? `sub-criterion ${named}` : `sub-criterion ${index + 1} of ${label}`;
    else if (key === 'gradeScale') label = `grade ${index + 1}`;
    else if (key === 'sources') label = `source ${index + 1}`;
    else continue;
    i++;
  }
  return label ? ` (in ${label})` : '';
}

function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    if (list === 'keywords') return `keyword ${last + 1}`;
    return `item ${last + 1} of "${String(list)}"`;
  }
  return last === undefined ? 'the file' : `"${String(last)}"`;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

function suggest(key: string, allowed: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const k of allowed) {
    const dist = editDistance(key.toLowerCase(), k.toLowerCase());
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return bestD <= Math.max(1, Math.floor(key.length / 4)) ? ` Did you mean "${best}"?` : '';
}

function issueMessage(issue: z.core.$ZodIssue, path: Path, root: unknown): string {
  const field = fieldName(path);
  const where = context(root, path);
  const value = valueAt(root, path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    if (path.length === 1 && path[0] === 'schema') return `"schema" is missing; the file should start with "schema": "${FRAMEWORK_SCHEMA_ID}".`;
    return `${field} is missing${where}.`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `${field} should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(value)}${where}.`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? `${field} is empty${where}.` : `${field} is too short${where}; use at least ${issue.minimum} characters.`;
      }
      if (issue.origin === 'array') {
        const n = Array.isArray(value) ? value.length : 0;
        return Number(issue.minimum) <= 1
          ? `${field} needs at least one entry${where}.`
          : `${field} has ${n} entries${where}; it needs at least ${issue.minimum}.`;
      }
      return `${field} is too small${where}.`;
    case 'too_big':
      if (issue.origin === 'string') {
        const n = typeof value === 'string' ? value.trim().length : 0;
        return `${field} is ${n} characters long${where}; shorten it to ${issue.maximum} or fewer.`;
      }
      if (issue.origin === 'array') {
        const n = Array.isArray(value) ? value.length : 0;
        return `${field} has ${n} entries${where}; the most allowed is ${issue.maximum}.`;
      }
      return `${field} is too big${where}.`;
    case 'invalid_format':
      return `${field} ${issue.message}${where}.`;
    case 'invalid_value':
      if (path.length === 1 && path[0] === 'schema') {
        const got = typeof value === 'string' && value.startsWith('evidence-store/framework@')
          ? ` This file is for a different version of Evidence Store ("${value}").`
          : '';
        return `${field} ${issue.message}.${got}`;
      }
      return `${field} should be one of ${issue.values.map((v) => `"${String(v)}"`).join(', ')}${where}.`;
    case 'custom':
      return `${issue.message}.`;
    default:
      return `${field}: ${issue.message}${where}.`;
  }
}

/** The node for a path, or the nearest enclosing one that exists (for a missing field, its object). */
function nodeFor(tree: Node, path: Path): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return node;
  }
  return tree;
}

function schemaErrors(issues: readonly z.core.$ZodIssue[], tree: Node, root: unknown, pos: Positions): FrameworkFileError[] {
  const out: FrameworkFileError[] = [];
  const lineOf = (path: Path) => pos.at(nodeFor(tree, path).offset);

  // A value of the wrong type can also fail the checks meant for the right one; say only the first.
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => pathToString(i.path)));
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code !== 'invalid_type' && wrongType.has(pathToString(path))) continue;

    if (issue.code === 'unrecognized_keys') {
      const kind = objectKind(path);
      const object = nodeFor(tree, path);
      for (const key of issue.keys) {
        const prop = object.children?.find((c) => c.type === 'property' && c.children?.[0]?.value === key);
        const at = pos.at(prop?.offset ?? object.offset);
        let message: string;
        if (key === 'children' && kind === 'child') {
          const id = (valueAt(root, path) as { id?: unknown } | undefined)?.id;
          const name = typeof id === 'string' ? `sub-criterion "${id}"` : 'a sub-criterion';
          message = `${name} cannot have its own "children": criteria can be nested only one level deep. Make them separate criteria instead.`;
        } else {
          message = `"${key}" is not a field of ${KIND_WORDS[kind]}${context(root, path)}.${suggest(key, FIELDS[kind])}`;
        }
        out.push({ ...at, path: pathToString([...path, key]), message });
      }
      continue;
    }

    let message = issueMessage(issue, path, root);
    const dupOf = issue.code === 'custom' ? (issue.params as DuplicateParams | undefined)?.duplicateOf : undefined;
    if (dupOf) message = message.replace(/\.$/, ` (also on line ${lineOf(dupOf).line}).`);
    out.push({ ...lineOf(path), path: pathToString(path), message });
  }
  return out;
}

/** The same field twice in one object: JSON readers keep only the last, so say so. */
function duplicateKeys(tree: Node, pos: Positions): FrameworkFileError[] {
  const out: FrameworkFileError[] = [];
  const visit = (node: Node, path: Path) => {
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        const key = String(keyNode?.value ?? '');
        const first = seen.get(key);
        if (first) {
          out.push({
            ...pos.at(prop.offset),
            path: pathToString([...path, key]),
            message: `"${key}" appears twice in the same object (also on line ${pos.at(first.offset).line}); keep one.`,
          });
        } else seen.set(key, prop);
        if (prop.children?.[1]) visit(prop.children[1], [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((c, i) => visit(c, [...path, i]));
    }
  };
  visit(tree, []);
  return out;
}

// ---------------------------------------------------------------- the API

/** Reads a framework file's text. Never throws: a bad file gives its problems, each with its line. */
export function parseFramework(text: string): ParseFrameworkResult {
  try {
    return parse(text);
  } catch (e) {
    return { ok: false, errors: [{ line: 1, column: 1, path: '', message: `the file could not be read (${e instanceof Error ? e.message : String(e)}).` }] };
  }
}

function parse(input: string): ParseFrameworkResult {
  const fail = (errors: FrameworkFileError[]): ParseFrameworkResult => ({ ok: false, errors });
  if (typeof input !== 'string') return fail([{ line: 1, column: 1, path: '', message: 'no text was given.' }]);
  if (input.length > MAX_FRAMEWORK_FILE_CHARS) {
    return fail([{ line: 1, column: 1, path: '', message: `the file is too large (over ${MAX_FRAMEWORK_FILE_CHARS.toLocaleString('en-GB')} characters).` }]);
  }
  // A byte-order mark (Notepad adds one) becomes a space, so offsets stay put.
  const text = input.replace(/^\uFEFF/, ' ');
  if (!text.trim()) return fail([{ line: 1, column: 1, path: '', message: 'the file is empty.' }]);

  const pos = new Positions(text);
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // Only the first syntax error: the ones after it are usually knock-on effects.
  if (syntax.length) return fail([syntaxMessage(text, pos, syntax[0])]);
  if (!tree) return fail([{ line: 1, column: 1, path: '', message: 'the file is empty.' }]);
  if (tree.type !== 'object') {
    return fail([{ ...pos.at(tree.offset), path: '', message: 'a framework file should hold one object, starting with "{".' }]);
  }

  const raw: unknown = getNodeValue(tree);
  const errors = duplicateKeys(tree, pos);
  const result = FrameworkSchema.safeParse(raw);
  if (!result.success) errors.push(...schemaErrors(result.error.issues, tree, raw, pos));
  if (errors.length || !result.success) {
    errors.sort((a, b) => a.line - b.line || a.column - b.column);
    return fail(errors);
  }
  return { ok: true, framework: result.data };
}

/** The problems as lines of text, "Line N: …", at most `max` of them. */
export function formatErrors(errors: readonly FrameworkFileError[], max = 20): string {
  const lines = errors.slice(0, max).map((e) => `Line ${e.line}: ${e.message}`);
  if (errors.length > max) lines.push(`…and ${errors.length - max} more problem${errors.length - max === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

/** A framework as file text: JSON, two-space indents, a final newline. */
export function serializeFramework(framework: Framework): string {
  return `${JSON.stringify(framework, null, 2)}\n`;
}
