/** The demo organisation `npm start` seeds. Local only: these credentials never exist in production. */
export const DEMO = {
  orgId: 'org_demo',
  orgName: 'Evergreen Landscaping (demo)',
  timeZone: 'America/Chicago',
  adminId: 'user_demo_admin',
  adminName: 'Dana Admin',
  email: 'admin@demo.protiv.test',
  password: 'protiv-demo-2026',
} as const
