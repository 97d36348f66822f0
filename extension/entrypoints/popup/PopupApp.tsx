import { browser } from 'wxt/browser'
import { BackendStatusLine } from '../../ui/BackendStatusLine'
import { useMessage } from '../../ui/use-message'
import { ConnectionList } from './ConnectionList'

/** Who is signed in, whether the backend is healthy and how every connection is doing, at a glance. */
export function PopupApp() {
  const auth = useMessage('auth:state', {})
  const status = useMessage('backend:status', {}, 10_000)
  return (
    <main>
      <h1>
        <span class="logo">P</span> Protiv Connect
      </h1>
      {status.value.state === 'ready' && <BackendStatusLine status={status.value.value} />}
      {auth.value.state === 'ready' &&
        (auth.value.value.signedIn ? (
          <>
            <p data-testid="popup-user">
              {auth.value.value.user.name} · {auth.value.value.organization.name}
            </p>
            {['admin', 'manager'].includes(auth.value.value.user.role) && <ConnectionList />}
          </>
        ) : (
          <p data-testid="popup-user" class="muted">
            Not signed in.
          </p>
        ))}
      <button class="secondary" onClick={() => browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </main>
  )
}
