/** Strings of the app frame: navigation and header. */
export const appTexts = {
  navDashboard: 'Dashboard',
  navParts: 'Parts',
  navCategories: 'Categories',
  navScan: 'Scan',
  navAdmin: 'Admin',
  mainNavigation: 'Main navigation',
  signedInAs: (name: string, role: string) => `${name} (${role})`,
} as const;
