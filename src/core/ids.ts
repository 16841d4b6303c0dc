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

/** Document ids are base::UnguessableToken values: 128 random bits, printed as 32 uppercase hex digits. */
export function generateDocumentId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}
