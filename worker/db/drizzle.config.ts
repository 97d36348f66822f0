import { defineConfig } from 'drizzle-kit'

// Only drizzle-kit writes migration files (`npm run db:generate`); wrangler applies them.
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema/index.ts',
  out: './migrations',
})
