/** The dashboard's sections, in order; their headings are part of the UI contract. */
export const dashboardSections = [
  { id: 'customers', heading: 'dashboard.customers' },
  { id: 'retention-due', heading: 'dashboard.retentionDue' },
  { id: 'jobs', heading: 'dashboard.jobs' },
  { id: 'audit-log', heading: 'dashboard.auditLog' },
  { id: 'transfers', heading: 'dashboard.transfers' },
  { id: 'connections', heading: 'dashboard.connections' },
] as const;

export type DashboardSectionId = (typeof dashboardSections)[number]['id'];
