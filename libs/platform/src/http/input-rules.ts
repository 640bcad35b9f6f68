import type { ErrorDetail } from '@inventory/contracts';

/**
 * How large and deep any request input (JSON body, query string, path parameters) may be:
 * far above what any route really takes, far below what costs the event loop. Checked
 * before anything else looks at the input, in time linear in its size (docs/adr/0009).
 */
export interface InputLimits {
  /** Containers inside containers: `{"a":{"b":[1]}}` is 3 deep. */
  maxDepth: number;
  /** Fields of one object. */
  maxKeys: number;
  /** Items of one array. */
  maxItems: number;
  /** Values in the whole input (every object, array, string, number, boolean, null). */
  maxValues: number;
}

export const INPUT_LIMITS: InputLimits = Object.freeze({
  maxDepth: 10,
  maxKeys: 100,
  maxItems: 1000,
  maxValues: 10_000,
});

/** Problems reported in one answer: enough to act on, never a copy of a hostile input. */
export const MAX_REPORTED_PROBLEMS = 5;

/**
 * Names that every JavaScript object already answers to. As input fields they slip past
 * checks that look fields up on plain objects (class-validator's whitelist sees
 * `constructor` as declared) and confuse code that copies input onto objects, so no input
 * may use them as a field name, at any depth.
 */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype),
);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

interface Frame {
  object: boolean;
  /** Fields (object) or items (array) seen so far. */
  count: number;
  /** Object: the next string is a field name. Array: the next token starts an item. */
  expecting: boolean;
  keyStart: number;
  keyEnd: number;
}

/**
 * The first way a JSON text exceeds `limits`, found by one pass over its bytes before it
 * is decoded or parsed (parsing an object of 120,000 fields alone takes a fifth of a
 * second; a refused body never becomes a string at all). JSON's structure is ASCII, and
 * UTF-8 never uses ASCII bytes inside a multi-byte character, so the bytes suffice. The
 * pass does not validate JSON: malformed text is left for the parser to refuse.
 */
export function jsonShapeProblem(
  json: Uint8Array | string,
  limits: InputLimits = INPUT_LIMITS,
): ErrorDetail | null {
  const text =
    typeof json === 'string'
      ? Buffer.from(json, 'utf8')
      : Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const frames: Frame[] = [];
  const n = text.length;
  let values = 0;
  const path = () => framesPath(text, frames);
  const tooMany = (): ErrorDetail => ({
    field: path() || 'body',
    message: `the request holds more than ${limits.maxValues} values`,
  });
  /** A value starts: counts it, and as an item of the array it is in. */
  const valueStarts = (): ErrorDetail | null => {
    if (++values > limits.maxValues) return tooMany();
    const frame = frames[frames.length - 1];
    if (frame && !frame.object && frame.expecting) {
      frame.expecting = false;
      if (++frame.count > limits.maxItems) {
        return {
          field: framesPath(text, frames.slice(0, -1)) || 'body',
          message: `may hold at most ${limits.maxItems} items`,
        };
      }
    }
    return null;
  };

  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const frame = frames[frames.length - 1];
      if (frame?.object && frame.expecting) {
        frame.expecting = false;
        frame.keyStart = i + 1;
        frame.keyEnd = end;
        if (++frame.count > limits.maxKeys) {
          return {
            field: framesPath(text, frames.slice(0, -1)) || 'body',
            message: `may hold at most ${limits.maxKeys} fields`,
          };
        }
      } else {
        const problem = valueStarts();
        if (problem) return problem;
      }
      i = end;
      continue;
    }
    switch (c) {
      case 0x7b: // {
      case 0x5b: {
        // [
        const problem = valueStarts();
        if (problem) return problem;
        if (frames.length >= limits.maxDepth) {
          return {
            field: path() || 'body',
            message: `is nested too deeply: at most ${limits.maxDepth} levels of objects and arrays`,
          };
        }
        frames.push({ object: c === 0x7b, count: 0, expecting: true, keyStart: 0, keyEnd: 0 });
        break;
      }
      case 0x7d: // }
      case 0x5d: // ]
        frames.pop();
        break;
      case 0x2c: {
        // ,
        const frame = frames[frames.length - 1];
        if (frame) frame.expecting = true;
        break;
      }
      case 0x3a: // :
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        break;
      default: {
        // A number, true, false or null: count it once, then skip the rest of it.
        const problem = valueStarts();
        if (problem) return problem;
        while (i + 1 < n && isLiteralChar(text[i + 1])) i++;
      }
    }
  }
  return null;
}

