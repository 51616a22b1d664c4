// One map of the Natura 2000 dossier, drawn as SVG from the geometry the core projected
// (src/core/review/dossier-map.ts): the Plan IGN tiles under it when online, the communes' names
// otherwise, the zones with their code, the route with a mark every few km, the event's places,
// a north arrow, a scale bar and the written scale; its legend under it.
import type { DossierMap, MapZoneStyle } from '../../core/review/dossier-map';
import { COURSE_POINT_STYLE } from '../../map/layers/route';
import { DOSSIER_PLACE_KINDS, DOSSIER_TEXT, DOSSIER_ZONE_STYLES } from '../../i18n/dossier';

const ZONE_PAINT: Readonly<Record<MapZoneStyle, { stroke: string; fill: string; dash?: string }>> = {
  natura2000: { stroke: '#b71c1c', fill: 'rgba(211,47,47,0.22)' },
  protection: { stroke: '#c62828', fill: 'url(#cav-dm-hatch)' },
  reservoir: { stroke: '#2e7d32', fill: 'rgba(67,160,71,0.25)' },
  corridor: { stroke: '#2e7d32', fill: 'none', dash: '10 6' },
  imported: { stroke: '#6a1b9a', fill: 'rgba(123,31,162,0.2)' },
  other: { stroke: '#5d4037', fill: 'rgba(121,85,72,0.2)' },
};
/** the badges of the app's map (start, finish, aid, water, parking, public) */
const PLACE_PAINT: Readonly<Partial<Record<string, { color: string; letter: string }>>> = COURSE_POINT_STYLE;
const ROUTE = '#1565c0';
const num = (v: number) => v.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const barLabel = (m: number) => (m >= 1000 ? `${num(m / 1000)} km` : `${num(m)} m`);

export interface DossierMapFigureProps {
  map: DossierMap;
  title: string;
  /** the URL of a tile of the basemap; null offline (names drawn instead) */
  tileUrl: ((z: number, x: number, y: number) => string) | null;
}

