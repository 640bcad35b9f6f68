import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/**
 * Emails the gateway asks for, on the `notification-requests` queue. The payload carries
 * the link the person will follow (for a reset: with the one-time token in it), so the
 * notification service never needs the gateway's tables.
 */
export const NotificationRequests = {
  PasswordReset: 'account.password_reset_requested',
  Welcome: 'account.welcome_requested',
} as const;

export type NotificationRequestType =
  (typeof NotificationRequests)[keyof typeof NotificationRequests];

export const NOTIFICATION_REQUEST_TYPES = Object.values(NotificationRequests);

export interface AccountEmailPayload {
  userId: string;
  email: string;
  displayName: string;
  /** Password reset: the reset page with the token; welcome: the login page. */
  link: string;
  /**
   * Password reset: when the link stops working. A welcome request written before
   * `createdAt` existed carries the account's creation time here instead; it is read as
   * nothing more than that.
   */
  expiresAt?: string;
  /** Welcome: when the account was created. */
  createdAt?: string;
}

export class AccountEmailPayloadDto implements AccountEmailPayload {
  @IsUUID()
  userId!: string;

  @IsEmail({ require_tld: false })
  email!: string;

  @IsString()
  @MaxLength(200)
  displayName!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  @MaxLength(2000)
  link!: string;

  @IsOptional()
  @IsISO8601()
  expiresAt?: string;

  @IsOptional()
  @IsISO8601()
  createdAt?: string;
}

export class NotificationRequestDto {
  @IsIn(NOTIFICATION_REQUEST_TYPES)
  type!: NotificationRequestType;

  @ValidateNested()
  @Type(() => AccountEmailPayloadDto)
  payload!: AccountEmailPayloadDto;
}
