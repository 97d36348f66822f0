/**
 * Which Buildertrend screen a document shows, and what the panel says about it. Pure.
 * @module
 */
import { type DetectedScreen, detectScreen, screenKey } from '../../content/page-rules'
import type { PageContext } from '../../ui/panel/page-context'
import { type BuildertrendPageKind, buildertrendPageRules } from './selectors'

export type BuildertrendPage = DetectedScreen<Exclude<BuildertrendPageKind, 'other'>>

export const detectBuildertrendPage = (url: URL, doc: Document): BuildertrendPage => detectScreen(buildertrendPageRules, url, doc)

export const buildertrendPageKey = (url: URL) => screenKey(buildertrendPageRules, url)

const labels: Record<BuildertrendPageKind, string | null> = { 'time-clock': 'Time clock', job: 'Job', landing: 'Summary', other: null }

/** "Job 4102 · Cedar Ridge Remodel": the line the panel shows about the screen it sits on. */
export const describeBuildertrendPage = (page: BuildertrendPage): PageContext => ({ kind: page.kind, id: page.id, label: labels[page.kind], title: page.title })
