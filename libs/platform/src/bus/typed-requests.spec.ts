import { createServer } from 'node:net';
import { Controller } from '@nestjs/common';
import { type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { busRequest, Services } from '@inventory/contracts';
import { AppBaseConfig } from '../config/base.config';
import { RequestContext } from '../context/request-context';
import { AnswersRequest } from './answers-request';
import { ServiceBus } from './service-bus';

const Double = busRequest<{ value: number }, { doubled: number }>(
  'stock.test.double',
  Services.Stock,
);

@Controller()
class DoubleController {
  @AnswersRequest(Double)
  double(@Payload('data') data: { value: number }): { doubled: number } {
    return { doubled: data.value * 2 };
  }
}

/** Never run: what tsc refuses about a bus request is the test (`typecheck` runs on specs). */
export function wrongUsesDoNotCompile(bus: ServiceBus): void {
  // @ts-expect-error a payload of the wrong shape does not compile
  void bus.send(Double, { value: 'two' });
  // @ts-expect-error nor does a payload missing a field
  void bus.send(Double, {});
  // @ts-expect-error the reply is typed: it has no `tripled`
  void bus.send(Double, { value: 2 }).then((reply) => reply.tripled);

  class WrongReply {
    // @ts-expect-error a handler that answers something else does not compile
    @AnswersRequest(Double)
    double(): { halved: number } {
      return { halved: 1 };
    }
  }
  void WrongReply;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('typed bus requests', () => {
  it('send reaches the service and pattern of the definition, and the handler it decorates', async () => {
    const port = await freePort();
    const module = await Test.createTestingModule({ controllers: [DoubleController] }).compile();
    const service = module.createNestMicroservice<MicroserviceOptions>({
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port },
    });
    await service.listen();
    const bus = new ServiceBus(
      Object.assign(new AppBaseConfig(), {
        STOCK_SERVICE_URL: `tcp://127.0.0.1:${port}`,
        BUS_TIMEOUT_MS: 5_000,
      }),
    );
    try {
      const reply = await RequestContext.run({ correlationId: 'typed-requests' }, () =>
        bus.send(Double, { value: 21 }),
      );
      expect(reply).toEqual({ doubled: 42 });
    } finally {
      await bus.onApplicationShutdown();
      await service.close();
    }
  });

  it('a definition of another service is sent to that service', async () => {
    const bus = new ServiceBus(
      Object.assign(new AppBaseConfig(), {
        CATALOG_SERVICE_URL: `tcp://127.0.0.1:${await freePort()}`,
        BUS_TIMEOUT_MS: 5_000,
      }),
    );
    const Elsewhere = busRequest<{ value: number }, unknown>('catalog.test.double', 'catalog');
    try {
      await expect(
        RequestContext.run({ correlationId: 'typed-requests' }, () =>
          bus.send(Elsewhere, { value: 1 }),
        ),
      ).rejects.toMatchObject({ message: 'The catalog service is unavailable' });
    } finally {
      await bus.onApplicationShutdown();
    }
  });
});
