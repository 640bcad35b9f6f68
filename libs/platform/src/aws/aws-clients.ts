import { SQSClient } from '@aws-sdk/client-sqs';
import type { AppBaseConfig } from '../config/base.config';

/**
 * Settings shared by every AWS client. Endpoints are not set here: the SDK reads
 * AWS_ENDPOINT_URL_<SERVICE> itself, which is how the local stand-ins are reached; in
 * production there is none and credentials come from the instance role.
 */
export function awsClientConfig(
  config: Pick<AppBaseConfig, 'AWS_REGION'>,
  timeouts: { connectionTimeout?: number; requestTimeout?: number } = {},
) {
  return {
    region: config.AWS_REGION,
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: timeouts.connectionTimeout ?? 2000,
      requestTimeout: timeouts.requestTimeout ?? 10_000,
      // Without this the SDK only warns when a request outlives requestTimeout: a hanging
      // endpoint would stall the outbox relay or a consumer for good.
      throwOnRequestTimeout: true,
    },
  };
}

/** For sending (outbox relay): short timeouts, the relay retries on its own schedule. */
export const createSqsPublisher = (config: Pick<AppBaseConfig, 'AWS_REGION'>) =>
  new SQSClient({ ...awsClientConfig(config, { requestTimeout: 5000 }), maxAttempts: 1 });

/** For long polling (consumers): the request must outlive the 20 s wait. */
export const createSqsPoller = (config: Pick<AppBaseConfig, 'AWS_REGION'>) =>
  new SQSClient(awsClientConfig(config, { requestTimeout: 30_000 }));
