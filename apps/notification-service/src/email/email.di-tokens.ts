/** The `EmailSender` adapter the service sends through. */
export const EMAIL_SENDER = Symbol('EMAIL_SENDER');

/** The SESv2 client the SES adapter uses (tests point it at a stand-in). */
export const SESV2_CLIENT = Symbol('SESV2_CLIENT');
