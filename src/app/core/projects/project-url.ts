import { ActivatedRouteSnapshot, Params, UrlTree } from '@angular/router';

/** The `projectId` route parameter of the deepest route that has one, if any. */
export function projectIdOf(root: ActivatedRouteSnapshot): string | undefined {
  let projectId: string | undefined;
  for (let route: ActivatedRouteSnapshot | null = root; route; route = route.firstChild) {
    projectId = route.params['projectId'] ?? projectId;
  }
  return projectId;
}

/**
 * The address of the same kind of page in another project: `/projects/a/marketplace/services/x`
 * becomes `/projects/b/marketplace`. The section (marketplace, later instances) and its query
 * parameters are kept; deeper pages belong to the old project and are left.
 */
export function switchProjectCommands(
  currentUrl: UrlTree,
  projectId: string,
): { commands: string[]; queryParams: Params } {
  const segments = currentUrl.root.children['primary']?.segments.map((segment) => segment.path) ?? [];
  const inProject = segments[0] === 'projects' && segments.length >= 3;
  const section = inProject ? segments[2] : 'marketplace';
  const keepsQuery = inProject && segments.length === 3;
  return {
    commands: ['/projects', projectId, section],
    queryParams: keepsQuery ? currentUrl.queryParams : {},
  };
}
