import { invocationError } from '../core/errors.ts';
import { SerializationError, type SerializedMessage } from '../core/serialization.ts';
import type { ContextMessaging } from './messaging.ts';
import { bindingError } from './realm.ts';
import type { APISignature } from './signature.ts';

/**
 * The one-time APIs serialize inside the binding, so a message that cannot be sent throws the
 * invocation-prefixed TypeError (messaging_util.cc via APISignature error reporting).
 */
export function serializeForCall(messaging: ContextMessaging, signature: APISignature, message: unknown, asText = false): SerializedMessage {
  try {
    return messaging.serialize(message, asText);
  } catch (error) {
    if (!(error instanceof SerializationError)) throw error;
    throw bindingError(messaging.realm, 'TypeError', invocationError(signature.apiMethod, signature.expectedSignature, error.message));
  }
}
