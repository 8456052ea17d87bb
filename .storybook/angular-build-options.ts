/**
 * The Angular build options that Storybook and its Vitest project compile stories with, read
 * from the application's build target in angular.json so that stories get the same global
 * styles and change detection (zone-based or zoneless) as the app.
 */
import { readFileSync } from 'node:fs';

interface AngularBuildTargetOptions {
  polyfills?: string[];
  styles?: string[];
  stylePreprocessorOptions?: Record<string, unknown>;
}

const workspace = JSON.parse(readFileSync(new URL('../angular.json', import.meta.url), 'utf8'));
const appBuild: AngularBuildTargetOptions = workspace.projects['osb-marketplace'].architect.build.options;

/** Options in the shape `@storybook/angular-vite` accepts from the Angular builders. */
export const angularBuildOptions = {
  zoneless: !(appBuild.polyfills ?? []).includes('zone.js'),
  styles: appBuild.styles ?? [],
  ...(appBuild.stylePreprocessorOptions ? { stylePreprocessorOptions: appBuild.stylePreprocessorOptions } : {}),
};
