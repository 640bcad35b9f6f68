import type { ServiceDatabase } from '@inventory/platform';
import { PasswordResetTokenEntity } from '../auth/database/password-reset-token.entity';
import { RefreshTokenEntity } from '../auth/database/refresh-token.entity';
import { SessionEntity } from '../auth/database/session.entity';
import { UserEntity } from '../users/database/user.entity';
import { CreateOutbox1764000000000 } from './migrations/1764000000000-create-outbox';
import { CreateIdentity1764100000000 } from './migrations/1764100000000-create-identity';
import { OutboxEventParts1764100000001 } from './migrations/1764100000001-outbox-event-parts';
import { NotifySessionChanges1764200000000 } from './migrations/1764200000000-notify-session-changes';
import { CreateAuditEntries1764400000000 } from './migrations/1764400000000-create-audit-entries';

/** Everything the gateway keeps in Postgres (users, sessions, its outbox) lives in this schema. */
export const GATEWAY_SCHEMA = 'gateway';

export const gatewayDatabase: ServiceDatabase = {
  schema: GATEWAY_SCHEMA,
  entities: [UserEntity, SessionEntity, RefreshTokenEntity, PasswordResetTokenEntity],
  migrations: [
    CreateOutbox1764000000000,
    CreateIdentity1764100000000,
    OutboxEventParts1764100000001,
    NotifySessionChanges1764200000000,
    CreateAuditEntries1764400000000,
  ],
};
