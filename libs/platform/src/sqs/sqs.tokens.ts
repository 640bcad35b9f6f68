/** SQS client for sending (short timeouts). */
export const SQS_PUBLISHER = Symbol('SQS_PUBLISHER');
/** SQS client for long polling (timeouts longer than the 20 s wait). */
export const SQS_POLLER = Symbol('SQS_POLLER');
