import type { Database } from 'sqlite3';

export declare function open(file: string, mode?: number): Promise<Database>;
export declare function all<T = Record<string, unknown>>(db: Database, sql: string, params?: unknown[]): Promise<T[]>;
export declare function get<T = Record<string, unknown>>(db: Database, sql: string, params?: unknown[]): Promise<T | undefined>;
export declare function run(db: Database, sql: string, params?: unknown[]): Promise<void>;
export declare function exec(db: Database, sql: string): Promise<void>;
export declare function close(db: Database): Promise<void>;
