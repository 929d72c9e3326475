/** A small seeded pseudo-random generator (mulberry32): same seed, same sequence, in Node and browsers. */

/** Hashes a string seed to 32 bits (FNV-1a). */
export function seedFrom(seed: string | number): number {
  if (typeof seed === 'number') return seed >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Returns a function giving floats in [0, 1). */
export function createRandom(seed: string | number): () => number {
  let a = seedFrom(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index by weight (weights ≥ 0, sum > 0); returns -1 when all weights are 0. */
export function pickWeighted(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((s, w) => s + (w > 0 ? w : 0), 0);
  if (total <= 0) return -1;
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]! > 0 ? weights[i]! : 0;
    if (x < w) return i;
    x -= w;
  }
  // Floating point edge: the last index with a positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return -1;
}
