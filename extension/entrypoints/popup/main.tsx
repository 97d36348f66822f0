import { render } from 'preact'
import '../../ui/page.css'
import './popup.css'
import { PopupApp } from './PopupApp'

render(<PopupApp />, document.getElementById('app')!)
