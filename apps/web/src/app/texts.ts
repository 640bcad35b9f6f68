/** Strings of the app frame: navigation and header. */
export const appTexts = {
  navDashboard: 'Dashboard',
  navParts: 'Parts',
  navCategories: 'Categories',
  navScan: 'Scan',
  navAdmin: 'Admin',
  navProfile: 'My profile',
  navNewPart: 'New part',
  navAdminCategories: 'Edit categories',
  navImport: 'Import / export',
  navReorder: 'Reorder levels',
  navLabels: 'Labels',
  navUsers: 'Users',
  navAlerts: 'Alerts',
  navAudit: 'Audit trail',
  mainNavigation: 'Main navigation',
  signedInAs: (name: string, role: string) => `${name} (${role})`,
} as const;
