import { Injectable } from '@nestjs/common';

/**
 * The time the gateway's session rules read (token expiry, rotation, the reuse grace). One
 * injectable so a test can move it instead of waiting.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
