import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@inventory/platform';
import type { FastifyRequest } from 'fastify';
import { routePolicy } from '../http/route-policy';
import { type AuthUser, SessionService } from './session.service';

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

/**
 * Applies each route's policy (`@Public()`, `@Roles(...)`, or any signed-in user) to every
 * HTTP request. A signed-in request becomes the actor of everything it causes: bus requests
 * carry it to the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = routePolicy(this.reflector, [context.getHandler(), context.getClass()]);
    if (policy.access === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new UnauthorizedException(
        'Sign in first: send the access token as "Authorization: Bearer <token>"',
      );
    }
    const user = await this.sessions.authenticate(token);
    if ('refused' in user) throw new UnauthorizedException(user.refused);

    if (policy.access === 'roles' && !policy.roles.includes(user.role)) {
      throw new ForbiddenException(`Only ${policy.roles.join(' or ')} users may do this`);
    }
    request.user = user;
    const requestContext = RequestContext.current();
    if (requestContext) {
      requestContext.actor = { userId: user.id, role: user.role, email: user.email };
    }
    return true;
  }
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
