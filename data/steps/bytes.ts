// Byte arrays laid end to end: the PMTiles writer, and the test helpers that write binary
// fixtures (shapefiles, PNG tiles), all need it.
export function concatBytes(parts: readonly Uint8Array[], total = parts.reduce((s, p) => s + p.length, 0)): Uint8Array {
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
