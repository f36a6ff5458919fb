/**
 * Upload checks for identity proofs, scans and provided files: the type is decided by the file's
 * magic bytes, never by its name or the browser's claim.
 */
export const ACCEPTED_UPLOADS = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedUpload = (typeof ACCEPTED_UPLOADS)[number];

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The real type of an upload from its first bytes, or null when it is not an accepted type. */
export function sniffUpload(data: Uint8Array): AcceptedUpload | null {
  if (data.length >= 5 && String.fromCharCode(...data.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && PNG.every((b, i) => data[i] === b)) return 'image/png';
  return null;
}
