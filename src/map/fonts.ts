// The fonts of the map's labels, shipped with the app (@fontsource/noto-sans, SIL Open Font
// Licence): maplibre 6 draws each glyph it needs from these files itself (style `font-faces`,
// TinySDF in the page), so no glyph server, no CDN and no system font is involved, online or not.
// Vite emits the files as the app's own assets (node_modules paths under `npm start`).
//
// Why not a `glyphs` URL answered by a protocol of ours: maplibre would fetch 256-glyph PBF ranges
// that we would have to draw with the same TinySDF and encode, for maplibre to decode them right
// back; `font-faces` draws only the glyphs on screen, at twice the resolution, and is maplibre's
// own tested path. Characters outside these files fall back to the browser's fonts.

import type { StyleSpecification } from 'maplibre-gl';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';

/** The `text-font` names of the label layers. */
export const LABEL_FONT = { regular: 'Noto Sans Regular', bold: 'Noto Sans Bold' } as const;

// the subsets' ranges as @fontsource/noto-sans declares them (latin-400.css, latin-ext-400.css)
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

type FontFaces = NonNullable<StyleSpecification['font-faces']>;

const defaultBase = (): string => (typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);

/** The style's `font-faces`: URLs of the shipped files, made absolute against the page. */
export function labelFontFaces(base: string = defaultBase()): FontFaces {
  const face = (url: string, range: string) => ({ url: new URL(url, base).href, 'unicode-range': range.split(',') });
  return {
    [LABEL_FONT.regular]: [face(latin400, LATIN), face(latinExt400, LATIN_EXT)],
    [LABEL_FONT.bold]: [face(latin700, LATIN), face(latinExt700, LATIN_EXT)],
  };
}
