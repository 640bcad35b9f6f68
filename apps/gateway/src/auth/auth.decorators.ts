import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '@inventory/contracts';

export const IS_PUBLIC = 'auth:isPublic';
export const REQUIRED_ROLES = 'auth:roles';

/**
 * Route policy, read by the gateway's authentication guard:
 * - `@Public()`: anyone, no token (login, refresh, password reset, health, docs);
 * - `@Roles(Role.Admin)`: only those roles (admins may always: `@Roles(Role.Staff)` lets
 *   staff and admins in);
 * - neither: any signed-in user (staff and admins).
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiBearerAuth());
