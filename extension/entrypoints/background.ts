import { defineBackground } from 'wxt/utils/define-background'
import { listenForMessages } from '../background/router'

export default defineBackground(() => {
  listenForMessages()
})
