import type { TestProject } from 'vitest/node'

/**
 * Vendor sandboxes are Node HTTP servers (stand-ins for the vendors' own servers). They are started once
 * for the workerd test run; tests read their base URLs with `inject('sandboxes')`.
 */
export default async function startSandboxes(project: TestProject) {
  const started: Array<{ close(): Promise<void> }> = []
  const urls: Record<string, string> = {}
  project.provide('sandboxes', urls)
  return async () => {
    await Promise.all(started.map((server) => server.close()))
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxes: Record<string, string>
  }
}
