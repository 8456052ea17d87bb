/**
 * Compares what the platform recorded of an instance or binding with what its broker reports,
 * as a list of differences. Secret parameters (sealed in the record, or secret by the plan's
 * schemas or their names) and credentials are compared without their values ever leaving.
 */
import type { BrokerDifference } from '@osb/api';
import { isJsonObject, normalizeParameterSchema, sameJson, secretPaths } from '@osb/json-schema';
import type { ReportedInstance } from '../osb/retrieval.ts';
import { isSealed } from './parameter-secrets.ts';

/** The recorded side of an instance comparison. */
export interface RecordedInstance {
  planId: string;
  dashboardUrl: string | null;
  maintenanceInfoVersion: string | null;
  /** The stored parameters (secret values sealed). */
  parameters: Record<string, unknown>;
}

/** The differences between an instance's record and the broker's report; `schemas` are the plan's parameter schemas. */
export function compareInstance(
  recorded: RecordedInstance,
  reported: ReportedInstance,
  schemas: readonly unknown[],
): BrokerDifference[] {
  const differences: BrokerDifference[] = [];
  const field = (name: BrokerDifference['field'], mine: string | null, theirs: string | undefined) => {
    // A broker that leaves a field out says nothing about it.
    if (theirs !== undefined && theirs !== mine) differences.push(change(name, undefined, mine ?? undefined, theirs));
  };
  field('plan', recorded.planId, reported.planId);
  field('dashboardUrl', recorded.dashboardUrl, reported.dashboardUrl);
  field('maintenanceVersion', recorded.maintenanceInfoVersion, reported.maintenanceInfoVersion);
  if (reported.parameters !== undefined) {
    differences.push(...parameterDifferences(recorded.parameters, reported.parameters, schemas));
  }
  return differences;
}

/**
 * The differences between recorded and reported parameters, leaf by leaf (arrays compare as a
 * whole). A leaf is masked when the record holds it sealed or a schema or its name marks it secret.
 */
export function parameterDifferences(
  recorded: Record<string, unknown>,
  reported: Record<string, unknown>,
  schemas: readonly unknown[],
): BrokerDifference[] {
  const mine = leaves(recorded);
  const theirs = leaves(reported);
  const secret = new Set([...mine].filter(([, value]) => isSealed(value)).map(([pointer]) => pointer));
  for (const parameters of [recorded, reported]) {
    secretPaths(parameters).forEach((pointer) => secret.add(pointer));
    for (const schema of schemas) {
      const normalized = schema === undefined ? undefined : normalizeParameterSchema(schema);
      if (normalized?.ok) secretPaths(parameters, normalized.schema).forEach((pointer) => secret.add(pointer));
    }
  }
  return leafDifferences('parameter', mine, theirs, (pointer) => secret.has(pointer));
}

/** The differences between stored and reported credentials, by pointer; values are never included. */
export function credentialDifferences(
  stored: Record<string, unknown>,
  reported: Record<string, unknown>,
): BrokerDifference[] {
  return leafDifferences('credential', leaves(stored), leaves(reported), () => true);
}

function leafDifferences(
  field: 'parameter' | 'credential',
  mine: Map<string, unknown>,
  theirs: Map<string, unknown>,
  masked: (pointer: string) => boolean,
): BrokerDifference[] {
  const differences: BrokerDifference[] = [];
  for (const pointer of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    const hidden = masked(pointer);
    const had = mine.has(pointer);
    const has = theirs.has(pointer);
    // A sealed value cannot be compared with the broker's: only whether it is set counts.
    if (had && has && (isSealed(mine.get(pointer)) || sameJson(mine.get(pointer), theirs.get(pointer)))) continue;
    differences.push(
      hidden
        ? { field, path: pointer, change: had && has ? 'changed' : had ? 'removed' : 'added', masked: true }
        : change(field, pointer, mine.get(pointer), theirs.get(pointer)),
    );
  }
  return differences;
}

function change(
  field: BrokerDifference['field'],
  path: string | undefined,
  recorded: unknown,
  reported: unknown,
): BrokerDifference {
  return {
    field,
    ...(path !== undefined ? { path } : {}),
    change: recorded === undefined ? 'added' : reported === undefined ? 'removed' : 'changed',
    ...(recorded !== undefined ? { recorded } : {}),
    ...(reported !== undefined ? { reported } : {}),
  };
}

/** Every leaf of a JSON value by its JSON pointer; arrays and sealed values are leaves. */
function leaves(value: Record<string, unknown>): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (node: unknown, pointer: string) => {
    if (isJsonObject(node) && !isSealed(node) && Object.keys(node).length > 0) {
      for (const [key, child] of Object.entries(node)) {
        walk(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    } else if (pointer !== '') {
      found.set(pointer, node);
    }
  };
  walk(value, '');
  return found;
}
