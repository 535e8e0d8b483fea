import { parseAddress } from "../../layout/a1";

/**
 * The formulas the layout writes (totals and conditional formats), evaluated with Excel's rules for
 * blanks, text, booleans and errors: enough for the in-memory workbook of tests and the browser demo.
 */
export type Scalar = number | string | boolean | null | { error: string };
type Value = Scalar | { range: Scalar[] };

/** A cell's value; `sheet` is set for a reference to another sheet ('Sheet'!A1). */
export type CellReader = (row: number, col: number, sheet?: string) => Scalar;

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;
const VALUE = { error: "#VALUE!" };
const NAME = { error: "#NAME?" };

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: string; sheet?: string } | { t: "id"; v: string } | { t: "op"; v: string };

const TOKENS: [RegExp, (m: RegExpExecArray) => Token | undefined][] = [
  [/^\s+/, () => undefined],
  [/^\d+(\.\d+)?/, (m) => ({ t: "num", v: Number(m[0]) })],
  [/^"((?:[^"]|"")*)"/, (m) => ({ t: "str", v: m[1].replace(/""/g, '"') })],
  [/^(?:'((?:[^']|'')+)'!|([A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Z]{1,3}\$?\d+)(?![A-Za-z_(])/, (m) => ({ t: "ref", v: m[3], sheet: m[1]?.replace(/''/g, "'") ?? m[2] })],
  [/^[A-Za-z_][A-Za-z0-9_.]*/, (m) => ({ t: "id", v: m[0].toUpperCase() })],
  [/^(<>|<=|>=|[-+*/=<>(),:])/, (m) => ({ t: "op", v: m[0] })],
];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  outer: while (i < src.length) {
    for (const [re, make] of TOKENS) {
      const m = re.exec(src.slice(i));
      if (!m) continue;
      const tok = make(m);
      if (tok) out.push(tok);
      i += m[0].length;
      continue outer;
    }
    throw new Error(`cannot read formula at "${src.slice(i)}"`);
  }
  return out;
}

export function evaluate(formula: string, read: CellReader): Scalar {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let p = 0;
  const peek = () => tokens[p];
  const eat = (v?: string) => {
    const tok = tokens[p++];
    if (v !== undefined && (!tok || tok.v !== v)) throw new Error(`expected ${v}`);
    return tok;
  };

  const isRange = (v: Value): v is { range: Scalar[] } => typeof v === "object" && v !== null && "range" in v;
  const scalar = (v: Value): Scalar => (isRange(v) ? (v.range.length === 1 ? v.range[0] : VALUE) : v);

  function comparison(): Value {
    let left = additive();
    while (peek()?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(peek().v as string)) {
      const op = eat().v as string;
      left = compare(scalar(left), scalar(additive()), op);
    }
    return left;
  }
  function additive(): Value {
    let left = unary();
    while (peek()?.t === "op" && (peek().v === "+" || peek().v === "-")) {
      const op = eat().v;
      const a = toNumber(scalar(left));
      const b = toNumber(scalar(unary()));
      left = isError(a) ? a : isError(b) ? b : op === "+" ? a + b : a - b;
    }
    return left;
  }
  function unary(): Value {
    if (peek()?.t === "op" && peek().v === "-") {
      eat();
      const a = toNumber(scalar(unary()));
      return isError(a) ? a : -a;
    }
    return primary();
  }
  function primary(): Value {
    const tok = eat();
    if (!tok) throw new Error("unexpected end of formula");
    if (tok.t === "num") return tok.v;
    if (tok.t === "str") return tok.v;
    if (tok.t === "op" && tok.v === "(") {
      const v = comparison();
      eat(")");
      return v;
    }
    if (tok.t === "ref") {
      if (peek()?.t === "op" && peek().v === ":") {
        eat();
        const end = eat();
        const a = parseAddress(tok.v);
        const b = parseAddress(String(end.v));
        const range: Scalar[] = [];
        for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) range.push(read(r, c, tok.sheet));
        return { range };
      }
      const a = parseAddress(tok.v);
      return { range: [read(a.row, a.col, tok.sheet)] };
    }
    if (tok.t === "id") {
      if (tok.v === "TRUE" || tok.v === "FALSE") return tok.v === "TRUE";
      eat("(");
      const args: Value[] = [];
      if (!(peek()?.t === "op" && peek().v === ")")) {
        args.push(comparison());
        while (peek()?.t === "op" && peek().v === ",") {
          eat();
          args.push(comparison());
        }
      }
      eat(")");
      return call(tok.v, args);
    }
    throw new Error(`unexpected ${tok.v}`);
  }

  function call(name: string, args: Value[]): Value {
    switch (name) {
      case "SUM": {
        let s = 0;
        for (const a of args) {
          if (isRange(a)) {
            for (const x of a.range) {
              if (isError(x)) return x;
              if (typeof x === "number") s += x;
            }
          } else {
            const n = toNumber(a);
            if (isError(n)) return n;
            s += n;
          }
        }
        return s;
      }
      case "COUNT":
        return args.reduce<number>((n, a) => n + (isRange(a) ? a.range.filter((x) => typeof x === "number").length : typeof a === "number" ? 1 : 0), 0);
      case "AND":
      case "OR": {
        const bools: boolean[] = [];
        for (const a of args) {
          for (const x of isRange(a) ? a.range : [a]) {
            if (isError(x)) return x;
            if (typeof x === "boolean") bools.push(x);
            else if (typeof x === "number") bools.push(x !== 0);
            else if (!isRange(a) && typeof x === "string") return VALUE;
          }
        }
        if (bools.length === 0) return VALUE;
        return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
      }
      case "NOT": {
        const v = scalar(args[0]);
        if (isError(v)) return v;
        const b = typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : v === null ? false : VALUE;
        return isError(b) ? b : !b;
      }
      case "ISNUMBER":
        return typeof scalar(args[0]) === "number";
      case "INT": {
        const n = toNumber(scalar(args[0]));
        return isError(n) ? n : Math.floor(n);
      }
      case "IFERROR": {
        const v = scalar(args[0]);
        return isError(v) ? scalar(args[1]) : v;
      }
      default:
        return NAME;
    }
  }

  const result = comparison();
  if (p !== tokens.length) throw new Error("unexpected text after formula");
  return scalar(result);
}

function toNumber(v: Scalar): number | { error: string } {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const s = v.trim();
  return s !== "" && !Number.isNaN(Number(s)) ? Number(s) : VALUE;
}

/** Excel's comparison: blank is 0, "" or FALSE as the other side needs; numbers < text < logicals. */
function compare(a: Scalar, b: Scalar, op: string): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankAs = (other: Scalar): Scalar => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === "string") c = x.toLowerCase().localeCompare(String(y).toLowerCase());
  else c = Number(x) - Number(y);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}
