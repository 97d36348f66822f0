import { defineContentScript } from 'wxt/utils/define-content-script'
import { followPageActions } from '../../content/follow-page-actions'
import { showDockedPanel } from '../../content/show-docked-panel'
import { companyIdFromHostname } from '../../vendors/exaktime/company-id'
import { describeExakTimePage, detectExakTimePage } from '../../vendors/exaktime/detect-page'
import { exaktimePageActions } from '../../vendors/exaktime/selectors'
import { exaktimeSite } from '../../vendors/exaktime/site'

export default defineContentScript({
  matches: [...exaktimeSite.matches],
  async main(ctx) {
    // exaktime.com's own subdomains (www, help, …) are not a company's ExakTime Connect: no panel there.
    const companyId = companyIdFromHostname(location.hostname)
    if (!companyId) return
    // Time approved here becomes finalized time we import: sync now, not at the next cycle.
    followPageActions({ vendor: 'exaktime', rules: exaktimePageActions, signal: ctx.signal })
    await showDockedPanel({
      ctx,
      doc: document,
      initialUrl: new URL(location.href),
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl)),
      describe: (url, doc) => describeExakTimePage(detectExakTimePage(url, doc)),
    }).catch((err: unknown) => console.error('[Protiv] Could not show the panel:', err))
  },
})

// Test URLs: https://acme.exaktime.com/app/timecards, https://acme.exaktime.com/login
