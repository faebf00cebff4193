/**
 * A bar filled to a share of its length. Drawn in SVG so that the share is an
 * attribute, not an inline style: the CSP allows no inline styles.
 */
export function BarFill({ fraction, className, fill }: { fraction: number; className: string; fill: string }) {
  const width = Math.max(0, Math.min(1, fraction)) * 100;
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      className={`block overflow-hidden ${className}`}
    >
      <rect width={width} height={10} className={fill} />
    </svg>
  );
}
