/**
 * Draws the add-in's icons and writes them as PNG files (pure Node: zlib for deflate, our own CRC).
 *
 *   npx tsx tools/manifest/make-icons.ts [--out public/assets]
 *
 * Writes icon-<size>.png (app icon), icon-delete-<size>.png (the "Delete permanently" button: a trash can
 * with an X) and icon-pane-<size>.png (the "open pane" button: a window with a side panel) at
 * 16, 20, 24, 32, 40, 48, 64, 80 and 128 px.
 *
 * Shapes are signed distance functions on a 32-unit design grid, sampled 8x8 per pixel for anti-aliasing.
 * Colours are chosen to stay at least 3:1 (WCAG non-text contrast) against both a white ribbon and a
 * dark one (#292929), so the buttons read in light and dark themes alike.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { encodePng, type RgbaImage } from "./png";

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128] as const;
export const ICON_KINDS = ["app", "delete", "pane"] as const;
export type IconKind = (typeof ICON_KINDS)[number];

type Rgb = readonly [number, number, number];
/** Signed distance in design units: negative inside the shape. */
type Sdf = (x: number, y: number) => number;

export const PALETTE = {
  /** Red for the destructive action and the app tile: 4.1:1 on white, 3.6:1 on #292929, white on it 4.1:1. */
  danger: [0xe0, 0x47, 0x4c] as Rgb,
  /** Blue for the pane glyph: 3.7:1 on white, 3.9:1 on #292929. */
  pane: [0x2b, 0x88, 0xd8] as Rgb,
  white: [0xff, 0xff, 0xff] as Rgb,
} as const;

const GRID = 32;
const SAMPLES = 8;

const roundRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Sdf =>
  (x, y) => {
    const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
    const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };

const segment =
  (ax: number, ay: number, bx: number, by: number, width: number): Sdf =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy) - width / 2;
  };

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const intersect =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), b(x, y));
const outline =
  (shape: Sdf, width: number): Sdf =>
  (x, y) =>
    Math.abs(shape(x, y) + width / 2) - width / 2;
const halfPlaneRightOf =
  (x0: number): Sdf =>
  (x) =>
    x0 - x;
/** Scales a shape about the grid centre. */
const scaled =
  (shape: Sdf, factor: number, cx = GRID / 2, cy = GRID / 2): Sdf =>
  (x, y) =>
    shape(cx + (x - cx) / factor, cy + (y - cy) / factor) * factor;

class Canvas {
  readonly pixels: Float64Array;
  constructor(readonly size: number) {
    this.pixels = new Float64Array(size * size * 4);
  }

  /** Paints `colour` where `shape` covers each pixel, anti-aliased by supersampling. */
  fill(shape: Sdf, colour: Rgb): void {
    const unit = GRID / this.size;
    for (let py = 0; py < this.size; py += 1) {
      for (let px = 0; px < this.size; px += 1) {
        // Shapes are exact or conservative distance bounds, so a pixel whose centre is farther than half
        // its diagonal from the edge is wholly in or out and needs no supersampling.
        const centre = shape((px + 0.5) * unit, (py + 0.5) * unit);
        if (centre > unit * Math.SQRT1_2) continue;
        const solid = centre < -unit * Math.SQRT1_2;
        let inside = solid ? SAMPLES * SAMPLES : 0;
        for (let sy = 0; sy < SAMPLES && !solid; sy += 1) {
          for (let sx = 0; sx < SAMPLES; sx += 1) {
            const x = (px + (sx + 0.5) / SAMPLES) * unit;
            const y = (py + (sy + 0.5) / SAMPLES) * unit;
            if (shape(x, y) <= 0) inside += 1;
          }
        }
        if (inside === 0) continue;
        const alpha = inside / (SAMPLES * SAMPLES);
        const i = (py * this.size + px) * 4;
        const below = this.pixels[i + 3] ?? 0;
        const out = alpha + below * (1 - alpha);
        for (let c = 0; c < 3; c += 1) {
          const mixed = (colour[c] ?? 0) * alpha + (this.pixels[i + c] ?? 0) * below * (1 - alpha);
          this.pixels[i + c] = mixed / out;
        }
        this.pixels[i + 3] = out;
      }
    }
  }

