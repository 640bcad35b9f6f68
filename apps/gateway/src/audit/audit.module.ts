import { Module } from '@nestjs/common';
import { UsersDatabaseModule } from '../users/database/users-database.module';
import { ListAuditHttpController } from './queries/list-audit/list-audit.http.controller';
import { ListAuditQuery } from './queries/list-audit/list-audit.query';

/** `GET /audit`: the trail of every service, merged (docs/adr/0016). */
@Module({
  imports: [UsersDatabaseModule],
  controllers: [ListAuditHttpController],
  providers: [ListAuditQuery],
})
export class AuditModule {}
