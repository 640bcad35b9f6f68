/** Every user-facing string of signing in, out and resetting a password. */
export const authTexts = {
  signInTitle: 'Sign in',
  signInIntro: 'Electronic Inventory: the parts room, at a glance.',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  forgotPassword: 'Forgot your password?',
  firstSignIn:
    'First time here? Use the email address and the password from your welcome email; you can change the password afterwards.',
  wrongCredentials:
    'Email or password is incorrect. If both are right, your account may have been deactivated: ask an admin.',
  rateLimited: (seconds: number) =>
    `Too many sign-in attempts from this device. Try again in ${seconds} seconds.`,
  rateLimitedNoTime: 'Too many sign-in attempts from this device. Wait a minute and try again.',
  sessionEnded: 'Your session ended (signed out elsewhere or expired). Sign in to continue.',
  signedOut: 'You are signed out.',
  emailInvalid: 'Enter an email address like name@example.com',
  passwordRequired: 'Enter your password',
  forgotTitle: 'Reset your password',
  forgotIntro:
    'Enter the email address of your account. If an active account uses it, we send a link to choose a new password.',
  sendResetLink: 'Send reset link',
  resetLinkSent: (email: string) =>
    `If an active account uses ${email}, a reset link is on its way. Check your inbox (and spam folder); the link works for a limited time.`,
  backToSignIn: 'Back to sign in',
  resetTitle: 'Choose a new password',
  resetIntro:
    'At least 12 characters, not a commonly used password, and not containing the name part of your email address.',
  newPassword: 'New password',
  repeatPassword: 'Repeat the new password',
  passwordTooShort: 'At least 12 characters',
  passwordsDiffer: 'The two passwords differ',
  savePassword: 'Save new password',
  resetDone: 'Your password was changed. Sign in with the new one.',
  resetLinkInvalid: 'This reset link is invalid, already used or expired. Ask for a new one below.',
  resetTokenMissing: 'This page needs the link from the reset email. Ask for a new one below.',
} as const;
