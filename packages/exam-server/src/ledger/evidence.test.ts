// The evidence type comes from the bytes: a JPEG, PNG or PDF is known by its first bytes, anything else is not.
import { describe, expect, it } from 'vitest';
import { sniffEvidence } from './evidence.js';

describe('sniffEvidence', () => {
  it('knows JPEG, PNG and PDF by their magic bytes and nothing by its name', () => {
    expect(sniffEvidence(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffEvidence(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffEvidence(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffEvidence(new TextEncoder().encode('MZ\x90\x00 a program renamed photo.jpg'))).toBeNull();
    expect(sniffEvidence(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffEvidence(Uint8Array.from([0xff, 0xd8]))).toBeNull(); // too short to be a JPEG
  });
});
