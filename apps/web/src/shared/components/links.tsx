import {
  Anchor,
  Button,
  NavLink,
  type AnchorProps,
  type ButtonProps,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

/*
 * Links of the console. They render real `<a href>` elements (TanStack Router's `createLink`
 * over Mantine's components), so Ctrl/Cmd-click, middle-click and "open in new tab" work
 * everywhere, table rows included. Never navigate from an onClick on a div.
 */

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttributes>(
  (props, ref) => <Anchor ref={ref} {...props} />,
);
const CreatedTextLink = createLink(MantineAnchor);
/** A text link (Mantine Anchor). */
export const TextLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedTextLink preload="intent" {...props} />
);

const MantineButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttributes>(
  (props, ref) => <Button component="a" ref={ref} {...props} />,
);
const CreatedButtonLink = createLink(MantineButtonAnchor);
/** A link that looks like a button (quick actions, "open"). */
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);

const MantineNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & AnchorAttributes>(
  (props, ref) => <NavLink component="a" ref={ref} {...props} />,
);
const CreatedNavLink = createLink(MantineNavLink);
/** An entry of the navigation. */
export const NavItemLink: LinkComponent<typeof MantineNavLink> = (props) => (
  <CreatedNavLink preload="intent" {...props} />
);
