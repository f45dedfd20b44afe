import { encode } from 'uqr';

/** Quiet zone around the code, in modules, as the QR standard asks for scanners to find it. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn as SVG squares on the page (no image from elsewhere, works offline). The
 * only importer of uqr. `label` is what a screen reader says instead of the pattern.
 */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { data } = encode(text, { ecc: 'M' });
  const extent = data.length + QUIET_ZONE * 2;
  const squares: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) squares.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
    }),
  );
  return (
    <svg class="app-qr-code" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shape-rendering="crispEdges">
      <rect width={extent} height={extent} fill="#ffffff" />
      <path d={squares.join('')} fill="#000000" />
    </svg>
  );
}
