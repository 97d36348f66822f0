import { defineContentScript } from 'wxt/utils/define-content-script'
import { followPageActions } from '../../content/follow-page-actions'
import { showDockedPanel } from '../../content/show-docked-panel'
import { describeBuildertrendPage, detectBuildertrendPage } from '../../vendors/buildertrend/detect-page'
import { buildertrendPageActions } from '../../vendors/buildertrend/selectors'
import { buildertrendSite } from '../../vendors/buildertrend/site'

export default defineContentScript({
  matches: [...buildertrendSite.matches],
  async main(ctx) {
    // A shift saved or approved on the Time Clock: sync now, not at the next cycle.
    followPageActions({ vendor: 'buildertrend', rules: buildertrendPageActions, signal: ctx.signal })
    // Buildertrend is a single-page app: one panel per tab, its screen line following in-app navigation.
    await showDockedPanel({
      ctx,
      doc: document,
      initialUrl: new URL(location.href),
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl)),
      describe: (url, doc) => describeBuildertrendPage(detectBuildertrendPage(url, doc)),
    }).catch((err: unknown) => console.error('[Protiv] Could not show the panel:', err))
  },
})

// Test URLs: https://buildertrend.net/app/TimeClock, https://buildertrend.net/app/JobPage/<id>, https://buildertrend.net/app/Landing
