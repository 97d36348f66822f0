import { describe, expect, it } from 'vitest'
import { watchedValue } from './watched-value'

describe('watchedValue', () => {
  it('should tell each watcher every new value until it stops watching', () => {
    const count = watchedValue(0)
    const a: number[] = []
    const b: number[] = []
    const stopA = count.watch((v) => a.push(v))
    count.watch((v) => b.push(v))
    count.set(1)
    stopA()
    count.set(2)
    expect(count.value).toBe(2)
    expect(a).toEqual([1])
    expect(b).toEqual([1, 2])
  })

  it('should keep telling the others when a watcher stops watching while being told', () => {
    const subject = watchedValue('loading')
    const seen: string[] = []
    const stop = subject.watch(() => stop())
    subject.watch((v) => seen.push(v))
    subject.set('ready')
    subject.set('none')
    expect(seen).toEqual(['ready', 'none'])
  })
})
