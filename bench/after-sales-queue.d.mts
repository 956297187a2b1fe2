// Types for the parts of bench/after-sales-queue.mjs that the tests use.
import type { Database } from 'sqlite3';

export declare const CASES: number;
export interface Mix { name: string; query: (i: number) => Record<string, string> }
export declare function open(file: string, mode: number): Promise<Database>;
export declare function fillCases(file: string, cases: number, now?: number): Promise<{ orderNos: string[] }>;
export declare function mixes(orderNos: string[]): Mix[];
export declare function rawQueue(db: Database, query: Record<string, string>, now: string): Promise<{ total: number; ids: number[] }>;
export declare function differences(name: string, answer: { total: number; items: { id: number }[] }, raw: { total: number; ids: number[] }): string[];
export declare function runAfterSalesQueue(options?: { log?: (line: string) => void; cases?: number; repeat?: number }): Promise<string[][]>;
