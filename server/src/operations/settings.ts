/**
 * Timings of the provisioning machinery. The defaults suit production; tests shorten them.
 */
import { DEFAULT_ORPHAN_MITIGATION_SCHEDULE, type OrphanMitigationSchedule } from './orphan-mitigation.ts';
import { DEFAULT_POLLING_SETTINGS, type PollingSettings } from '../osb/polling.ts';

/** Timeouts and schedules of broker requests, polling and orphan mitigation. */
export interface ProvisioningSettings {
  /** How long one provision, update, deprovision or poll request may take (OSB platforms typically wait 60 s). */
  requestTimeoutSeconds: number;
  polling: PollingSettings;
  orphanMitigation: OrphanMitigationSchedule;
}

/** The production defaults. */
export const DEFAULT_PROVISIONING_SETTINGS: ProvisioningSettings = {
  requestTimeoutSeconds: 60,
  polling: DEFAULT_POLLING_SETTINGS,
  orphanMitigation: DEFAULT_ORPHAN_MITIGATION_SCHEDULE,
};

/** Overrides for some of the settings. */
export interface ProvisioningOverrides {
  requestTimeoutSeconds?: number;
  polling?: Partial<PollingSettings>;
  orphanMitigation?: Partial<OrphanMitigationSchedule>;
}

/** The defaults with `overrides` applied. */
export function provisioningSettings(overrides: ProvisioningOverrides = {}): ProvisioningSettings {
  return {
    requestTimeoutSeconds: overrides.requestTimeoutSeconds ?? DEFAULT_PROVISIONING_SETTINGS.requestTimeoutSeconds,
    polling: { ...DEFAULT_PROVISIONING_SETTINGS.polling, ...overrides.polling },
    orphanMitigation: { ...DEFAULT_PROVISIONING_SETTINGS.orphanMitigation, ...overrides.orphanMitigation },
  };
}
