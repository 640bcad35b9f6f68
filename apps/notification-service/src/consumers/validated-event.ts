import type { EventEnvelope } from '@inventory/contracts';
import { PoisonMessageError, validationDetails } from '@inventory/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * The event inside an envelope, checked against its contract DTO. Anything this service
 * cannot act on — an unknown type, another version, a payload that does not validate — is
 * a poison message: it fails fast (logged with its message id by the consumer) and SQS
 * moves it to the dead-letter queue, where it waits for a person.
 */
export async function validatedEvent<T extends object>(
  dto: new () => T,
  types: readonly string[],
  envelope: EventEnvelope,
): Promise<T> {
  if (!types.includes(envelope.type)) {
    throw new PoisonMessageError(`unknown event type "${envelope.type}" (event ${envelope.id})`);
  }
  if (envelope.version !== 1) {
    throw new PoisonMessageError(
      `unsupported version ${envelope.version} of ${envelope.type} (event ${envelope.id})`,
    );
  }
  const event = plainToInstance(dto, { type: envelope.type, payload: envelope.payload });
  const errors = await validate(event, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const problems = validationDetails(errors).map((d) => `${d.field}: ${d.message}`);
    throw new PoisonMessageError(
      `invalid ${envelope.type} event ${envelope.id}: ${problems.join('; ')}`,
    );
  }
  return event;
}
