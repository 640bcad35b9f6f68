import { GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Finds a queue's URL from its logical name (`stock-events`), applying the environment prefix. */
export class QueueDirectory {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(
    private readonly sqs: SQSClient,
    private readonly prefix: string,
  ) {}

  fullName(queue: string): string {
    return `${this.prefix}${queue}`;
  }

  url(queue: string): Promise<string> {
    let url = this.urls.get(queue);
    if (!url) {
      url = this.sqs
        .send(new GetQueueUrlCommand({ QueueName: this.fullName(queue) }))
        .then((answer) => {
          if (!answer.QueueUrl) throw new Error(`SQS returned no URL for ${this.fullName(queue)}`);
          return answer.QueueUrl;
        });
      // A failed lookup (SQS down) is not remembered: the next call asks again.
      url.catch(() => this.urls.delete(queue));
      this.urls.set(queue, url);
    }
    return url;
  }
}
