import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';

import { CurrentUser } from '../api/current-user';
import { Auth } from '../auth/auth';

/**
 * Matches `projects/:projectId/...` only for projects the user is a member of; any other project
 * falls through to the not-found page, so it looks the same as a project that does not exist.
 */
export const projectMemberGuard: CanMatchFn = async (_route, segments) => {
  // Runs beside `authGuard`; without a session there is nobody to ask `/me` for.
  if (!inject(Auth).isAuthenticated()) {
    return false;
  }
  const currentUser = inject(CurrentUser);
  const me = await currentUser.load();
  const projectId = segments[1]?.path;
  return me.projects.some((project) => project.id === projectId);
};

/** Sends the user from the start page to their first project's marketplace, if they have one. */
export const firstProjectGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const me = await inject(CurrentUser).load();
  const first = me.projects[0];
  return first ? router.createUrlTree(['/projects', first.id, 'marketplace']) : true;
};
