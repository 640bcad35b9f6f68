import { Global, Module } from '@nestjs/common';
import { ServiceBus } from './service-bus';

/** Provides `ServiceBus` for apps that send requests to services. */
@Global()
@Module({ providers: [ServiceBus], exports: [ServiceBus] })
export class BusModule {}
