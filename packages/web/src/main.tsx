import { render } from 'preact'
import { App } from './app.js'
import { takeTokenFromUrl } from './lib/auth.js'
import './styles/base.css'
import './styles/shell.css'
import './styles/controls.css'
import './styles/pages.css'
import './styles/table.css'
import './styles/detail.css'
import './styles/timeline.css'
import './styles/content.css'
import './styles/forms.css'
import './styles/overview.css'
import './styles/alerts.css'
import './styles/analysis.css'
import './styles/prompts.css'
import './styles/experiments.css'
import './styles/datasets.css'
import './styles/recommendations.css'
import './styles/playground.css'

// Before the first render, so the address bar never keeps the key and the app starts signed in.
takeTokenFromUrl()
render(<App />, document.getElementById('app')!)
