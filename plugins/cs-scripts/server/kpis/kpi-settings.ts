/** The `kpis` block of schemas/settings.schema.json: what counts as advertising, the response bands, the follow-up window. */
export interface KpiSettings {
  /** A buyer's message containing any of these (letters in any case) is advertising, left out of every figure. */
  spamKeywords: string[];
  /** An average response at or under this many seconds is good … */
  goodMaxSeconds: number;
  /** … at or under this, normal … */
  normalMaxSeconds: number;
  /** … at or over this, poor; between normal and poor it is slow. */
  poorFromSeconds: number;
  /** A buyer who paid an order within this many days before asking is followed up (协助跟进), not an inquiry. */
  followUpDays: number;
}

export const KPI_DEFAULTS: KpiSettings = {
  spamKeywords: ['加微信', '加V', '刷单', '兼职', '代运营', '推广服务', '免费领取', 'http://', 'https://'],
  goodMaxSeconds: 30,
  normalMaxSeconds: 60,
  poorFromSeconds: 100,
  followUpDays: 30,
};

/** The KPI settings out of the plugin's settings, defaults for what is missing (a settings file from before them). */
export function kpiSettings(all: Record<string, unknown>): KpiSettings {
  return { ...KPI_DEFAULTS, ...((all['kpis'] ?? {}) as Partial<KpiSettings>) };
}
