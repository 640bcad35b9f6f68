import {
  IconAdjustmentsHorizontal,
  IconBell,
  IconHistory,
  IconCategory,
  IconFileImport,
  IconFolderCog,
  IconPlus,
  IconTags,
  IconUserCircle,
  IconUsers,
  IconLayoutDashboard,
  IconListSearch,
  IconScan,
  type Icon,
} from '@tabler/icons-react';
import { appTexts as t } from './texts';

export interface NavItem {
  label: string;
  /** A path of the console (the page's route must exist in app/router.tsx). */
  to: string;
  icon: Icon;
  /** Only admins see it (the API refuses staff anyway). */
  adminOnly?: boolean;
  /** Active only on exactly this path (the dashboard at /). */
  exact?: boolean;
}

/** The navigation, in order. Add a page's entry here; admin pages set `adminOnly`. */
export const NAV_ITEMS: NavItem[] = [
  { label: t.navDashboard, to: '/', icon: IconLayoutDashboard, exact: true },
  { label: t.navParts, to: '/products', icon: IconListSearch },
  { label: t.navCategories, to: '/categories', icon: IconCategory },
  { label: t.navScan, to: '/scan', icon: IconScan },
  { label: t.navProfile, to: '/profile', icon: IconUserCircle },
  { label: t.navNewPart, to: '/admin/parts/new', icon: IconPlus, adminOnly: true },
  { label: t.navAdminCategories, to: '/admin/categories', icon: IconFolderCog, adminOnly: true },
  { label: t.navImport, to: '/admin/import', icon: IconFileImport, adminOnly: true },
  {
    label: t.navReorder,
    to: '/admin/reorder-levels',
    icon: IconAdjustmentsHorizontal,
    adminOnly: true,
  },
  { label: t.navLabels, to: '/admin/labels', icon: IconTags, adminOnly: true },
  { label: t.navUsers, to: '/admin/users', icon: IconUsers, adminOnly: true },
  { label: t.navAlerts, to: '/admin/alerts', icon: IconBell, adminOnly: true },
  { label: t.navAudit, to: '/admin/audit', icon: IconHistory, adminOnly: true },
];
