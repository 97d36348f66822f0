import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { cpuDelta, groupCpuMs } from './process-cpu'

/** A child in its own process group that spins for a while, says so, then idles until killed. */
async function busyGroup() {
  const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 300; while (Date.now() < end); console.log("spun"); setInterval(() => {}, 1000)'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await once(child.stdout!, 'data')
  return child
}

describe('groupCpuMs', () => {
  it("should count the CPU a process group's members used, by name or by the caller's label", async () => {
    const child = await busyGroup()
    try {
      const byName = groupCpuMs(child.pid!)
      expect(Object.keys(byName)).toEqual(['node'])
      expect(byName.node).toBeGreaterThan(0)
      const labelled = groupCpuMs(child.pid!, (name, commandLine) => (commandLine.includes('spun') ? `spinner ${name}` : name))
      expect(Object.keys(labelled)).toEqual(['spinner node'])
    } finally {
      process.kill(-child.pid!, 'SIGKILL')
    }
  })

  it('should find nothing for a group without processes', () => {
    expect(groupCpuMs(2 ** 22 + 12_345)).toEqual({})
  })
})

describe('cpuDelta', () => {
  it('should give what each name used between two readings, counting a name new in the second from zero', () => {
    expect(cpuDelta({ workerd: 100, node: 10 }, { workerd: 130, node: 10, esbuild: 5 })).toEqual({ workerd: 30, node: 0, esbuild: 5 })
  })
})
