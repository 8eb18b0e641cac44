// Thumbnails: a large PNG and a JPEG shrink to at most thumbnailSide on the longest side, keep their aspect
// and colour (a block average), and bytes that only start like an image do not decode.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage, thumbnail, thumbnailSide } from './thumbnail.js';

const png = (width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]) => {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) image.data.set(pixel(x, y), (y * width + x) * 4);
  return PNG.sync.write(image);
};

describe('evidence thumbnails', () => {
  it('shrinks a wide PNG to the thumbnail side, keeping the aspect and the colours of each half', () => {
    const source = png(800, 400, (x) => (x < 400 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    const small = jpeg.decode(thumbnail(decodeImage('image/png', source)!), { useTArray: true });
    expect([small.width, small.height]).toEqual([thumbnailSide, thumbnailSide / 2]);
    const at = (x: number, y: number) => Array.from(small.data.slice((y * small.width + x) * 4, (y * small.width + x) * 4 + 3));
    const [r1, , b1] = at(10, 40);
    const [r2, , b2] = at(150, 40);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it('shows transparent pixels over white, decodes JPEGs, and never enlarges a small image', () => {
    const clear = jpeg.decode(thumbnail(decodeImage('image/png', png(20, 10, () => [0, 0, 0, 0]))!), { useTArray: true });
    expect([clear.width, clear.height]).toEqual([20, 10]);
    expect(clear.data[0]).toBeGreaterThan(240);
    const photo = jpeg.encode({ width: 300, height: 600, data: Buffer.alloc(300 * 600 * 4, 128) }, 90).data;
    const decoded = decodeImage('image/jpeg', photo)!;
    const tall = jpeg.decode(thumbnail(decoded), { useTArray: true });
    expect([tall.width, tall.height]).toEqual([thumbnailSide / 2, thumbnailSide]);
  });

  it('refuses bytes that start like an image but are not one', () => {
    expect(decodeImage('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]))).toBeNull();
    expect(decodeImage('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]))).toBeNull();
    expect(decodeImage('application/pdf', Buffer.from('%PDF-1.4'))).toBeNull();
  });
});
