import { render } from 'preact'
import '../../ui/panel/panel.css'
import '../../ui/panel/vendor-forms.css'
import '../../ui/frame/frame.css'
import { PanelFrame } from '../../ui/frame/PanelFrame'
import { reportHeight } from '../../ui/frame/post-to-parent'

render(<PanelFrame />, document.getElementById('app')!)
reportHeight(new AbortController().signal, document.getElementById('app')!)
