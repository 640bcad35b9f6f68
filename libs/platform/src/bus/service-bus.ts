import { HttpStatus, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type ClientProxy, ClientProxyFactory } from '@nestjs/microservices';
import type { BusError, BusRequest, BusRequestType, ServiceName } from '@inventory/contracts';
import { lastValueFrom, timeout, TimeoutError } from 'rxjs';
import { AppBaseConfig } from '../config/base.config';
import { RequestContext } from '../context/request-context';
import { ServiceError } from '../errors/service-errors';
import { busClientOptions } from './bus-options';

export interface SendOptions {
  timeoutMs?: number;
}

/**
 * Sends requests to the other services and waits for their answer. Every request carries
 * the current correlation id and actor. Failures come back as `ServiceError`s with the
 * status the caller should see: the service's own (404, 409 …), 503 when it cannot be
 * reached, 504 when it does not answer in time.
 */
@Injectable()
export class ServiceBus implements OnApplicationShutdown {
  private readonly clients = new Map<ServiceName, ClientProxy>();

  constructor(private readonly config: AppBaseConfig) {}

  /**
   * `bus.send(RecordMovement, data)`: the definition names the service and the pattern, and
   * its types check `data` and the answer.
   */
  async send<TRequest, TReply>(
    request: BusRequestType<TRequest, TReply>,
    data: NoInfer<TRequest>,
    options: SendOptions = {},
  ): Promise<TReply> {
    const { service, pattern } = request;
    const timeoutMs = options.timeoutMs ?? this.config.BUS_TIMEOUT_MS;
    const message: BusRequest<TRequest> = { meta: RequestContext.meta(), data };
    try {
      return await lastValueFrom(
        this.client(service)
          .send<TReply, BusRequest<TRequest>>(pattern, message)
          .pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      throw toServiceError(error, service, timeoutMs);
    }
  }

  private client(service: ServiceName): ClientProxy {
    let client = this.clients.get(service);
    if (!client) {
      client = ClientProxyFactory.create(busClientOptions(this.config, service));
      this.clients.set(service, client);
    }
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
    this.clients.clear();
  }
}

const UNREACHABLE = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '503'];

function toServiceError(error: unknown, service: ServiceName, timeoutMs: number): ServiceError {
  if (error instanceof TimeoutError) {
    return new ServiceError(
      HttpStatus.GATEWAY_TIMEOUT,
      'Gateway Timeout',
      `The ${service} service did not answer within ${timeoutMs} ms`,
    );
  }
  if (isBusError(error)) {
    return new ServiceError(error.statusCode, error.error, error.message, error.details);
  }
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as { message?: unknown })?.message ?? '');
  if (UNREACHABLE.includes(code) || /connection closed|no responders|disconnect/i.test(message)) {
    return new ServiceError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'Service Unavailable',
      `The ${service} service is unavailable`,
    );
  }
  return new ServiceError(
    HttpStatus.BAD_GATEWAY,
    'Bad Gateway',
    `The ${service} service failed to handle the request`,
  );
}

function isBusError(value: unknown): value is BusError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BusError).statusCode === 'number' &&
    typeof (value as BusError).message === 'string'
  );
}
