const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/**
 * 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits. Not cryptographic: it only has to be
 * stable across runs, platforms and Node versions (node:crypto would break library purity).
 */
export function fingerprint(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