export function DossierMapFigure({ map, title, tileUrl }: DossierMapFigureProps) {
  const styles = [...new Set(map.zones.map((z) => z.style))];
  const kinds = [...new Set(map.places.map((p) => p.kind))].filter((k) => PLACE_PAINT[k]);
  const scaleText = DOSSIER_TEXT.scale(map.scale.toLocaleString('fr-FR'));
  const fontSize = 11;
  return (
    <figure className="cav-dossier-map" data-testid="dossier-map" data-map={map.id} data-scale={map.scale}>
      <svg
        className="cav-dossier-svg"
        viewBox={`0 0 ${map.width} ${map.height}`}
        style={{ aspectRatio: `${map.width} / ${map.height}` }}
        role="img"
        aria-label={title}
        xmlns="http://www.w3.org/2000/svg"
      >
        <defs>
          <pattern id="cav-dm-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="rgba(229,57,53,0.12)" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#e53935" strokeWidth="2" />
          </pattern>
          <clipPath id={`cav-dm-clip-${map.id}`}>
            <rect width={map.width} height={map.height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#cav-dm-clip-${map.id})`}>
          <rect width={map.width} height={map.height} fill="#f7f5ef" />
          {tileUrl && (
            <g data-testid="dossier-map-basemap">
              {map.tiles.map((t) => (
                <image
                  key={`${t.z}/${t.x}/${t.y}`}
                  href={tileUrl(t.z, t.x, t.y)}
                  x={t.left}
                  y={t.top}
                  width={t.size + 0.5}
                  height={t.size + 0.5}
                  preserveAspectRatio="none"
                />
              ))}
            </g>
          )}
          {map.zones.map((z) => {
            const p = ZONE_PAINT[z.style];
            return (
              <path
                key={z.key}
                d={z.d}
                fill={z.geometry === 'line' ? 'none' : p.fill}
                fillRule="evenodd"
                stroke={p.stroke}
                strokeWidth={z.geometry === 'line' ? 4 : 2}
                strokeDasharray={p.dash}
                data-zone={z.key}
              />
            );
          })}
          {!tileUrl && (
            <g data-testid="dossier-map-labels" className="cav-dossier-svg-halo">
              {map.labels.map((l) => (
                <text key={`${l.name}|${l.x}|${l.y}`} x={l.x} y={l.y} fontSize={fontSize} fill="#555" textAnchor="middle" fontStyle="italic">
                  {l.name}
                </text>
              ))}
            </g>
          )}
          {map.route.map((d, i) => (
            <path key={i} d={d} fill="none" stroke={ROUTE} strokeWidth={5} strokeLinejoin="round" strokeLinecap="round" />
          ))}
          <g data-testid="dossier-map-km" className="cav-dossier-svg-halo">
            {map.kmMarks.map((m) => (
              <g key={m.km}>
                <circle cx={m.x} cy={m.y} r={5} fill="#fff" stroke={ROUTE} strokeWidth={2} />
                <text x={m.x + 8} y={m.y - 6} fontSize={fontSize} fontWeight={700} fill={ROUTE}>
                  {`km ${num(m.km)}`}
                </text>
              </g>
            ))}
          </g>
          {map.places.map((p, i) => {
            const paint = PLACE_PAINT[p.kind];
            if (!paint) return null;
            return (
              <g key={i}>
                <circle cx={p.x} cy={p.y} r={9} fill={paint.color} stroke="#fff" strokeWidth={2} />
                <text x={p.x} y={p.y + 4} fontSize={11} fontWeight={700} fill="#fff" textAnchor="middle">
                  {paint.letter}
                </text>
              </g>
            );
          })}
          <g data-testid="dossier-map-zone-labels" className="cav-dossier-svg-halo">
            {map.zones
              .filter((z) => z.labelAt)
              .map((z) => (
                <text key={z.key} x={z.labelAt![0]} y={z.labelAt![1]} fontSize={13} fontWeight={700} fill={ZONE_PAINT[z.style].stroke} textAnchor="middle">
                  {z.label}
                </text>
              ))}
          </g>
        </g>
        <g data-testid="dossier-map-north" transform={`translate(${map.width - 40} 16)`}>
          <polygon points="12,0 22,30 12,24 2,30" fill="#222" />
          <text x={12} y={46} fontSize={14} fontWeight={700} textAnchor="middle">
            {DOSSIER_TEXT.north}
          </text>
        </g>
        <g data-testid="dossier-map-scalebar" transform={`translate(16 ${map.height - 34})`} className="cav-dossier-svg-halo">
          <rect x={-6} y={-16} width={map.scaleBar.length + 150} height={46} fill="rgba(255,255,255,0.85)" />
          <rect x={0} y={6} width={map.scaleBar.length / 2} height={6} fill="#222" />
          <rect x={map.scaleBar.length / 2} y={6} width={map.scaleBar.length / 2} height={6} fill="#fff" stroke="#222" />
          <text x={0} y={0} fontSize={11}>
            0
          </text>
          <text x={map.scaleBar.length} y={0} fontSize={11} textAnchor="middle">
            {barLabel(map.scaleBar.length_m)}
          </text>
          <text x={map.scaleBar.length + 14} y={14} fontSize={12} fontWeight={700}>
            {scaleText}
          </text>
        </g>
      </svg>
      <figcaption>
        <strong>{title}</strong> — {scaleText} ; {tileUrl ? DOSSIER_TEXT.basemapOnline : DOSSIER_TEXT.basemapOffline}.
        <ul className="cav-dossier-legend" data-testid="dossier-map-legend" aria-label={DOSSIER_TEXT.legend}>
          <li>
            <span className="cav-dossier-key" style={{ background: ROUTE, height: 4 }} /> {DOSSIER_TEXT.legendRoute}
          </li>
          <li>
            <span className="cav-dossier-key cav-dossier-key--km" /> {DOSSIER_TEXT.legendKm(map.kmStep)}
          </li>
          {styles.map((s) => (
            <li key={s}>
              <span
                className="cav-dossier-key"
                style={{ borderColor: ZONE_PAINT[s].stroke, background: ZONE_PAINT[s].fill.startsWith('url') ? 'rgba(229,57,53,0.25)' : ZONE_PAINT[s].fill }}
              />{' '}
              {DOSSIER_ZONE_STYLES[s]}
            </li>
          ))}
          {styles.length > 0 && <li>{DOSSIER_TEXT.zoneLabel}</li>}
          {kinds.map((k) => (
            <li key={k}>
              <span className="cav-dossier-key cav-dossier-key--place" style={{ background: PLACE_PAINT[k]?.color }}>
                {PLACE_PAINT[k]?.letter}
              </span>{' '}
              {DOSSIER_PLACE_KINDS[k as keyof typeof DOSSIER_PLACE_KINDS] ?? k}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
