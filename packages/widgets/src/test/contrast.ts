// Colour checks for the theme and forced-colour tests: any CSS colour (rgb(), color(srgb …),
// a system colour) as the browser paints it, and the WCAG contrast ratio of two.

const ctx = (() => {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  return c.getContext('2d', { willReadFrequently: true })!;
})();

/** The colour `color` paints over `background` (alpha composited), as [r, g, b] 0–255. */
export function painted(color: string, background = '#ffffff'): [number, number, number] {
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 1, 1);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, 1, 1);
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

const luminance = ([r, g, b]: [number, number, number]) => {
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG contrast ratio of `fg` painted over `bg` (bg itself painted over `under`). */
export function contrast(fg: string, bg: string, under = '#ffffff'): number {
  const b = painted(bg, under);
  const f = painted(fg, `rgb(${b.join(',')})`);
  const [hi, lo] = [luminance(f), luminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/** The first non-transparent background colour of `el` or its ancestors (across shadow roots). */
export function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement ?? (e.getRootNode() as ShadowRoot).host ?? null) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

/** Fails with a message naming the pair when `fg` on `bg` is below `min`. */
export function expectContrast(fg: string, bg: string, min: number, what: string): void {
  const ratio = contrast(fg, bg);
  if (ratio < min) throw new Error(`${what}: ${ratio}:1 (${fg} on ${bg}), needs ${min}:1`);
}