/** Index of the quote that closes the string opened at `start` (or the end of the text). */
function stringEnd(text: Buffer, start: number): number {
  let j = start + 1;
  for (;;) {
    j = text.indexOf(QUOTE, j);
    if (j < 0) return text.length;
    let backslashes = 0;
    for (let k = j - 1; text[k] === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

const isLiteralChar = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x2b || c === 0x2d;

function framesPath(text: Buffer, frames: Frame[]): string {
  let path = '';
  for (const frame of frames) {
    if (frame.count === 0) break;
    if (frame.object) {
      const raw = text.toString(
        'utf8',
        frame.keyStart,
        Math.min(frame.keyEnd, frame.keyStart + 64),
      );
      path += path ? `.${decodeKey(raw)}` : decodeKey(raw);
    } else path += `[${frame.count - 1}]`;
    if (path.length > 200) return `${path.slice(0, 200)}…`;
  }
  return path;
}

function decodeKey(raw: string): string {
  try {
    return String(JSON.parse(`"${raw}"`));
  } catch {
    return raw;
  }
}

/**
 * Control characters no text field takes: NUL (which Postgres cannot store) and the other
 * C0 controls and DEL, except tab, line feed and carriage return (multi-line text; fields
 * that must be one line refuse those too, see `IsSingleLine`).
 */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Half of a UTF-16 surrogate pair without its other half: not text in any encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one piece of text, or null: control characters, broken Unicode. */
export function textProblem(text: string): string | null {
  const control = FORBIDDEN_CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `must not contain control characters (U+${code} at position ${control.index + 1})`;
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    return `must be valid Unicode text (an unpaired surrogate at position ${surrogate.index + 1})`;
  }
  return null;
}

/**
 * Every problem (at most `MAX_REPORTED_PROBLEMS`) of an input already parsed (a JSON body,
 * the query, the path parameters): the same limits as `jsonShapeProblem`, reserved field
 * names, and text no field may hold (`textProblem`) in values and in field names. One
 * iterative pass, so neither depth nor size can exhaust the stack or the event loop.
 */
export function inputProblems(value: unknown, limits: InputLimits = INPUT_LIMITS): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  let values = 0;
  while (stack.length > 0 && problems.length < MAX_REPORTED_PROBLEMS) {
    const { value: current, path, depth } = stack.pop()!;
    if (++values > limits.maxValues) {
      problems.push({
        field: path || 'body',
        message: `the request holds more than ${limits.maxValues} values`,
      });
      break;
    }
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ field: path || 'body', message: problem });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limits.maxDepth) {
      problems.push({
        field: path || 'body',
        message: `is nested too deeply: at most ${limits.maxDepth} levels of objects and arrays`,
      });
      continue;
    }
    if (Array.isArray(current)) {
      if (current.length > limits.maxItems) {
        problems.push({
          field: path || 'body',
          message: `may hold at most ${limits.maxItems} items`,
        });
        continue;
      }
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i], path: `${path}[${i}]`, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > limits.maxKeys) {
      problems.push({
        field: path || 'body',
        message: `may hold at most ${limits.maxKeys} fields`,
      });
      continue;
    }
    const children: typeof stack = [];
    for (const key of keys) {
      const field = path ? `${path}.${key.slice(0, 64)}` : key.slice(0, 64);
      if (RESERVED_FIELD_NAMES.has(key)) {
        problems.push({ field, message: `"${key}" is not accepted as a field name` });
        continue;
      }
      const keyProblem = textProblem(key);
      if (keyProblem) {
        problems.push({ field: path || 'body', message: `a field name ${keyProblem}` });
        continue;
      }
      children.push({
        value: (current as Record<string, unknown>)[key],
        path: field,
        depth: depth + 1,
      });
    }
    // Depth first, in the order the fields came.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return problems.slice(0, MAX_REPORTED_PROBLEMS);
}
