import { tlpLabel, TLP_COLOURS, type Caveat, type Tlp } from '../../components/MarkingBanner.tsx';

const BAND = 40;

/**
 * The chart's picture with its marking printed above and below it, as on screen: an exported
 * image travels without the page around it, so it must carry its own TLP and caveats.
 */
export async function withMarkingBands(
  chart: Blob,
  marking: { tlp: Tlp; caveats: readonly Caveat[] },
): Promise<Blob> {
  const image = await createImageBitmap(chart);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + 2 * BAND;
  const ctx = canvas.getContext('2d');
  if (!ctx) return chart;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, BAND);
  for (const top of [0, canvas.height - BAND]) {
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, top, canvas.width, BAND);
    ctx.font = 'bold 20px monospace';
    ctx.textBaseline = 'middle';
    const label = tlpLabel(marking.tlp);
    ctx.fillStyle = TLP_COLOURS[marking.tlp];
    ctx.fillText(label, 12, top + BAND / 2);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(marking.caveats.join(' '), 24 + ctx.measureText(label).width, top + BAND / 2);
  }
  return new Promise((resolve) => {
    canvas.toBlob((b) => {
      resolve(b ?? chart);
    }, 'image/png');
  });
}

/** Saves a blob as a file through the browser's download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
