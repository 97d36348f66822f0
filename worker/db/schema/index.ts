export * from './heartbeats'
export * from './organizations'
export * from './sessions'
export * from './users'
