// A 24×24 icon from one SVG path, beside a button's label.
export function Icon({ d }: { d: string }) {
  return (
    <svg className="cav-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
