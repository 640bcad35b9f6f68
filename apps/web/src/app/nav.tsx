import {
  IconCategory,
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
];
