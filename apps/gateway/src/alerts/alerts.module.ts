import { Module } from '@nestjs/common';
import { AlertsHttpController } from './alerts.http.controller';

/** /alerts: recipients, email log and the low-stock digest, served by the notification service. */
@Module({ controllers: [AlertsHttpController] })
export class AlertsModule {}
