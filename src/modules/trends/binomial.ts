/**
 * The binomial upper tail P(X ≥ k) for X ~ Binomial(n, p), exact to floating-point precision
 * for any n a weekly count reaches. Summed term by term from the side of k away from the
 * mode, so the terms shrink and the sum stops early; logs keep large n from overflowing.
 */

/** ln n! for n ≤ 20, exactly as doubles hold them. */
const SMALL_LOG_FACTORIALS = Array.from({ length: 21 }, (_, n) => {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return Math.log(f);
});

/** ln n!: a table below 21, Stirling's series above (error under 1e-16 relative there). */
export function logFactorial(n: number): number {
  if (n <= 20) return SMALL_LOG_FACTORIALS[n] ?? 0;
  const inv = 1 / n;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + series;
}

function logPmf(n: number, k: number, p: number): number {
  const logChoose = logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** Sum of pmf terms from `start` stepping by `step` (±1) until they no longer count. */
function sumTerms(n: number, start: number, step: 1 | -1, p: number): number {
  const odds = p / (1 - p);
  let term = Math.exp(logPmf(n, start, p));
  let sum = 0;
  for (let i = start; i >= 0 && i <= n; i += step) {
    sum += term;
    if (term < sum * 1e-17) break;
    term *= step === 1 ? ((n - i) / (i + 1)) * odds : i / (n - i + 1) / odds;
  }
  return sum;
}

/** P(X ≥ k), X ~ Binomial(n, p); always in [0, 1]. */
export function binomialUpperTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const tail = k > n * p ? sumTerms(n, k, 1, p) : 1 - sumTerms(n, k - 1, -1, p);
  return Math.min(1, Math.max(0, tail));
}
