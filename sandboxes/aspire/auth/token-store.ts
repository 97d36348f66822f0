/**
 * Issued access and refresh tokens across all tenants. A token stays attributable to its tenant after it
 * expires, so an expired call still lands in that tenant's request log and rate budget.
 * @module
 */
import type { Tenant } from '../tenant/tenant'
import { randomToken, signJwt } from './jwt'

export interface IssuedToken {
  clientId: string
  /** Epoch ms on the tenant clock. */
  expiresAt: number
  generation: number
}

export interface TokenPair {
  Token: string
  RefreshToken: string
}

export class TokenStore {
  private access = new Map<string, IssuedToken>()
  private refresh = new Map<string, IssuedToken>()

  issue(tenant: Tenant): TokenPair {
    const now = tenant.now()
    const { token, claims } = signJwt(tenant.clientId, now, tenant.config.tokenLifetimeSeconds)
    const refreshToken = randomToken()
    this.access.set(token, { clientId: tenant.clientId, expiresAt: claims.exp * 1000, generation: tenant.tokenGeneration })
    this.refresh.set(refreshToken, {
      clientId: tenant.clientId,
      expiresAt: now + tenant.config.refreshTokenLifetimeSeconds * 1000,
      generation: tenant.refreshGeneration,
    })
    return { Token: token, RefreshToken: refreshToken }
  }

  lookup(token: string): IssuedToken | undefined {
    return this.access.get(token)
  }

  lookupRefresh(refreshToken: string): IssuedToken | undefined {
    return this.refresh.get(refreshToken)
  }

  /** Refresh tokens are single use: a successful refresh retires the old one. */
  retireRefresh(refreshToken: string): void {
    this.refresh.delete(refreshToken)
  }

  forget(clientId: string): void {
    for (const map of [this.access, this.refresh]) {
      for (const [token, issued] of map) if (issued.clientId === clientId) map.delete(token)
    }
  }
}

export const isLive = (issued: IssuedToken, tenant: Tenant, generation: number) => issued.generation === generation && issued.expiresAt > tenant.now()
