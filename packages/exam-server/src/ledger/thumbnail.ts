// Thumbnails of evidence photos: the JPEG or PNG decoded (pure JavaScript, bounded in pixels and memory),
// shrunk by averaging each block of pixels, and encoded as a small JPEG. Decoding at upload also proves
// that a file whose first bytes claim an image really is one.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { EvidenceFile } from '../store/repository.js';

/** The longest side of a thumbnail, in pixels. */
export const thumbnailSide = 160;
/** The largest photo decoded, in megapixels (a phone photo is 12–50). */
const maxMegapixels = 64;

interface Bitmap {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel. */
  data: Uint8Array;
}

/** The image's pixels, or null when the bytes do not decode as the type says. */
export const decodeImage = (type: EvidenceFile['type'], data: Buffer): Bitmap | null => {
  try {
    if (type === 'image/jpeg') return jpeg.decode(data, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxMegapixels, maxMemoryUsageInMB: 512 });
    if (type === 'image/png') {
      const png = PNG.sync.read(data);
      if (png.width * png.height > maxMegapixels * 1_000_000) return null;
      return { width: png.width, height: png.height, data: png.data };
    }
  } catch {
    return null;
  }
  return null;
};

/** A JPEG no larger than thumbnailSide on its longest side; transparent pixels shown over white. */
export const thumbnail = (image: Bitmap): Buffer => {
  const scale = Math.min(1, thumbnailSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const out = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    const top = Math.floor((y * image.height) / height);
    const bottom = Math.max(top + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x += 1) {
      const left = Math.floor((x * image.width) / width);
      const right = Math.max(left + 1, Math.floor(((x + 1) * image.width) / width));
      let r = 0;
      let g = 0;
      let b = 0;
      let count = 0;
      for (let sy = top; sy < bottom; sy += 1) {
        for (let sx = left; sx < right; sx += 1) {
          const at = (sy * image.width + sx) * 4;
          const alpha = image.data[at + 3]! / 255;
          r += image.data[at]! * alpha + 255 * (1 - alpha);
          g += image.data[at + 1]! * alpha + 255 * (1 - alpha);
          b += image.data[at + 2]! * alpha + 255 * (1 - alpha);
          count += 1;
        }
      }
      const to = (y * width + x) * 4;
      out[to] = Math.round(r / count);
      out[to + 1] = Math.round(g / count);
      out[to + 2] = Math.round(b / count);
      out[to + 3] = 255;
    }
  }
  return jpeg.encode({ width, height, data: out }, 75).data;
};
