import { render } from 'preact'
import '../../ui/panel/panel.css'
import '../../ui/panel/propay-badge.css'
import '../../ui/frame/frame.css'
import { BreakdownFrame } from '../../ui/frame/BreakdownFrame'
import { reportHeight } from '../../ui/frame/post-to-parent'

render(<BreakdownFrame />, document.getElementById('app')!)
reportHeight(new AbortController().signal, document.getElementById('app')!)
