import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersDatabaseModule } from './database/users-database.module';
import { BootstrapAdminService } from './commands/bootstrap-admin/bootstrap-admin.service';
import { CreateUserHttpController } from './commands/create-user/create-user.http.controller';
import { CreateUserService } from './commands/create-user/create-user.service';
import { UpdateUserHttpController } from './commands/update-user/update-user.http.controller';
import { UpdateUserService } from './commands/update-user/update-user.service';
import { GetUserHttpController } from './queries/get-user/get-user.http.controller';
import { ListUsersHttpController } from './queries/list-users/list-users.http.controller';

/** Admins manage users: list, add (with a welcome email), rename, change role, deactivate. */
@Module({
  imports: [AuthModule, UsersDatabaseModule],
  controllers: [
    ListUsersHttpController,
    CreateUserHttpController,
    GetUserHttpController,
    UpdateUserHttpController,
  ],
  providers: [CreateUserService, UpdateUserService, BootstrapAdminService],
})
export class UsersModule {}
