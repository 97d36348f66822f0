import { useSignal } from '@preact/signals'

/**
 * The busy/error handling every form of the extension shares: `busy` while the action runs (forms disable
 * themselves and say what they wait for), and the error of the last try in the words it was thrown with,
 * which for API calls are the backend's, shown as given.
 */
export function useSubmit(action: () => Promise<void>) {
  const busy = useSignal(false)
  const error = useSignal<string | null>(null)
  const onSubmit = async (event: Event) => {
    event.preventDefault()
    busy.value = true
    error.value = null
    try {
      await action()
    } catch (err) {
      error.value = (err as Error).message
    } finally {
      busy.value = false
    }
  }
  return { busy, error, onSubmit }
}
