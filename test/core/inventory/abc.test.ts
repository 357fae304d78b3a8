import fc from "fast-check";
import { abcClasses, abcScores } from "../../../src/core/inventory";

const rank = { A: 0, B: 1, C: 2 } as const;

describe("abcClasses", () => {
  test("DESIGN.md / issue 2 case: 500/300/100/60/40 at 80 %/95 % → A, A, B, B, C", () => {
    expect(abcClasses(Object.freeze([500, 300, 100, 60, 40]), 0.8, 0.95)).toEqual(["A", "A", "B", "B", "C"]);
  });
  test("seed's shape at 70 %/90 %: 3 of 10 SKUs (75 % of sales) A, 2 more (15 %) B, the tail C", () => {
    // shares above each item: 0, .40, .65 | .75, .83 | .90, .93, .955, .975, .99
    const sales = [400, 250, 100, 80, 70, 30, 25, 20, 15, 10];
    expect(abcClasses(sales)).toEqual(["A", "A", "A", "B", "B", "C", "C", "C", "C", "C"]);
  });
  test("the item that crosses the cutoff joins the upper class", () => {
    // shares above: 0, .69, .90 → the second item crosses 70 % and is still A; the third starts at 90 %: C
    expect(abcClasses([69, 21, 10], 0.7, 0.9)).toEqual(["A", "A", "C"]);
    expect(abcClasses([69, 20, 11], 0.7, 0.9)).toEqual(["A", "A", "B"]);
  });
  test("ties share a class, even across a cutoff", () => {
    expect(abcClasses([40, 30, 30], 0.5, 0.9)).toEqual(["A", "A", "A"]);
    expect(abcClasses([80, 10, 10], 0.7, 0.9)).toEqual(["A", "B", "B"]);
  });
  test("zero and negative scores are C, null stays null, an all-zero list is all C", () => {
    expect(abcClasses([10, 0, -5, null])).toEqual(["A", "C", "C", null]);
    expect(abcClasses([0, 0])).toEqual(["C", "C"]);
    expect(abcClasses([])).toEqual([]);
  });
  test("cutoffs: b below a, or outside (0, 1], throw InputError(num)", () => {
    expect(() => abcClasses([1], 0.9, 0.8)).toThrow(expect.objectContaining({ kind: "num" }));
    expect(() => abcClasses([1], 0, 0.8)).toThrow(expect.objectContaining({ kind: "num" }));
    expect(() => abcClasses([1], 0.5, 1.01)).toThrow(expect.objectContaining({ kind: "num" }));
    expect(abcClasses([1, 1], 1, 1)).toEqual(["A", "A"]);
  });

  const scores = fc.array(fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constant(null)), { maxLength: 40 });
  const cutoffs = fc
    .tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }))
    .map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);

  test("property: a higher score never gets a lower class (every A outranks every B outranks every C)", () => {
    fc.assert(
      fc.property(scores, cutoffs, (s, [a, b]) => {
        const cls = abcClasses(s, a, b);
        for (let i = 0; i < s.length; i++)
          for (let j = 0; j < s.length; j++) {
            const [si, sj, ci, cj] = [s[i], s[j], cls[i], cls[j]];
            if (si === null || sj === null || ci === null || cj === null) continue;
            if (si > sj) expect(rank[ci]).toBeLessThanOrEqual(rank[cj]);
            if (si === sj) expect(ci).toBe(cj);
          }
      }),
    );
  });
  test("property: permuting the input permutes the output", () => {
    fc.assert(
      fc.property(
        scores.chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.shuffledSubarray(
              s.map((_, i) => i),
              { minLength: s.length },
            ),
          ),
        ),
        cutoffs,
        ([s, perm], [a, b]) => {
          const direct = abcClasses(s, a, b);
          const permuted = abcClasses(
            perm.map((i) => s[i]),
            a,
            b,
          );
          perm.forEach((i, k) => expect(permuted[k]).toBe(direct[i]));
        },
      ),
    );
  });
  test("property: the A class's share before its last item is below the cutoff", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 }),
        cutoffs,
        (s, [a, b]) => {
          const cls = abcClasses(s, a, b);
          expect(cls).toContain("A");
          const total = s.reduce((x, y) => x + y, 0);
          const minA = Math.min(...s.filter((_, i) => cls[i] === "A"));
          const aboveLastA = s.filter((v) => v > minA).reduce((x, y) => x + y, 0);
          expect(aboveLastA / total).toBeLessThan(a + 1e-9);
        },
      ),
    );
  });
});

describe("abcScores", () => {
  test("one column: each value's share of the total of positives", () => {
    expect(abcScores([[100], [300], null, [-50]])).toEqual([0.25, 0.75, null, -0.125]);
  });
  test("two columns: mean of the shares (docs example)", () => {
    expect(
      abcScores([
        [100, 10],
        [300, 30],
      ]),
    ).toEqual([0.25, 0.75]);
  });
  test("a column with no positive total adds nothing", () => {
    expect(
      abcScores([
        [10, 0],
        [30, 0],
      ]),
    ).toEqual([0.125, 0.375]);
  });
});
