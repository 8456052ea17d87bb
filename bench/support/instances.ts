/**
 * Service instances for benchmarks, ordered through the platform's API.
 */
import { BENCH_PROJECT } from './harness.ts';
import { syntheticCatalog } from './synthetic-brokers.ts';

/** Plans of broker 0 without a parameter schema, so `{}` is valid (see syntheticCatalog), one per service. */
function orderablePlans(): { serviceId: string; planId: string }[] {
  return syntheticCatalog(0, 5).services.flatMap((service) => {
    const plan = (service['plans'] as { id: string; schemas?: unknown }[]).find(
      (candidate) => candidate.schemas === undefined,
    );
    return plan ? [{ serviceId: String(service['id']), planId: plan.id }] : [];
  });
}

/**
 * Orders `count` instances through the API, ten at a time, named `bench-instance-<n>`;
 * with `services`, spread over that many services of broker 0 (default: all of one).
 */
export async function seedInstances(url: string, token: string, count: number, services = 1): Promise<void> {
  const plans = orderablePlans().slice(0, services);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const { serviceId, planId } = plans[index % plans.length]!;
      const response = await fetch(`${url}/api/projects/${BENCH_PROJECT}/service-instances`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `bench-instance-${index}`, serviceId, planId, parameters: {} }),
      });
      if (response.status !== 201)
        throw new Error(`Ordering an instance: HTTP ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}
