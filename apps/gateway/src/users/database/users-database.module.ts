import { Module } from '@nestjs/common';
import { UsersRepository } from './users.repository';

/** The users repository, for every module that shows people (users, me, movements). */
@Module({ providers: [UsersRepository], exports: [UsersRepository] })
export class UsersDatabaseModule {}
