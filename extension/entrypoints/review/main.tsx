import { render } from 'preact'
import '../../ui/page.css'
import './review.css'
import { ReviewApp } from './ReviewApp'

render(<ReviewApp />, document.getElementById('app')!)
