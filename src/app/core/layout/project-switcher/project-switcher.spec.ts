import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import type { Project } from '@osb/api';
import { ProjectSwitcher } from './project-switcher';

function project(id: string, displayName: string, workspaceId: string, workspaceDisplayName: string): Project {
  return { id, displayName, workspaceId, workspaceDisplayName, tenants: [] };
}

@Component({
  imports: [ProjectSwitcher],
  template: `<mp-project-switcher
    [projects]="projects"
    [projectId]="projectId()"
    (projectSelected)="picked.set($event)"
  />`,
})
class Host {
  readonly projects = [
    project('payments', 'Payments', 'likvid', 'Likvid Bank'),
    project('webshop', 'Web Shop', 'acme', 'ACME Corp'),
    project('mobile', 'Mobile App', 'likvid', 'Likvid Bank'),
  ];
  readonly projectId = signal('payments');
  readonly picked = signal<string | null>(null);
}

describe('ProjectSwitcher', () => {
  it('lists the projects grouped by workspace and reports the pick', async () => {
    const fixture = TestBed.createComponent(Host);
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ label: 'Project' }),
    );

    expect(await select.getValueText()).toBe('Payments');
    await select.open();
    const groups = await select.getOptionGroups();
    expect(await Promise.all(groups.map((group) => group.getLabelText()))).toEqual(['Likvid Bank', 'ACME Corp']);
    expect(await Promise.all((await select.getOptions()).map((option) => option.getText()))).toEqual([
      'Payments',
      'Mobile App',
      'Web Shop',
    ]);

    await select.clickOptions({ text: 'Web Shop' });
    expect(fixture.componentInstance.picked()).toBe('webshop');
  });
});
