/**
 * A project's costs as CSV (RFC 4180): one row per cost component and currency of each
 * instance, numbers written the same in every language (a dot as decimal separator, no grouping),
 * text quoted where needed and cells that a spreadsheet would run as a formula defused.
 */
import type { InstanceCosts, PlanCost, ProjectCosts } from '@osb/api';

/** The columns, in order. */
function headers(): string[] {
  return [
    $localize`:CSV column@@costsCsvInstance:Instance`,
    $localize`:CSV column@@costsCsvService:Service`,
    $localize`:CSV column@@costsCsvPlan:Plan`,
    $localize`:CSV column@@costsCsvSharedFrom:Shared from project`,
    $localize`:CSV column@@costsCsvUnit:Unit`,
    $localize`:CSV column@@costsCsvCurrency:Currency`,
    $localize`:CSV column@@costsCsvRate:Rate`,
    $localize`:CSV column@@costsCsvMonthly:Monthly estimate`,
  ];
}

/** The costs as CSV text, with a header row and CRLF line ends. */
export function costsCsv(costs: ProjectCosts): string {
  const rows: Row[] = [headers(), ...costs.instances.flatMap(instanceRows)];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A row's cells: text, or numbers (written locale-independently). */
type Row = (string | number)[];

function instanceRows(line: InstanceCosts): Row[] {
  const start = [line.instanceName, line.serviceName, line.planName, line.sharedFrom?.displayName ?? ''];
  const components: { cost: PlanCost; monthly?: Record<string, number> }[] = [
    ...line.recurring.map((cost) => ({ cost, monthly: cost.monthly })),
    ...line.usageBased.map((cost) => ({ cost })),
  ];
  if (components.length === 0) return [[...start, '', '', '', '']];
  return components.flatMap(({ cost, monthly }) =>
    Object.entries(cost.amount).map(([currency, amount]) => [
      ...start,
      cost.unit,
      currency.toUpperCase(),
      amount,
      monthly?.[currency.toLowerCase()] ?? '',
    ]),
  );
}

/** A number as CSV writes it in every language: `1234.5`, never `1.234,5` or `1e-7`. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 });
}

/**
 * One cell: a number as `csvNumber` writes it; text quoted when it holds a comma, a quote or a
 * line break (quotes doubled), and given a leading apostrophe when it starts like a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return).
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return csvNumber(value);
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
