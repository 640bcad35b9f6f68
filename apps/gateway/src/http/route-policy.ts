import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Role } from '@inventory/contracts';
import { IS_PUBLIC, REQUIRED_ROLES } from '../auth/auth.decorators';

/** Who may call a route: anyone, any signed-in user, or only some roles. */
export type RoutePolicy =
  { access: 'public' } | { access: 'signed-in' } | { access: 'roles'; roles: Role[] };

/** The policy of one handler, as the authentication guard reads it. */
export function routePolicy(
  reflector: Reflector,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  targets: [Function, Type],
): RoutePolicy {
  if (reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return { access: 'public' };
  const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
  if (!roles || roles.length === 0) return { access: 'signed-in' };
  // Admins may do everything, whatever else a route names.
  return { access: 'roles', roles: [...new Set([...roles, Role.Admin])] };
}

export interface RouteHandler {
  controller: Type;
  methodName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  handler: Function;
  policy: RoutePolicy;
}

/** Every HTTP route handler of the application, with its policy. */
export function routeHandlers(app: INestApplication): RouteHandler[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const handlers: RouteHandler[] = [];
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      for (const methodName of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[methodName];
        if (
          Reflect.getMetadata(PATH_METADATA, handler) === undefined ||
          Reflect.getMetadata(METHOD_METADATA, handler) === undefined
        ) {
          continue;
        }
        handlers.push({
          controller,
          methodName,
          handler,
          policy: routePolicy(reflector, [handler, controller]),
        });
      }
    }
  }
  return handlers;
}
