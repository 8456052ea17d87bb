/**
 * A project's costs: every instance with its plan's `metadata.costs` from the catalog, split into
 * components with a monthly estimate (time units, by the contract's `monthlyEstimate`) and
 * usage-based or one-time components (rates only), with totals per service and for the project
 * by currency. Instances shared with the project are listed but counted only in their owner's
 * project.
 */
import {
  addAmounts,
  monthlyEstimate,
  type InstanceCosts,
  type PlanCost,
  type ProjectCosts,
  type ServiceCosts,
  type ServiceOffering,
} from '@osb/api';
import type { InstanceRecord, InstanceRepository } from '../provisioning/instance-repository.ts';
import type { SharedFrom, SharedInstanceLookup } from '../provisioning/instance-service.ts';

/** What the cost service needs. */
export interface CostServiceDependencies {
  instances: Pick<InstanceRepository, 'findByProject' | 'findMany'>;
  shares: SharedInstanceLookup;
  catalog: { findService(serviceId: string, brokerId?: string): ServiceOffering | undefined };
}

/** Computes the costs of projects. */
export class CostService {
  /** @param deps the instances, the shares and the catalog */
  constructor(private readonly deps: CostServiceDependencies) {}

  /** The costs of the project's instances (those whose order did not fail), oldest first. */
  async ofProject(projectId: string): Promise<ProjectCosts> {
    const own = await this.deps.instances.findByProject(projectId);
    const sharedFrom = new Map(
      (await this.deps.shares.sharedWith(projectId)).map(({ instanceId, from }) => [instanceId, from]),
    );
    const shared = await this.deps.instances.findMany([...sharedFrom.keys()]);
    const ownCosts = own.filter(exists).map((record) => this.costsOf(record));
    const sharedCosts = shared
      .filter(exists)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((record) => this.costsOf(record, sharedFrom.get(record.id)));
    return {
      instances: [...ownCosts, ...sharedCosts],
      services: serviceTotals(ownCosts),
      monthly: addAmounts(ownCosts.map((line) => line.monthly)),
      usageBasedInstances: ownCosts.filter((line) => line.usageBased.length > 0).length,
    };
  }

  private costsOf(record: InstanceRecord, sharedFrom?: SharedFrom): InstanceCosts {
    const service = this.deps.catalog.findService(record.serviceId, record.brokerId);
    const plan = service?.plans.find((candidate) => candidate.id === record.planId);
    const recurring: InstanceCosts['recurring'] = [];
    const usageBased: PlanCost[] = [];
    for (const cost of plan?.costs ?? []) {
      const monthly = monthlyEstimate(cost);
      if (monthly) recurring.push({ ...cost, monthly });
      else usageBased.push(cost);
    }
    return {
      instanceId: record.id,
      instanceName: record.name,
      serviceId: record.serviceId,
      serviceName: service?.displayName ?? record.serviceId,
      planId: record.planId,
      planName: plan?.displayName ?? record.planId,
      recurring,
      usageBased,
      monthly: addAmounts(recurring.map((cost) => cost.monthly)),
      free: plan?.free ?? false,
      ...(sharedFrom ? { sharedFrom } : {}),
      ...(plan ? {} : { offeringGone: true }),
    };
  }
}

/** An instance that exists (or is being made or changed): not one whose order failed. */
function exists(record: InstanceRecord): boolean {
  return !(record.operation.type === 'create' && record.operation.state === 'failed');
}

function serviceTotals(lines: InstanceCosts[]): ServiceCosts[] {
  const byService = new Map<string, InstanceCosts[]>();
  for (const line of lines) byService.set(line.serviceId, [...(byService.get(line.serviceId) ?? []), line]);
  return [...byService.values()]
    .map((serviceLines) => ({
      serviceId: serviceLines[0]!.serviceId,
      serviceName: serviceLines[0]!.serviceName,
      instances: serviceLines.length,
      monthly: addAmounts(serviceLines.map((line) => line.monthly)),
      usageBasedInstances: serviceLines.filter((line) => line.usageBased.length > 0).length,
    }))
    .sort((a, b) => a.serviceName.localeCompare(b.serviceName));
}
