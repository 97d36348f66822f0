import { defineContentScript } from 'wxt/utils/define-content-script'
import '../../ui/panel/propay-badge.css'
import { followNavigation } from '../../content/follow-navigation'
import { followPageActions } from '../../content/follow-page-actions'
import { aspirePageKey, detectAspirePage } from '../../vendors/aspire/detect-page'
import { aspirePageActions } from '../../vendors/aspire/selectors'
import { aspireSite } from '../../vendors/aspire/site'
import { aspirePanel } from './show-aspire-panel'

export default defineContentScript({
  matches: [...aspireSite.matches],
  cssInjectionMode: 'ui',
  main(ctx) {
    // A work ticket completed, time or materials changed here: sync now, not at the next cycle.
    followPageActions({
      vendor: 'aspire',
      rules: aspirePageActions,
      signal: ctx.signal,
      recordId: () => {
        const page = detectAspirePage(new URL(location.href), document)
        return page.kind === 'work-ticket' ? page.id : null
      },
    })
    // Aspire is a single-page app: the script runs once per tab and follows in-app navigation itself; the panel frame
    // stays mounted throughout, each screen updating its context and badges.
    const show = aspirePanel(ctx)
    followNavigation({
      initialUrl: new URL(location.href),
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl)),
      pageKey: aspirePageKey,
      show,
      signal: ctx.signal,
      onError: (err) => console.error('[Protiv] Could not show the panel:', err),
    })
  },
})

// Test URLs: https://cloud.youraspire.com/app/work-tickets, https://cloud.youraspire.com/app/work-tickets/details/<id>,
// https://cloud.youraspire.com/app/opportunities/details/<id>, https://cloud.youraspire.com/app/admin/api
