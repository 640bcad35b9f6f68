/** Every user-facing string of the own-profile page. */
export const profileTexts = {
  title: 'My profile',
  name: 'Name',
  email: 'Email',
  role: 'Role',
  since: 'Account since',
  changePassword: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  repeat: 'Repeat the new password',
  save: 'Change password',
  changed: 'Password changed. Other sessions of this account were signed out.',
  tooShort: 'At least 12 characters',
  differ: 'The two passwords differ',
  required: 'Required',
} as const;
