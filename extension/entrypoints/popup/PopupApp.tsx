import { browser } from 'wxt/browser'
import { BackendStatusLine } from '../../ui/BackendStatusLine'
import { provideOrgFormat } from '../../ui/format/use-org-format'
import { useMessage } from '../../ui/use-message'
import { ConnectionList } from './ConnectionList'

/** Opens the review screen; reading the queue also refreshes the count on the extension's icon. */
function ReviewButton() {
  const queue = useMessage('review:queue', {})
  const waiting = queue.value.state === 'ready' ? queue.value.value.readyToApprove.length : null
  return (
    <button type="button" data-testid="popup-review" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') })}>
      Review ProPays{waiting ? ` (${waiting} ready)` : ''}
    </button>
  )
}

/** Who is signed in, whether the backend is healthy and how every connection is doing, at a glance. */
export function PopupApp() {
  const auth = useMessage('auth:state', {})
  const status = useMessage('backend:status', {}, 10_000)
  if (auth.value.state === 'ready') provideOrgFormat(auth.value.value.signedIn ? auth.value.value.organization : null)
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
            {['admin', 'manager'].includes(auth.value.value.user.role) && (
              <>
                <ConnectionList canPause={auth.value.value.user.role === 'admin'} canReconnect={auth.value.value.user.role === 'admin'} />
                <ReviewButton />
              </>
            )}
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
