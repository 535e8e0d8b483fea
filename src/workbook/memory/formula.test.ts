import { evaluate, type Scalar } from "./formula";

const grid = (cells: Record<string, Scalar>) => (row: number, col: number) => cells[`${String.fromCharCode(65 + col)}${row + 1}`] ?? null;

test.each([
  ["SUM(A1:C1)", { A1: 1, B1: 2, C1: 3 }, 6],
  ["SUM(A1:C1)", { A1: 1, B1: "2", C1: true }, 1],
  ["SUM(A1,A2:A3)", { A1: 1, A2: 2, A3: 3 }, 6],
  ["SUM(A1:B1)", { A1: 1, B1: { error: "#REF!" } }, { error: "#REF!" }],
  ["COUNT(A1:C1)", { A1: 1, B1: "x", C1: { error: "#N/A" } }, 1],
  ["A1+A2<>A3", { A1: 1, A2: 2, A3: 3 }, false],
  ["A1<>\"\"", {}, false],
  ["A1<0", { A1: "abc" }, false],
  ["IFERROR(AND(A1<>\"\",OR(NOT(ISNUMBER(A1)),A1<0,A1<>INT(A1))),TRUE)", { A1: "abc" }, true],
  ["IFERROR(AND(A1<>\"\",OR(NOT(ISNUMBER(A1)),A1<0,A1<>INT(A1))),TRUE)", {}, false],
  ["IFERROR(AND(A1<>\"\",OR(NOT(ISNUMBER(A1)),A1<0,A1<>INT(A1))),TRUE)", { A1: 1.5 }, true],
  ["IFERROR(AND(A1<>\"\",OR(NOT(ISNUMBER(A1)),A1<0,A1<>INT(A1))),TRUE)", { A1: { error: "#REF!" } }, true],
  ["IFERROR(AND(A1<>\"\",OR(NOT(ISNUMBER(A1)),A1<0,A1<>INT(A1))),TRUE)", { A1: 7 }, false],
  ["AND(COUNT(A$1,A$2)=2,A$1<>A$2)", { A1: 1, A2: 2 }, true],
  ["-A1+2", { A1: 5 }, -3],
  ["NOPE(A1)", {}, { error: "#NAME?" }],
  ["'二''号'!A1+A1", { A1: 2 }, 4],
] as const)("%s with %j → %j", (formula, cells, result) => {
  expect(evaluate(formula, grid(cells as Record<string, Scalar>))).toEqual(result);
});
