// SVG elevation profile of arrays computed elsewhere. Only presentation happens here: scaling to
// pixels, axis ticks, and finding the sample under the pointer (reported through onHover).

import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useI18n } from '../i18n';

export interface ElevationProfileProps {
  /** distance from the start (m), increasing, one per sample */
  distances: readonly number[];
  /** elevation (m), one per sample; non-finite values leave a gap */
  elevations: readonly number[];
  /** sample to mark (e.g. from the map); the pointer position wins while hovering */
  hoverIndex?: number | null;
  onHover?: (index: number | null) => void;
  /** shown when there is nothing to draw */
  emptyMessage: string;
  /** points to mark along the profile (e.g. aid stations), at their distance from the start (m) */
  markers?: readonly ProfileMarker[];
  /** a stretch to highlight, [from, to] in metres from the start (e.g. a pass through a sensitive zone); from = to draws a line */
  highlight?: readonly [number, number] | null;
  height?: number;
}

export interface ProfileMarker {
  distance_m: number;
  label: string;
  /** a CSS colour for the flag */
  color?: string;
}

const PAD = { left: 46, right: 14, top: 12, bottom: 24 };

/** 1-2-5 ticks covering [min, max] with about `count` steps. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** Index of the sample whose distance is nearest to d (distances sorted ascending). */
function nearestIndex(distances: readonly number[], n: number, d: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (distances[mid] < d) lo = mid;
    else hi = mid;
  }
  return Math.abs(distances[lo] - d) <= Math.abs(distances[hi] - d) ? lo : hi;
}

