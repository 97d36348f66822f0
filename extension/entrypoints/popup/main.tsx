import { render } from 'preact'
import '../../ui/page.css'
// The vendors' Reconnect forms open inline in the popup: their waiting line and spinner.
import '../../ui/panel/vendor-forms.css'
import './popup.css'
import { PopupApp } from './PopupApp'

render(<PopupApp />, document.getElementById('app')!)
