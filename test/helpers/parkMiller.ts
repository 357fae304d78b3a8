/** A seeded generator (Park–Miller) of numbers in (0, 1), so synthetic histories are the same on every run. */
export function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}
