// A UTF-16 surrogate without its pair: not text at all. PostgreSQL's jsonb refuses its escape
// (22P02), and the driver silently turns it into U+FFFD in a text column.
const UNPAIRED_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

/**
 * What no client string may hold: C0 control characters and DEL other than tab, line feed and
 * carriage return (which text may carry), and unpaired surrogates. None belongs in a name, an email,
 * a search or a message, and PostgreSQL refuses NUL in any text value outright (22021), so they are
 * refused at the door instead. Each alternative looks at one or two characters: linear time.
 */
export const UNSAFE_TEXT = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]|${UNPAIRED_SURROGATE}`);

/** What PostgreSQL's jsonb cannot store: NUL and unpaired surrogates. */
export const UNSTORABLE_IN_JSONB = new RegExp(`\\u0000|${UNPAIRED_SURROGATE}`);

/**
 * Paths of the strings inside `value` that `pattern` matches, written like class-validator's
 * (`input.specialties.0.specialty`, under `root`), at most `limit` of them. Plain objects and
 * arrays are walked with an explicit stack (a deeply nested body costs no call stack); a key that
 * matches is reported at the object holding it. Other values (numbers, class instances) are skipped.
 */
export function pathsOfStringsMatching(value: unknown, pattern: RegExp, root = '', limit = 10): string[] {
  const found: string[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: root }];
  const child = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  while (pending.length && found.length < limit) {
    const node = pending.pop()!;
    if (typeof node.value === 'string') {
      if (pattern.test(node.value)) found.push(node.path);
    } else if (Array.isArray(node.value)) {
      for (let i = node.value.length - 1; i >= 0; i--) pending.push({ value: node.value[i], path: child(node.path, i) });
    } else if (isPlainObject(node.value)) {
      const keys = Object.keys(node.value);
      if (keys.some((key) => pattern.test(key))) found.push(node.path);
      for (let i = keys.length - 1; i >= 0; i--) pending.push({ value: node.value[keys[i]], path: child(node.path, keys[i]) });
    }
  }
  return found;
}

/** True when `value` nests plain objects and arrays deeper than `maxDepth` levels (walked without recursion). */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (pending.length) {
    const node = pending.pop()!;
    const children = Array.isArray(node.value) ? node.value : isPlainObject(node.value) ? Object.values(node.value) : null;
    if (!children) continue;
    if (node.depth >= maxDepth) return true;
    for (const item of children) pending.push({ value: item, depth: node.depth + 1 });
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
