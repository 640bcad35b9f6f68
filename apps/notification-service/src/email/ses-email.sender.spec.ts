import {
  BadRequestException,
  LimitExceededException,
  MessageRejected,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { isPermanentSesError } from './ses-email.sender';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe('isPermanentSesError', () => {
  it('treats a refusal of the message itself as permanent', () => {
    expect(
      isPermanentSesError(new MessageRejected({ message: 'not verified', ...meta(400) })),
    ).toBe(true);
    expect(
      isPermanentSesError(new BadRequestException({ message: 'bad address', ...meta(400) })),
    ).toBe(true);
    expect(isPermanentSesError({ name: 'SomethingNew', ...meta(400) })).toBe(true);
  });

  it('treats throttling, quotas, paused sending, 5xx and network errors as transient', () => {
    expect(
      isPermanentSesError(new TooManyRequestsException({ message: 'slow down', ...meta(429) })),
    ).toBe(false);
    expect(
      isPermanentSesError(new LimitExceededException({ message: 'quota', ...meta(400) })),
    ).toBe(false);
    expect(
      isPermanentSesError(new SendingPausedException({ message: 'paused', ...meta(400) })),
    ).toBe(false);
    expect(isPermanentSesError({ name: 'InternalFailure', ...meta(500) })).toBe(false);
    expect(isPermanentSesError({ name: 'AccessDeniedException', ...meta(403) })).toBe(false);
    expect(
      isPermanentSesError(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(false);
  });
});
