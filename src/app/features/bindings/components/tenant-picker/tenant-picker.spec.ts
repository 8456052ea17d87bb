import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideUiTesting } from '@testing/test-providers';
import { TestBed } from '@angular/core/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';

import type { BindingTenantChoice } from '@osb/api';
import { TenantPicker } from './tenant-picker';

describe('TenantPicker', () => {
  const choices: BindingTenantChoice[] = [
    { tenant: { id: '123456789012', locationId: 'eu-de-central', platform: 'aws' }, bound: false },
    { tenant: { id: 'payments-fra-2', locationId: 'eu-de-central', platform: 'openstack' }, bound: true },
    { tenant: { id: 'payments-ams', locationId: 'eu-nl-west', platform: 'openstack' }, bound: false },
  ];
  const locations = [
    { id: 'eu-de-central', displayName: 'Frankfurt' },
    { id: 'eu-nl-west', displayName: 'Amsterdam' },
  ];

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideUiTesting() });
  });

  async function render(locationId: string | undefined) {
    const fixture = TestBed.createComponent(TenantPicker);
    fixture.componentRef.setInput('choices', choices);
    fixture.componentRef.setInput('locations', locations);
    fixture.componentRef.setInput('locationId', locationId);
    await fixture.whenStable();
    const group = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatRadioGroupHarness);
    const buttons = await group.getRadioButtons();
    const options = await Promise.all(
      buttons.map(async (button) => ({ label: await button.getLabelText(), disabled: await button.isDisabled() })),
    );
    return { fixture, group, buttons, options };
  }

  it('offers every tenant of the project for a global service, bound ones disabled with the reason', async () => {
    const { options } = await render(undefined);
    expect(options).toEqual([
      { label: '123456789012 aws · Frankfurt', disabled: false },
      { label: 'payments-fra-2 openstack · Frankfurt Already bound to this instance', disabled: true },
      { label: 'payments-ams openstack · Amsterdam', disabled: false },
    ]);
  });

  it("tells screen readers why a bound tenant cannot be picked, as the radio button's description", async () => {
    const { fixture } = await render(undefined);
    const element = fixture.nativeElement as HTMLElement;
    const radios = [...element.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const description = (radio: HTMLInputElement) =>
      (radio.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => element.querySelector(`[id="${id}"]`)?.textContent?.trim())
        .join(' ');
    expect(radios.map((radio) => radio.disabled)).toEqual([false, true, false]);
    expect(description(radios[1])).toBe('Already bound to this instance');
    expect(radios[0].hasAttribute('aria-describedby')).toBe(false);
  });

  it('says so when every tenant is bound already, and only then', async () => {
    const { fixture } = await render('eu-de-central');
    const note = () => (fixture.nativeElement as HTMLElement).querySelector('[role="note"]')?.textContent?.trim();
    expect(note()).toBeUndefined();

    fixture.componentRef.setInput(
      'choices',
      choices.map((choice) => ({ ...choice, bound: true })),
    );
    await fixture.whenStable();
    expect(note()).toBe('Every tenant of this project that this instance can be bound to is bound to it already.');
  });

  it("offers only the instance location's tenants for a local service", async () => {
    const { options } = await render('eu-nl-west');
    expect(options.map((option) => option.label)).toEqual(['payments-ams openstack · Amsterdam']);
  });

  it('picks an allowed tenant and never keeps a bound one', async () => {
    const { fixture, buttons } = await render(undefined);
    await buttons[0].check();
    expect(fixture.componentInstance.value()).toBe('123456789012');

    await buttons[1].check();
    expect(fixture.componentInstance.value()).toBe('123456789012');

    fixture.componentInstance.value.set('payments-fra-2');
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toBeUndefined();
  });
});
