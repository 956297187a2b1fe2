import { join } from 'node:path';
import type { Locale } from '../i18n/localized-text.js';
import type { LogLevel } from '../log/logger.js';

/** config.yaml after validation, with defaults filled and paths made absolute. */
export interface WorkbenchConfig {
  /** Absolute path of the config file it was read from (or would have been). */
  file: string;
  server: {
    host: string;
    port: number;
    allowedHosts: string[];
    bodyLimitBytes: number;
    uploadLimitBytes: number;
    /** Uploads (imports) taken in at once; one more is refused with 503 until one ends. */
    uploadSlots: number;
    sessionIdleMinutes: number;
    /** HTTPS with these PEM files (absolute paths); absent: plain HTTP. */
    tls?: { certFile: string; keyFile: string };
  };
  /** Absolute path. */
  dataDir: string;
  locale: Locale;
  timeZone: string;
  logLevel: LogLevel;
  plugins: {
    enabled: 'all' | string[];
    /** Absolute paths. */
    folders: string[];
  };
  settings: Record<string, Record<string, unknown>>;
  /**
   * From env WORKBENCH_CLOCK_START: the workbench's clock starts at this instant and runs on from
   * there, to try out dated behaviour (month-end reminders, scheduled listings) on a copy.
   */
  clockStart?: string;
  /**
   * From env WORKBENCH_BUILDS_DIR (absolute): where plugin bundles are kept between starts, instead
   * of `<dataDir>/cache/builds`. Workbenches that run the same plugins may share one.
   */
  buildsDir?: string;
}

/**
 * Where a start keeps what the next one can reuse: plugin bundles, parsed manifests, compiled
 * validators (each named by what it was made from).
 */
export function buildsFolder(config: Pick<WorkbenchConfig, 'buildsDir' | 'dataDir'>): string {
  return config.buildsDir ?? join(config.dataDir, 'cache', 'builds');
}
