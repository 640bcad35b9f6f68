import { Module } from '@nestjs/common';
import { ApiIndexController } from './api-index.http.controller';

@Module({ controllers: [ApiIndexController] })
export class ApiIndexModule {}
