/**
 * A safe reader for the Python literals some catalogs store in a CSV cell (the products layout's
 * `active_ingredients`: `[{'name': 'Ammonium Chloride', 'strength': '138mg/5ml', …}]`). Only
 * data is read — lists, tuples, dicts, strings, numbers, `None`, `True`, `False` — never code, so
 * there is no eval. Anything else gives null.
 */
export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };

const MAX_DEPTH = 32;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * Parse one Python literal, or null when the text is not exactly one (a syntax error, trailing
 * text, an expression, a dict key that is not a string or a number, nesting deeper than 32).
 *
 * @example parsePyLiteral("[{'name': 'Cefixime', 'strength': None}]") // [{ name: 'Cefixime', strength: null }]
 */
export function parsePyLiteral(text: string): { value: PyValue } | null {
  const p = new Reader(text);
  try {
    const value = p.value(0);
    p.space();
    return p.atEnd() ? { value } : null;
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) throw new SyntaxError('too deep');
    this.space();
    const c = this.s[this.i];
    if (c === '[') return this.sequence(']', depth);
    if (c === '(') return this.sequence(')', depth);
    if (c === '{') return this.dict(depth);
    if (c === "'" || c === '"') return this.string();
    const word = /^(?:None|True|False)\b/.exec(this.s.slice(this.i, this.i + 6));
    if (word) {
      this.i += word[0].length;
      return word[0] === 'None' ? null : word[0] === 'True';
    }
    const num = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.s.slice(this.i, this.i + 64));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    throw new SyntaxError(`unexpected ${c ?? 'end'} at ${this.i}`);
  }

  private sequence(close: string, depth: number): PyValue[] {
    this.i++;
    const out: PyValue[] = [];
    for (;;) {
      this.space();
      if (this.s[this.i] === close) {
        this.i++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) throw new SyntaxError(`expected , or ${close} at ${this.i}`);
    }
  }

  private dict(depth: number): { [key: string]: PyValue } {
    this.i++;
    const out: { [key: string]: PyValue } = {};
    for (;;) {
      this.space();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.value(depth + 1);
      if (typeof key !== 'string' && typeof key !== 'number') throw new SyntaxError(`bad key at ${this.i}`);
      this.space();
      if (this.s[this.i] !== ':') throw new SyntaxError(`expected : at ${this.i}`);
      this.i++;
      Object.defineProperty(out, String(key), { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new SyntaxError(`expected , or } at ${this.i}`);
    }
  }

  /** A Python string literal (no prefixes, no triple quotes): the common escapes, `\xNN`, `\uNNNN`. */
  private string(): string {
    const quote = this.s[this.i]!;
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === '\n') throw new SyntaxError('unterminated string');
      this.i++;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i] ?? '';
      this.i++;
      const digits = HEX_ESCAPES[e];
      // Python keeps an unknown escape as written (`\q` is a backslash and a q).
      out += digits !== undefined ? this.hex(digits) : (SIMPLE_ESCAPES[e] ?? `\\${e}`);
    }
  }

  private hex(n: number): string {
    const h = this.s.slice(this.i, this.i + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) throw new SyntaxError('bad escape');
    this.i += n;
    const cp = Number.parseInt(h, 16);
    if (cp > 0x10ffff) throw new SyntaxError('bad escape');
    return String.fromCodePoint(cp);
  }
}
