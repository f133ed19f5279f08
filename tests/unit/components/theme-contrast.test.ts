import { describe, expect, it } from 'vitest';
import { notebookCss } from '../../../components/notebook-styles';
import { uiCss } from '../../../components/styles';

/** The colour custom properties of `.bs-root`: the light block, or the dark media query's. */
function theme(dark: boolean): Record<string, string> {
  const at = uiCss.indexOf('@media (prefers-color-scheme: dark)');
  const block = dark ? uiCss.slice(at, uiCss.indexOf('}', uiCss.indexOf('{', at) + 1)) : uiCss.slice(0, at);
  const vars: Record<string, string> = {};
  for (const m of block.matchAll(/(--bs-[a-z-]+):\s*(#[0-9a-f]{6})/gi)) vars[m[1] as string] = m[2] as string;
  return vars;
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('theme colours', () => {
  it('draws every text field with the field colour, not the faint divider line', () => {
    let fields = 0;
    for (const css of [uiCss, notebookCss])
      for (const rule of css.matchAll(/([^{}]*(?:input|textarea|select)[^{}]*)\{([^}]*)\}/g))
        if (/border:\s*1px solid/.test(rule[2] as string)) {
          fields++;
          expect(rule[2], rule[1]).toMatch(/var\(--bs-field\)/);
        }
    // The popup's filter, the note editor, the notebook's filters and its note fields.
    expect(fields).toBeGreaterThanOrEqual(4);
  });

  for (const dark of [false, true]) {
    it(`${dark ? 'dark' : 'light'}: field edges 3:1 (WCAG 1.4.11), text 4.5:1 on both backgrounds`, () => {
      const t = theme(dark);
      for (const bg of ['--bs-bg', '--bs-soft']) {
        expect(contrast(t['--bs-field'] as string, t[bg] as string), `field on ${bg}`).toBeGreaterThanOrEqual(3);
        for (const fg of ['--bs-fg', '--bs-muted', '--bs-danger'])
          expect(contrast(t[fg] as string, t[bg] as string), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
