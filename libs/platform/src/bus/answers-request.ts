import { MessagePattern } from '@nestjs/microservices';
import type { BusRequestType } from '@inventory/contracts';
import type { Observable } from 'rxjs';

type Answer<TReply> = TReply | Promise<TReply> | Observable<TReply>;

/**
 * `@AnswersRequest(RecordMovement)` on a message controller's method: `@MessagePattern` with
 * the pattern of the shared definition, and a compile error when the method answers
 * something other than the definition's reply type.
 */
export function AnswersRequest<TRequest, TReply>(request: BusRequestType<TRequest, TReply>) {
  const pattern = MessagePattern(request.pattern);
  return <TMethod extends (...args: never[]) => Answer<TReply>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<TMethod>,
  ): void => {
    pattern(target, key, descriptor);
  };
}