export function ElevationProfile({
  distances,
  elevations,
  hoverIndex = null,
  onHover,
  emptyMessage,
  markers = [],
  highlight = null,
  height = 150,
}: ElevationProfileProps) {
  const { t, formatNumber } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [pointerIndex, setPointerIndex] = useState<number | null>(null);

  useEffect(() => {
    const node = box.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    ro.observe(node);
    return () => ro.disconnect();
  }, []);

  const n = Math.min(distances.length, elevations.length);
  const geometry = useMemo(() => {
    let eMin = Infinity;
    let eMax = -Infinity;
    for (let i = 0; i < n; i++) {
      const e = elevations[i];
      if (Number.isFinite(e)) {
        if (e < eMin) eMin = e;
        if (e > eMax) eMax = e;
      }
    }
    if (n < 2 || !Number.isFinite(eMin)) return null;
    const d0 = distances[0];
    const d1 = distances[n - 1];
    if (!(d1 > d0)) return null;
    // at least 20 m of vertical range so that a flat route does not look like a cliff
    const span = Math.max(20, eMax - eMin);
    const yMin = Math.floor((eMin - span * 0.08) / 5) * 5;
    const yMax = Math.ceil((eMax + span * 0.12) / 5) * 5;
    const plotW = Math.max(10, width - PAD.left - PAD.right);
    const plotH = Math.max(10, height - PAD.top - PAD.bottom);
    const x = (d: number) => PAD.left + ((d - d0) / (d1 - d0)) * plotW;
    const y = (e: number) => PAD.top + (1 - (e - yMin) / (yMax - yMin)) * plotH;

    // keep the lowest and highest sample of each pixel column so that peaks survive on long routes
    type Column = { x: number; lo: number; hi: number; loI: number; hiI: number };
    const runs: Column[][] = [];
    let current: Column[] | null = null;
    for (let i = 0; i < n; i++) {
      const e = elevations[i];
      if (!Number.isFinite(e)) {
        current = null; // a gap in the data: a gap in the line
        continue;
      }
      const px = Math.round(x(distances[i]));
      if (!current) {
        current = [];
        runs.push(current);
      }
      const last = current[current.length - 1];
      if (last && last.x === px) {
        if (e < last.lo) [last.lo, last.loI] = [e, i];
        if (e > last.hi) [last.hi, last.hiI] = [e, i];
      } else {
        current.push({ x: px, lo: e, hi: e, loI: i, hiI: i });
      }
    }
    const bottom = PAD.top + plotH;
    let line = '';
    let area = '';
    for (const run of runs) {
      const pts: string[] = [];
      for (const c of run) {
        if (c.loI === c.hiI) pts.push(`${c.x},${y(c.lo).toFixed(1)}`);
        else if (c.loI < c.hiI) pts.push(`${c.x},${y(c.lo).toFixed(1)}`, `${c.x},${y(c.hi).toFixed(1)}`);
        else pts.push(`${c.x},${y(c.hi).toFixed(1)}`, `${c.x},${y(c.lo).toFixed(1)}`);
      }
      line += `M${pts.join('L')}`;
      area += `M${run[0].x},${bottom}L${pts.join('L')}L${run[run.length - 1].x},${bottom}Z`;
    }

    const km = (d1 - d0) / 1000;
    const xTicks = niceTicks(0, km, Math.max(2, Math.floor(plotW / 80)));
    const yTicks = niceTicks(yMin, yMax, Math.max(2, Math.floor(plotH / 32)));
    return { line, area, x, y, d0, d1, km, xTicks, yTicks, plotW, plotH, yMin, yMax };
  }, [distances, elevations, n, width, height]);

  if (!geometry) {
    return (
      <div className="cav-profile-empty" data-testid="profile-empty" ref={box}>
        {emptyMessage}
      </div>
    );
  }

  const activeIndex = pointerIndex ?? hoverIndex;
  const active =
    activeIndex !== null && activeIndex >= 0 && activeIndex < n && Number.isFinite(elevations[activeIndex])
      ? { x: geometry.x(distances[activeIndex]), y: geometry.y(elevations[activeIndex]), d: distances[activeIndex], e: elevations[activeIndex] }
      : null;

  const onMove = (ev: PointerEvent<SVGSVGElement>) => {
    const rect = ev.currentTarget.getBoundingClientRect();
    const px = ev.clientX - rect.left;
    const frac = (px - PAD.left) / geometry.plotW;
    if (frac < -0.02 || frac > 1.02) return leave();
    const d = geometry.d0 + Math.min(1, Math.max(0, frac)) * (geometry.d1 - geometry.d0);
    const i = nearestIndex(distances, n, d);
    if (i !== pointerIndex) {
      setPointerIndex(i);
      onHover?.(i);
    }
  };
  const leave = () => {
    if (pointerIndex !== null) {
      setPointerIndex(null);
      onHover?.(null);
    }
  };

  const label = active ? `${formatNumber((active.d - geometry.d0) / 1000, 2)} km · ${formatNumber(active.e)} m` : '';
  const labelW = label.length * 6.4 + 12;
  const labelX = active ? Math.min(Math.max(active.x - labelW / 2, PAD.left), width - PAD.right - labelW) : 0;
  const kmDigits = geometry.km < 2 ? 1 : 0;

  return (
    <div className="cav-profile-chart" ref={box} data-testid="elevation-profile" data-samples={n}>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('profile.label')}
        onPointerMove={onMove}
        onPointerLeave={leave}
        data-testid="elevation-profile-svg"
      >
        <g className="cav-profile-grid">
          {geometry.yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={PAD.left} x2={width - PAD.right} y1={geometry.y(v)} y2={geometry.y(v)} />
              <text x={PAD.left - 6} y={geometry.y(v)} dy="0.32em" textAnchor="end">
                {formatNumber(v)} m
              </text>
            </g>
          ))}
          {geometry.xTicks.map((v) => {
            const px = geometry.x(geometry.d0 + v * 1000);
            // keep the last label inside the chart
            const anchor = px > width - PAD.right - 24 ? 'end' : 'middle';
            return (
              <g key={`x${v}`}>
                <line x1={px} x2={px} y1={PAD.top} y2={PAD.top + geometry.plotH} className="cav-profile-vgrid" />
                <text x={anchor === 'end' ? width - 2 : px} y={height - 6} textAnchor={anchor}>
                  {formatNumber(v, v % 1 === 0 ? 0 : kmDigits || 1)} km
                </text>
              </g>
            );
          })}
        </g>
        {highlight &&
          Number.isFinite(highlight[0]) &&
          Number.isFinite(highlight[1]) &&
          (() => {
            // clamped to the chart; at least 2 px wide so that a short pass stays visible
            const clamp = (d: number) => geometry.x(Math.min(geometry.d1, Math.max(geometry.d0, d)));
            const x0 = clamp(Math.min(highlight[0], highlight[1]));
            const x1 = clamp(Math.max(highlight[0], highlight[1]));
            const w = Math.max(2, x1 - x0);
            return (
              <rect
                className="cav-profile-highlight"
                data-testid="profile-highlight"
                data-from={highlight[0]}
                data-to={highlight[1]}
                x={(x0 + x1) / 2 - w / 2}
                y={PAD.top}
                width={w}
                height={geometry.plotH}
              />
            );
          })()}
        <path className="cav-profile-area" d={geometry.area} />
        <path className="cav-profile-line" d={geometry.line} />
        <g className="cav-profile-markers">
          {markers
            .filter((m) => Number.isFinite(m.distance_m) && m.distance_m >= geometry.d0 - 1 && m.distance_m <= geometry.d1 + 1)
            .map((m, i) => {
              const px = geometry.x(Math.min(geometry.d1, Math.max(geometry.d0, m.distance_m)));
              const text = m.label.length > 18 ? `${m.label.slice(0, 17)}…` : m.label;
              const right = px > width - PAD.right - 90;
              return (
                <g key={i} className="cav-profile-marker" data-testid="profile-marker" data-distance={m.distance_m}>
                  <title>{m.label}</title>
                  <line x1={px} x2={px} y1={PAD.top} y2={PAD.top + geometry.plotH} stroke={m.color} />
                  <circle cx={px} cy={PAD.top + 4} r={4} fill={m.color} />
                  <text x={right ? px - 7 : px + 7} y={PAD.top + 4} dy="0.35em" textAnchor={right ? 'end' : 'start'}>
                    {text}
                  </text>
                </g>
              );
            })}
        </g>
        {active && (
          <g className="cav-profile-cursor" data-testid="profile-cursor" data-index={activeIndex ?? undefined}>
            <line x1={active.x} x2={active.x} y1={PAD.top} y2={PAD.top + geometry.plotH} />
            <circle cx={active.x} cy={active.y} r={4} />
            <rect x={labelX} y={PAD.top} width={labelW} height={18} rx={4} />
            <text x={labelX + labelW / 2} y={PAD.top + 9} dy="0.35em" textAnchor="middle">
              {label}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}
