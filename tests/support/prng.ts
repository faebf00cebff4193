/** A seeded pseudo-random sequence in [0, 1): the same seed gives the same test data on every run. */
export function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
