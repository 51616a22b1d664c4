// Legend swatch drawn from the same plain-data description as the map style (src/map/styles.ts).

import { useId } from 'react';
import type { Swatch as SwatchSpec } from '../../map/styles';

export type { SwatchSpec };

export function Swatch({ spec, muted = false }: { spec: SwatchSpec; muted?: boolean }) {
  const patternId = useId();
  const dash = spec.dashed ? '4 3' : undefined;
  return (
    <svg className="cav-swatch" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" style={{ opacity: muted ? 0.35 : 1 }}>
      {spec.hatched && (
        <defs>
          <pattern id={patternId} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
            <line x1="0" y1="0" x2="0" y2="5" stroke={spec.stroke} strokeWidth="1.6" strokeOpacity="0.7" />
          </pattern>
        </defs>
      )}
      {spec.shape === 'fill' && (
        <>
          <rect x="2" y="2" width="24" height="12" rx="2" fill={spec.fill} fillOpacity={spec.fillOpacity ?? 1} />
          {spec.hatched && <rect x="2" y="2" width="24" height="12" rx="2" fill={`url(#${patternId})`} />}
          <rect
            x="2"
            y="2"
            width="24"
            height="12"
            rx="2"
            fill="none"
            stroke={spec.stroke}
            strokeWidth={Math.max(1, spec.strokeWidth ?? 1)}
            strokeDasharray={dash}
          />
        </>
      )}
      {spec.shape === 'line' && (
        <path
          d="M2 11 C 9 3, 17 13, 26 5"
          fill="none"
          stroke={spec.stroke}
          strokeWidth={Math.min(4, Math.max(1.2, spec.strokeWidth ?? 2))}
          strokeLinecap="round"
          strokeDasharray={dash}
        />
      )}
      {spec.shape === 'circle' && <circle cx="14" cy="8" r="4.5" fill={spec.fill} stroke={spec.stroke} strokeWidth={spec.strokeWidth ?? 1} />}
    </svg>
  );
}
