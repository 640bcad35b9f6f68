import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppBaseConfig } from '../config/base.config';
import { dataSourceOptions, type ServiceDatabase } from './data-source-options';

/** The service's TypeORM DataSource, bound to its own schema. */
@Module({})
export class DatabaseModule {
  static forService(database: ServiceDatabase): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppBaseConfig],
          useFactory: (config: AppBaseConfig) => ({
            ...dataSourceOptions(config, database),
            retryAttempts: 10,
            retryDelay: 1000,
          }),
        }),
        TypeOrmModule.forFeature(database.entities),
      ],
      exports: [TypeOrmModule],
    };
  }
}
