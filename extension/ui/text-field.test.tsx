import { signal } from '@preact/signals'
import { afterEach, describe, expect, it } from 'vitest'
import { renderInto, type, unmountAll } from '../test-support/render'
import { TextField } from './text-field'

describe('TextField', () => {
  afterEach(unmountAll)

  it('should label the input, keep the signal in step with typing, and set only the attributes given', async () => {
    const value = signal('first')
    const root = renderInto(<TextField id="secret" label="Secret" name="secret" type="password" required value={value} />)
    const input = root.querySelector<HTMLInputElement>('#secret')!
    expect(root.querySelector('label')!.htmlFor).toBe('secret')
    expect(root.querySelector('label')!.textContent).toBe('Secret')
    expect(input.value).toBe('first')
    expect([input.type, input.name, input.required]).toEqual(['password', 'secret', true])
    expect(['autocomplete', 'spellcheck', 'disabled', 'placeholder'].filter((a) => input.hasAttribute(a))).toEqual([])
    await type(input, 'second')
    expect(value.value).toBe('second')
  })
})
