/**
 * The small HTML pages the demo broker serves to users' browsers: instance dashboards,
 * service documentation and support pages. Every value from requests is HTML-escaped; the
 * only unescaped HTML is the broker's own long descriptions rendered from markdown.
 */
import { marked } from 'marked';
import { secretPaths, withValuesAt } from '@osb/json-schema';
import type { CatalogService } from './catalog.ts';
import type { InstanceRecord } from './store.ts';
import { escapeHtml } from '../html/escape-html.ts';

/** A complete, self-contained HTML page. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; background: #f8fafc; }
  header { background: #1e3a8a; color: #fff; padding: 16px 32px; }
  main { max-width: 880px; margin: 24px auto; padding: 0 32px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 8px 24px; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  pre { background: #e2e8f0; padding: 12px; border-radius: 6px; overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 8px; border-bottom: 1px solid #cbd5e1; }
  .status { display: inline-block; padding: 2px 10px; border-radius: 12px; background: #dcfce7; color: #166534; }
  .status.creating { background: #fef9c3; color: #854d0e; }
</style>
</head>
<body>
<header><strong>Demo Cloud</strong> · ${escapeHtml(title)}</header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The dashboard of one service instance. */
export function dashboardPage(
  instance: InstanceRecord,
  service: CatalogService | undefined,
  tenant: string | undefined,
): string {
  const plan = service?.plans.find((candidate) => candidate.id === instance.planId);
  const serviceName = service?.definition.displayName ?? instance.serviceId;
  const status = instance.status === 'ready' ? 'Ready' : 'Being set up';
  const projectId = typeof instance.context?.['project_id'] === 'string' ? instance.context['project_id'] : undefined;
  const rows: [string, string][] = [
    ['Service', serviceName],
    ['Plan', plan?.definition.displayName ?? instance.planId],
    ['Instance id', instance.id],
    ['Created', instance.createdAt],
    ...(projectId ? [['Project', projectId] as [string, string]] : []),
    ...(tenant ? [['Tenant', tenant] as [string, string]] : []),
  ];
  return page(
    `${serviceName} dashboard`,
    `<h1>${escapeHtml(serviceName)}</h1>
<p><span class="status ${instance.status}">${escapeHtml(status)}</span></p>
<dl>
${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
<h2>Parameters</h2>
<pre>${escapeHtml(JSON.stringify(withoutSecrets(instance.parameters), null, 2))}</pre>`,
  );
}

/** Parameters with the values of secret-looking names (passwords, tokens, keys) masked. */
function withoutSecrets(parameters: Record<string, unknown>): Record<string, unknown> {
  return withValuesAt(parameters, Object.fromEntries(secretPaths(parameters).map((pointer) => [pointer, '(hidden)'])));
}

/** The documentation page of a service: what it is and what its plans cost. */
export function documentationPage(service: CatalogService): string {
  const { definition } = service;
  const planRows = service.plans
    .map(({ definition: plan }) => {
      const price = plan.free
        ? 'Free'
        : plan.costs.map((cost) => `€${cost.amount.eur} ${cost.unit.toLowerCase()}`).join(' + ');
      return `<tr><td>${escapeHtml(plan.displayName)}</td><td>${escapeHtml(plan.description)}</td><td>${escapeHtml(price)}</td></tr>`;
    })
    .join('\n');
  return page(
    `${definition.displayName} documentation`,
    `<h1>${escapeHtml(definition.displayName)}</h1>
<p>${escapeHtml(definition.description)}</p>
${marked.parse(definition.longDescription, { async: false })}
<h2>Plans</h2>
<table><thead><tr><th>Plan</th><th>Description</th><th>Price</th></tr></thead>
<tbody>
${planRows}
</tbody></table>
<p><a href="${escapeHtml(`./${definition.name}/support`)}">Get support</a></p>`,
  );
}

/** The support page of a service. */
export function supportPage(service: CatalogService): string {
  const { definition } = service;
  return page(
    `${definition.displayName} support`,
    `<h1>Support for ${escapeHtml(definition.displayName)}</h1>
<p>${escapeHtml(definition.providerDisplayName)} answers within one business day.</p>
<ul>
<li>E-mail: <a href="mailto:support@demo.example">support@demo.example</a></li>
<li>Phone: +49 30 1234 5678 (Monday to Friday, 9:00 to 17:00 CET)</li>
</ul>
<p>Please include the service instance id in your request.</p>`,
  );
}
