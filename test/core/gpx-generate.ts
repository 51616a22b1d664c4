// Generated GPX text for the scanner's tests and benchmark: seeded, so every run sees the same
// files. `variedGpx` draws from everything a GPX writer (or a hand) may put in a file; `plainGpx`
// is the big, regular file of a GPS export.

export type Rnd = () => number;

/** Park–Miller: small, seeded, good enough to pick among options. */
export function seeded(seed: number): Rnd {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const chance = (rnd: Rnd, p: number): boolean => rnd() < p;
const int = (rnd: Rnd, n: number): number => Math.floor(rnd() * n);

const NAMES = [
  'Boucle des terrils',
  'Liévin – forêt',
  'AT&amp;T &lt;test&gt;',
  '&quot;Lens&quot; &apos;11/19&apos;',
  'Caf&#233; &#x00E9;t&#xE9;',
  '<![CDATA[<b>gras</b> & co]]>',
  '  espaces  ',
  '',
  '   ',
  'a<!-- note -->b',
  'x<![CDATA[y]]>z',
  'ligne1\r\nligne2\rligne3',
  'Pr&#233;<i>fixe</i>',
  '&#128512; emoji',
  'tab\tinside',
];

const COORDS = ['50.4300000', '2.8300000', '50.43', '-0.5', '0', '-0', '50.', '.5', '+50.1', ' 50.2 ', '5.04e1', '50.430000000000000001', '1234567890.12345'];
const BAD_COORDS = ['95', '-181', 'NaN', 'Infinity', 'abc', '', '1e999', '0x10', '50,4'];
const ELES = ['35.0', '37.5', '-2.25', '  12  ', 'n/a', '', '1&#48;', '<![CDATA[7]]>', '4<!-- c -->2', '1e2'];

interface Style {
  prefix: string; // '' or 'g:'
  quote: string;
  nl: string;
  pretty: boolean;
}

function attr(rnd: Rnd, st: Style, name: string, value: string): string {
  const q = chance(rnd, 0.15) ? (st.quote === '"' ? "'" : '"') : st.quote;
  const v = value.includes(q) ? value.replace(q === '"' ? /"/g : /'/g, q === '"' ? '&quot;' : '&apos;') : value;
  const eq = chance(rnd, 0.1) ? ' = ' : '=';
  return ` ${name}${eq}${q}${v}${q}`;
}

function el(st: Style, name: string, body: string, attrs = ''): string {
  return `<${st.prefix}${name}${attrs}>${body}</${st.prefix}${name}>`;
}

function coord(rnd: Rnd, valid: boolean, lat: boolean): string {
  if (!valid) return pick(rnd, BAD_COORDS);
  if (chance(rnd, 0.2))
    return pick(
      rnd,
      COORDS.filter((c) => !lat || Math.abs(Number(c)) <= 90 || c.trim() === ''),
    );
  return lat ? (50 + rnd()).toFixed(int(rnd, 9)) : (2 + rnd()).toFixed(int(rnd, 9));
}

function point(rnd: Rnd, st: Style, tag: string, badRate: number): string {
  const lat = attr(rnd, st, 'lat', coord(rnd, !chance(rnd, badRate), true));
  const lon = attr(rnd, st, 'lon', coord(rnd, !chance(rnd, badRate), false));
  let attrs = chance(rnd, 0.5) ? lat + lon : lon + lat;
  if (chance(rnd, badRate / 2)) attrs = chance(rnd, 0.5) ? lat : lon; // one missing
  if (chance(rnd, 0.05)) attrs += attr(rnd, st, 'foo', 'bar');
  const kids: string[] = [];
  if (chance(rnd, 0.6)) kids.push(el(st, 'ele', pick(rnd, ELES)));
  if (chance(rnd, 0.1)) kids.push(el(st, 'ele', '99'));
  if (chance(rnd, 0.4)) kids.push(el(st, 'time', '2024-05-01T08:00:00Z'));
  if (chance(rnd, 0.1)) kids.unshift(el(st, 'time', '2024-05-01T08:00:00Z')); // ele not first
  if (chance(rnd, 0.1)) kids.push('<!-- point -->');
  if (chance(rnd, 0.1)) {
    kids.push(
      `<${st.prefix}extensions><x:ext xmlns:x="urn:x"><x:hr>120</x:hr></x:ext><${st.prefix}trkpt lat="1" lon="1"/><${st.prefix}ele>5</${st.prefix}ele></${st.prefix}extensions>`,
    );
  }
  if (!kids.length && chance(rnd, 0.5)) return `<${st.prefix}${tag}${attrs}${chance(rnd, 0.2) ? ' ' : ''}/>`;
  const sep = st.pretty ? `${st.nl}  ` : '';
  return `<${st.prefix}${tag}${attrs}>${sep}${kids.join(sep)}${sep}</${st.prefix}${tag}>`;
}

function nameEl(rnd: Rnd, st: Style): string {
  return chance(rnd, 0.1) ? `<${st.prefix}name/>` : el(st, 'name', pick(rnd, NAMES));
}

/** A GPX 1.0 or 1.1 file with a random mix of features; badRate: share of broken coordinates. */
export function variedGpx(rnd: Rnd, badRate = 0): string {
  const st: Style = {
    prefix: chance(rnd, 0.15) ? 'g:' : '',
    quote: chance(rnd, 0.8) ? '"' : "'",
    nl: chance(rnd, 0.2) ? '\r\n' : '\n',
    pretty: chance(rnd, 0.7),
  };
  const nl = st.pretty ? st.nl : '';
  const parts: string[] = [];
  if (chance(rnd, 0.7)) parts.push(`<?xml version="1.0" encoding="UTF-8"?>${st.nl}`);
  if (chance(rnd, 0.1)) parts.push(`<!-- exported -->${st.nl}`);
  if (chance(rnd, 0.05)) parts.push(`<?xml-stylesheet href="a.xsl"?>${st.nl}`);
  if (chance(rnd, 0.05)) parts.push(`<!DOCTYPE gpx>${st.nl}`);
  const ns = st.prefix ? ` xmlns:g="http://www.topografix.com/GPX/1/1"` : chance(rnd, 0.8) ? ' xmlns="http://www.topografix.com/GPX/1/1"' : '';
  const body: string[] = [];
  if (chance(rnd, 0.4)) {
    const meta: string[] = [];
    if (chance(rnd, 0.2)) meta.push(el(st, 'desc', 'd'));
    if (chance(rnd, 0.8)) meta.push(nameEl(rnd, st));
    if (chance(rnd, 0.2)) meta.push(nameEl(rnd, st));
    meta.push(el(st, 'time', '2024-05-01T08:00:00Z'));
    body.push(el(st, 'metadata', meta.join(nl)));
    if (chance(rnd, 0.1)) body.push(el(st, 'metadata', nameEl(rnd, st)));
  }
  if (chance(rnd, 0.2)) body.push(nameEl(rnd, st)); // GPX 1.0
  if (chance(rnd, 0.2)) body.push(`<${st.prefix}wpt lat="50.1" lon="2.1">${nameEl(rnd, st)}</${st.prefix}wpt>`);
  const nRte = chance(rnd, 0.3) ? 1 + int(rnd, 2) : 0;
  const nTrk = chance(rnd, 0.85) ? 1 + int(rnd, 3) : 0;
  const items: string[] = [];
  for (let r = 0; r < nRte; r++) {
    const kids: string[] = [];
    if (chance(rnd, 0.6)) kids.push(nameEl(rnd, st));
    const n = int(rnd, 5);
    for (let k = 0; k < n; k++) kids.push(point(rnd, st, 'rtept', badRate));
    items.push(el(st, 'rte', nl + kids.join(nl) + nl));
  }
  for (let t = 0; t < nTrk; t++) {
    const kids: string[] = [];
    if (chance(rnd, 0.6)) kids.push(nameEl(rnd, st));
    if (chance(rnd, 0.15)) kids.push(nameEl(rnd, st));
    if (chance(rnd, 0.1)) kids.push(point(rnd, st, 'trkpt', 0)); // a point outside any trkseg
    const nSeg = int(rnd, 4);
    for (let g = 0; g < nSeg; g++) {
      const n = chance(rnd, 0.15) ? int(rnd, 2) : 2 + int(rnd, 6);
      const pts: string[] = [];
      for (let k = 0; k < n; k++) pts.push(point(rnd, st, 'trkpt', badRate));
      if (chance(rnd, 0.05)) pts.push('<![CDATA[ texte ]]>');
      kids.push(n === 0 && chance(rnd, 0.5) ? `<${st.prefix}trkseg/>` : el(st, 'trkseg', nl + pts.join(nl) + nl));
    }
    items.push(el(st, 'trk', nl + kids.join(nl) + nl));
  }
  // routes and tracks in any order
  for (let k = items.length - 1; k > 0; k--) {
    const j = int(rnd, k + 1);
    [items[k], items[j]] = [items[j], items[k]];
  }
  body.push(...items);
  if (chance(rnd, 0.1)) body.push(`<${st.prefix}extensions><foo>bar &amp; baz</foo></${st.prefix}extensions>`);
  parts.push(`<${st.prefix}gpx version="1.1" creator="gen"${ns}>${nl}${body.join(nl)}${nl}</${st.prefix}gpx>`);
  if (chance(rnd, 0.2)) parts.push(st.nl);
  if (chance(rnd, 0.05)) parts.push('<!-- end -->\n');
  return parts.join('');
}

/**
 * A GPS export of n points in one segment: lat, lon, ele and time on every point, ~100 bytes
 * each (10 MB for 100k points). `extensions` adds Garmin's heart-rate block (~200 bytes each);
 * without `times`, a point is exactly 64 bytes (2 million points: 128 MB).
 */
export function plainGpx(n: number, extensions = false, times = true): string {
  const ns = extensions ? ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"' : '';
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Cavalier bench" xmlns="http://www.topografix.com/GPX/1/1"${ns}>\n`,
    '<metadata><name>Grande boucle du Bassin minier</name><time>2024-05-01T08:00:00Z</time></metadata>\n<trk><name>Grande boucle</name><trkseg>\n',
  ];
  const t0 = Date.UTC(2024, 4, 1, 8);
  for (let i = 0; i < n; i++) {
    // the drift starts over every 100k points, so that millions of points stay near Lens
    const j = i % 100_000;
    const lat = (50.43 - j * 0.987654e-5 + 1e-4 * Math.cos(i / 13)).toFixed(7);
    const lon = (2.83 + j * 1.234567e-5 + 1e-4 * Math.sin(i / 9)).toFixed(7);
    const ele = (40 + 30 * Math.sin(i / 500) + 2 * Math.sin(i / 7)).toFixed(1);
    const time = times ? `<time>${new Date(t0 + i * 1000).toISOString().slice(0, 19)}Z</time>` : '';
    const ext = extensions
      ? `<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${120 + (i % 40)}</gpxtpx:hr><gpxtpx:cad>${80 + (i % 9)}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>`
      : '';
    parts.push(`<trkpt lat="${lat}" lon="${lon}"><ele>${ele}</ele>${time}${ext}</trkpt>\n`);
  }
  parts.push('</trkseg></trk>\n</gpx>\n');
  return parts.join('');
}
