/** Shared shapes and helpers of the benchmarks. */
export interface Row {
  /** What is measured, e.g. "GET /documents page (manager)". */
  name: string;
  /** The measured figure (median) and its unit. */
  value: number;
  unit: string;
  /** The baseline measured in the same run, when there is one. */
  baseline?: number;
  /** value / baseline (or baseline / value where higher is better); the primary figure. */
  ratio?: number;
  /** The budget from QUALITY.md, as text, and whether it holds. */
  budget: string;
  ok: boolean;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
