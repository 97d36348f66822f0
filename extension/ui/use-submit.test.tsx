import { afterEach, describe, expect, it } from 'vitest'
import { renderInto, settle, submit, text, unmountAll } from '../test-support/render'
import { FormError } from './form-error'
import { useSubmit } from './use-submit'

/** A form whose action waits for the test to settle it. */
function Form({ action }: { action: () => Promise<void> }) {
  const { busy, error, onSubmit } = useSubmit(action)
  return (
    <form onSubmit={onSubmit}>
      <button type="submit" disabled={busy.value}>
        {busy.value ? 'Working…' : 'Go'}
      </button>
      <FormError error={error.value} testId="form-error" />
    </form>
  )
}

describe('useSubmit', () => {
  afterEach(unmountAll)

  it('should be busy while the action runs and show its error in its own words afterwards', async () => {
    let fail!: (err: Error) => void
    const root = renderInto(<Form action={() => new Promise((_, reject) => (fail = reject))} />)
    await submit(root.querySelector('form'))
    expect(root.querySelector('button')!.disabled).toBe(true)
    expect(text(root, 'button')).toBe('Working…')
    fail(new Error('Aspire refused this Client ID and Secret.'))
    await settle()
    expect(root.querySelector('button')!.disabled).toBe(false)
    expect(text(root, '[data-testid=form-error]')).toBe('Aspire refused this Client ID and Secret.')
    expect(root.querySelector('[role=alert]')).not.toBeNull()
  })

  it('should clear the last error when a retry succeeds, and not reload the page', async () => {
    let calls = 0
    const root = renderInto(
      <Form
        action={async () => {
          if (++calls === 1) throw new Error('try again')
        }}
      />,
    )
    const event = new Event('submit', { bubbles: true, cancelable: true })
    root.querySelector('form')!.dispatchEvent(event)
    await settle()
    expect(event.defaultPrevented).toBe(true)
    expect(text(root, '[data-testid=form-error]')).toBe('try again')
    await submit(root.querySelector('form'))
    expect(root.querySelector('[data-testid=form-error]')).toBeNull()
    expect(calls).toBe(2)
  })
})
