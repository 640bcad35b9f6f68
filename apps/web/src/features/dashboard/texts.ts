/** Every user-facing string of the dashboard. */
export const dashboardTexts = {
  title: 'Dashboard',
  welcome: (name: string) => `Signed in as ${name}.`,
} as const;
