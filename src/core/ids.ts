import { createHash, randomBytes } from 'node:crypto';

/**
 * Extension ids are 32 characters a–p: each hex digit 0–f of a SHA-256 mapped to a letter
 * (components/crx_file/id_util.cc).
 */
const ID_LENGTH = 32;

function hexToIdAlphabet(hex: string): string {
  let id = '';
  for (const digit of hex) id += String.fromCharCode(97 + parseInt(digit, 16));
  return id;
}

/** id_util::IdIsValid: exactly 32 characters in [a-p], case-insensitive. */
export function isValidExtensionId(id: string): boolean {
  return id.length === ID_LENGTH && /^[a-p]+$/i.test(id);
}

/** The id Chrome gives an extension whose manifest has `key` (base64 DER SubjectPublicKeyInfo). */
export function extensionIdFromKey(key: string): string {
  const der = Buffer.from(key.replace(/\s+/g, ''), 'base64');
  if (der.length === 0) throw new Error('manifest key is not valid base64');
  return hexToIdAlphabet(createHash('sha256').update(der).digest('hex').slice(0, ID_LENGTH));
}

/** The id Chrome gives an unpacked extension without a key: a hash of its absolute path. */
export function extensionIdFromPath(absolutePath: string): string {
  return hexToIdAlphabet(createHash('sha256').update(absolutePath).digest('hex').slice(0, ID_LENGTH));
}

export function generateExtensionId(): string {
  return hexToIdAlphabet(randomBytes(16).toString('hex'));
}

/** Random bytes drawn in bulk: one call to the CSPRNG per 256 documents rather than one each. */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** Document ids are base::UnguessableToken values: 128 random bits, printed as 32 uppercase hex digits. */
export function generateDocumentId(): string {
  if (poolOffset + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const id = pool.toString('hex', poolOffset, poolOffset + 16).toUpperCase();
  poolOffset += 16;
  return id;
}
