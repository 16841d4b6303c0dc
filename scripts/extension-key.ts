/** Prints a fresh manifest "key" and the extension id Chrome derives from it. */
import { generateKeyPairSync } from 'node:crypto';
import { extensionIdFromKey } from '../src/core/ids.ts';

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
console.log(JSON.stringify({ key, id: extensionIdFromKey(key) }, null, 2));
