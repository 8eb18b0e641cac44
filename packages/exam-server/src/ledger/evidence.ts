// Evidence on a ledger item (photos and PDF scans): the type is read from the file's first bytes, never
// from its name or the declared type, and the size is limited, so a renamed program is refused.
import type { EvidenceFile } from '../store/repository.js';

export const maxEvidenceBytes = 5 * 1024 * 1024;

const signatures: { type: EvidenceFile['type']; bytes: number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/** The file's type by its magic bytes, or null when it is none of the accepted kinds. */
export const sniffEvidence = (data: Uint8Array): EvidenceFile['type'] | null =>
  signatures.find((signature) => data.length >= signature.bytes.length && signature.bytes.every((byte, index) => data[index] === byte))?.type ?? null;

export const stageLabels: Record<EvidenceFile['stage'], string> = { found: '隐患发现', rectification: '整改', acceptance: '验收' };
