/**
 * Timings of the provisioning machinery. The defaults suit production; tests shorten them.
 */
import type { OperationsConfig } from '../config/config.ts';
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
const DEFAULT_PROVISIONING_SETTINGS: ProvisioningSettings = {
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
function provisioningSettings(overrides: ProvisioningOverrides = {}): ProvisioningSettings {
  return {
    requestTimeoutSeconds: overrides.requestTimeoutSeconds ?? DEFAULT_PROVISIONING_SETTINGS.requestTimeoutSeconds,
    polling: { ...DEFAULT_PROVISIONING_SETTINGS.polling, ...overrides.polling },
    orphanMitigation: { ...DEFAULT_PROVISIONING_SETTINGS.orphanMitigation, ...overrides.orphanMitigation },
  };
}

/** The settings for the configured polling intervals, with `overrides` applied on top. */
export function configuredProvisioningSettings(
  operations: Pick<OperationsConfig, 'pollIntervalSeconds' | 'maxPollIntervalSeconds'>,
  overrides: ProvisioningOverrides = {},
): ProvisioningSettings {
  const initialDelayMs = operations.pollIntervalSeconds * 1000;
  return provisioningSettings({
    ...overrides,
    polling: {
      initialDelayMs,
      minDelayMs: Math.min(DEFAULT_PROVISIONING_SETTINGS.polling.minDelayMs, initialDelayMs),
      maxBackoffDelayMs: Math.max(initialDelayMs, operations.maxPollIntervalSeconds * 1000),
      ...overrides.polling,
    },
  });
}