  toImage(): RgbaImage {
    const data = new Uint8Array(this.size * this.size * 4);
    for (let i = 0; i < data.length; i += 4) {
      const alpha = this.pixels[i + 3] ?? 0;
      data[i + 3] = Math.round(alpha * 255);
      if (data[i + 3] === 0) continue; // fully transparent pixels stay 0,0,0,0
      for (let c = 0; c < 3; c += 1) data[i + c] = Math.round(this.pixels[i + c] ?? 0);
    }
    return { width: this.size, height: this.size, data };
  }
}

/** Stroke width in design units, never thinner than `minPx` device pixels at this size. */
const stroke = (units: number, size: number, minPx = 1.4): number => Math.max(units, (minPx * GRID) / size);

function trashCan(size: number): { can: Sdf; cross: Sdf } {
  const handleWidth = stroke(2, size);
  const can = union(
    roundRect(5, 7.5, 27, 10.5, 1.2), // lid
    outline(roundRect(12, 3.5, 20, 9, 1.8), handleWidth), // handle
    roundRect(7.5, 12, 24.5, 29, 2.4), // body
  );
  const crossWidth = stroke(2.8, size, 1.2);
  const cross = union(segment(12.5, 16, 19.5, 25, crossWidth), segment(19.5, 16, 12.5, 25, crossWidth));
  return { can, cross };
}

export function drawIcon(kind: IconKind, size: number): RgbaImage {
  const canvas = new Canvas(size);
  if (kind === "delete") {
    const { can, cross } = trashCan(size);
    canvas.fill(can, PALETTE.danger);
    canvas.fill(cross, PALETTE.white);
  } else if (kind === "pane") {
    const frame = roundRect(3, 5, 29, 27, 2.5);
    const lineWidth = stroke(2, size, 1.2);
    canvas.fill(frame, PALETTE.white); // interior, so the glyph also reads on a dark ribbon
    canvas.fill(outline(frame, stroke(2, size)), PALETTE.pane);
    canvas.fill(intersect(frame, halfPlaneRightOf(19)), PALETTE.pane); // the side panel
    canvas.fill(
      union(segment(8, 11.5, 14.5, 11.5, lineWidth), segment(8, 16, 13, 16, lineWidth)),
      PALETTE.pane,
    );
  } else {
    const { can, cross } = trashCan(size * 0.7);
    canvas.fill(roundRect(1, 1, 31, 31, 6.5), PALETTE.danger);
    canvas.fill(scaled(can, 0.7, 16, 16.5), PALETTE.white);
    canvas.fill(scaled(cross, 0.7, 16, 16.5), PALETTE.danger);
  }
  return canvas.toImage();
}

export function iconFileName(kind: IconKind, size: number): string {
  return kind === "app" ? `icon-${size}.png` : `icon-${kind}-${size}.png`;
}

/** Every icon as PNG bytes with its file name. */
export function renderIcons(): { name: string; kind: IconKind; size: number; png: Buffer }[] {
  return ICON_KINDS.flatMap((kind) =>
    ICON_SIZES.map((size) => ({
      name: iconFileName(kind, size),
      kind,
      size,
      png: encodePng(drawIcon(kind, size)),
    })),
  );
}

export const DEFAULT_ICON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../public/assets");

export function writeIcons(dir: string = DEFAULT_ICON_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return renderIcons().map(({ name, png }) => {
    const path = resolve(dir, name);
    writeFileSync(path, png);
    return path;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outIndex = process.argv.indexOf("--out");
  const out = outIndex >= 0 ? process.argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !out) {
    console.error("usage: npx tsx tools/manifest/make-icons.ts [--out <directory>]");
    process.exit(2);
  }
  const written = writeIcons(out ? resolve(out) : DEFAULT_ICON_DIR);
  console.warn(`wrote ${written.length} icons to ${dirname(written[0] ?? "")}`);
}
