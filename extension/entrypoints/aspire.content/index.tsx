import { defineContentScript } from 'wxt/utils/define-content-script'
import '../../ui/panel/panel.css'
import { mountPanel } from '../../ui/panel/mount-panel'
import { aspireSite } from '../../vendors/aspire/site'

export default defineContentScript({
  matches: [...aspireSite.matches],
  cssInjectionMode: 'ui',
  async main(ctx) {
    await mountPanel(ctx, aspireSite.name)
  },
})

// Test URLs: https://cloud.youraspire.com/app/work-tickets, https://cloud.youraspire.com/app/opportunities
