import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { estimateWidth } from './metrics';
import type { FontName } from './model';

// The table was generated from the fonts the PDF embeds; this keeps it honest.
const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as {
  openSync(path: string): { layout(text: string): { advanceWidth: number }; unitsPerEm: number };
};
const ttf = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'mono-bold': 'DejaVuSansMono-Bold.ttf',
};

describe('width estimates', () => {
  it('are never narrower than the real fonts, and close to them', () => {
    const samples = [
      'Nguyễn Văn Đức',
      'Zoë ÇELIK',
      'marie-charlotte.de-la-tour',
      'WWW mmm « … » – €',
    ];
    for (const [font, file] of Object.entries(FILES) as [FontName, string][]) {
      const real = fontkit.openSync(join(ttf, file));
      for (const text of samples) {
        const width = (real.layout(text).advanceWidth / real.unitsPerEm) * 10;
        const estimate = estimateWidth(text, font, 10);
        expect(estimate).toBeGreaterThanOrEqual(width - 0.01);
        expect(estimate).toBeLessThan(width * 1.03 + 0.1);
      }
    }
  });

  it('counts an unknown character as a full em', () => {
    expect(estimateWidth('漢', 'sans', 10)).toBe(10);
  });
});
