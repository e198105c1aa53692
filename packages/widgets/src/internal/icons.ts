import { svg } from 'lit';

const icon = (d: string) =>
  svg`<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d=${d} /></svg>`;

export const close = icon('M6 6l12 12M18 6L6 18');
export const upload = icon('M12 16V4m0 0l-5 5m5-5l5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3');
export const file = icon('M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5');
export const check = icon('M5 12.5l4.5 4.5L19 7.5');
export const alert = icon(
  'M12 8v5m0 3.5v.5M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
);
export const mail = icon('M4 6h16v12H4zM4 7l8 6 8-6');
export const retry = icon('M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4');
