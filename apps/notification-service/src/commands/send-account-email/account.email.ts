import { EmailKinds, type AccountEmailPayload } from '@inventory/contracts';
import type { OutgoingEmail } from '../../email/email-sender.port';
import { escapeHtml, htmlEmail, htmlLink, PRODUCT_NAME } from '../../email/email-layout';

/** "24 Nov 2026, 18:40 UTC" */
const when = (iso: string) =>
  `${new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso))} UTC`;

export function passwordResetEmail(payload: AccountEmailPayload): OutgoingEmail {
  const subject = `Reset your ${PRODUCT_NAME} password`;
  const expiry = payload.expiresAt
    ? `The link works once and expires on ${when(payload.expiresAt)}.`
    : 'The link works once.';
  const text = [
    `Hello ${payload.displayName},`,
    '',
    `Someone (hopefully you) asked to reset the password of your ${PRODUCT_NAME} account (${payload.email}).`,
    '',
    'Choose a new password here:',
    payload.link,
    '',
    expiry,
    '',
    'If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
  const html = htmlEmail({
    title: subject,
    heading: subject,
    body: `<p>Hello ${escapeHtml(payload.displayName)},</p>
<p>Someone (hopefully you) asked to reset the password of your ${PRODUCT_NAME} account (${escapeHtml(payload.email)}).</p>
<p>${htmlLink(payload.link, 'Choose a new password')}</p>
<p>${escapeHtml(expiry)}</p>`,
    footer: 'If you did not ask for this, ignore this email: your password stays as it is.',
  });
  return { to: [payload.email], subject, text, html, kind: EmailKinds.PasswordReset };
}

export function welcomeEmail(payload: AccountEmailPayload): OutgoingEmail {
  const subject = `Welcome to ${PRODUCT_NAME}`;
  const text = [
    `Hello ${payload.displayName},`,
    '',
    `An ${PRODUCT_NAME} account was created for you (${payload.email}).`,
    '',
    'Sign in here:',
    payload.link,
  ].join('\n');
  const html = htmlEmail({
    title: subject,
    heading: subject,
    body: `<p>Hello ${escapeHtml(payload.displayName)},</p>
<p>An ${PRODUCT_NAME} account was created for you (${escapeHtml(payload.email)}).</p>
<p>${htmlLink(payload.link, 'Sign in')}</p>`,
    footer: `${PRODUCT_NAME}: ${htmlLink(payload.link)}`,
  });
  return { to: [payload.email], subject, text, html, kind: EmailKinds.Welcome };
}
